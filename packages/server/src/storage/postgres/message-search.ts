import type { Pool } from 'pg';
import type { MessageSearchStore } from '../message-search-store.js';
import { M_MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../sqlite/rows.js';
import { likeEscape, named } from './sql.js';

const SEARCH = `SELECT ${M_MESSAGE_COLUMNS} FROM messages m
  JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = @userId
  WHERE m.type IN ('text', 'ai') AND (m.content->>'text') ILIKE @pattern
    AND (@conversationId::text IS NULL OR m.conversation_id = @conversationId)
    AND NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = @userId AND h.message_id = m.id)
  ORDER BY m.created_at DESC, m.seq DESC, m.id COLLATE "C" DESC
  LIMIT @limit`;

/** Message search on PostgreSQL: ILIKE served by the pg_trgm index of migration 10. */
export function messageSearchMethods(pool: Pool): MessageSearchStore {
  return {
    async search(query) {
      const { rows } = await pool.query<MessageRow>(
        named(SEARCH, { userId: query.userId, pattern: `%${likeEscape(query.text)}%`, conversationId: query.conversationId ?? null, limit: query.limit + 1 }),
      );
      return rows.map(messageFromRow);
    },
  };
}
