import type { Message } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { MessageSearchQuery, MessageSearchStore } from '../message-search-store.js';
import { likeEscape } from '../postgres/sql.js';
import { M_MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './rows.js';

/** The trigram tokenizer indexes 3-character grams: shorter queries are matched with LIKE over the same table. */
const TRIGRAM = 3;

function searchSql(condition: string): string {
  return `SELECT ${M_MESSAGE_COLUMNS} FROM message_search s
    JOIN message_search_keys k ON k.key = s.rowid
    JOIN messages m ON m.id = k.message_id
    JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = @userId
    WHERE ${condition}
      AND (@conversationId IS NULL OR m.conversation_id = @conversationId)
      AND NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = @userId AND h.message_id = m.id)
    ORDER BY m.created_at DESC, m.seq DESC, m.id DESC
    LIMIT @limit`;
}

/** The search part of the SQLite store: FTS5 trigram MATCH, or LIKE for one- and two-character queries. @internal */
export class SqliteMessageSearch implements MessageSearchStore {
  private readonly match: Statement;
  private readonly like: Statement;

  constructor(db: Database) {
    this.match = db.prepare(searchSql('message_search MATCH @pattern'));
    this.like = db.prepare(searchSql("s.body LIKE @pattern ESCAPE '\\'"));
  }

  async search(query: MessageSearchQuery): Promise<Message[]> {
    const short = [...query.text].length < TRIGRAM;
    const params = {
      userId: query.userId,
      conversationId: query.conversationId ?? null,
      limit: query.limit + 1,
      // A phrase: the whole query, in order, as typed ("" escapes a quote inside an FTS5 string).
      pattern: short ? `%${likeEscape(query.text)}%` : `"${query.text.replaceAll('"', '""')}"`,
    };
    return ((short ? this.like : this.match).all(params) as MessageRow[]).map(messageFromRow);
  }
}
