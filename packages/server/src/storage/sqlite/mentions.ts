import type { Database, Statement } from 'better-sqlite3';
import { UNREAD_MENTIONS_SQL, mentionSeqsFromRows, type MentionRow } from '../mention-sql.js';
import type { MentionStore } from '../mention-store.js';

/** The mentions part of the SQLite store. @internal */
export class SqliteMentions implements MentionStore {
  private readonly unread: Statement;

  constructor(db: Database) {
    this.unread = db.prepare(UNREAD_MENTIONS_SQL);
  }

  async unreadSeqs(userId: string, max: number, conversationId?: string): Promise<Map<string, number[]>> {
    return mentionSeqsFromRows(this.unread.all({ userId, max, conversationId: conversationId ?? null }) as MentionRow[]);
  }
}
