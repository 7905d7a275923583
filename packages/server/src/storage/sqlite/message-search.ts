import type { Message } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { MessageSearchQuery, MessageSearchStore } from '../message-search-store.js';
import { likeEscape } from '../postgres/sql.js';
import { M_MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './rows.js';

/** The trigram tokenizer indexes 3-character grams: shorter queries are matched with LIKE over the same table. */
const TRIGRAM = 3;

/**
 * The indexed messages that match, and those past the indexer's cursor (committed in the last moment,
 * not indexed yet) whose text matches `@tail` with LIKE; then who may see them, newest first.
 */
function searchSql(condition: string): string {
  return `WITH found(id) AS (
      SELECT k.message_id FROM message_search s JOIN message_search_keys k ON k.key = s.rowid WHERE ${condition}
      UNION
      SELECT id FROM messages
        WHERE rowid > (SELECT indexed_rowid FROM message_search_progress) AND type IN ('text', 'ai')
          AND json_extract(content, '$.text') LIKE @tail ESCAPE '\\'
    )
    SELECT ${M_MESSAGE_COLUMNS} FROM found f
    JOIN messages m ON m.id = f.id
    JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = @userId
    WHERE (@conversationId IS NULL OR m.conversation_id = @conversationId)
      AND NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = @userId AND h.message_id = m.id)
    ORDER BY m.created_at DESC, m.seq DESC, m.id DESC
    LIMIT @limit`;
}

/** The search part of the SQLite store: FTS5 trigram MATCH, or LIKE for one- and two-character queries, and LIKE over the unindexed tail. @internal */
export class SqliteMessageSearch implements MessageSearchStore {
  private readonly match: Statement;
  private readonly like: Statement;

  constructor(db: Database) {
    this.match = db.prepare(searchSql('message_search MATCH @pattern'));
    this.like = db.prepare(searchSql("s.body LIKE @pattern ESCAPE '\\'"));
  }

  async search(query: MessageSearchQuery): Promise<Message[]> {
    const short = [...query.text].length < TRIGRAM;
    const like = `%${likeEscape(query.text)}%`;
    const params = {
      userId: query.userId,
      tail: like,
      conversationId: query.conversationId ?? null,
      limit: query.limit + 1,
      // A phrase: the whole query, in order, as typed ("" escapes a quote inside an FTS5 string).
      pattern: short ? like : `"${query.text.replaceAll('"', '""')}"`,
    };
    return ((short ? this.like : this.match).all(params) as MessageRow[]).map(messageFromRow);
  }
}
