import type { Pool } from 'pg';
import { UNREAD_MENTIONS_SQL, mentionSeqsFromRows, type MentionRow } from '../mention-sql.js';
import type { MentionStore } from '../mention-store.js';
import { named } from './sql.js';

/** The mentions part of the PostgreSQL store. */
export function mentionMethods(pool: Pool): MentionStore {
  return {
    async unreadSeqs(userId, max, conversationId) {
      const { rows } = await pool.query<MentionRow>(named(UNREAD_MENTIONS_SQL, { userId, max, conversationId: conversationId ?? null }));
      return mentionSeqsFromRows(rows);
    },
  };
}
