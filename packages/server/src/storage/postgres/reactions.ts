import type { Pool } from 'pg';
import type { ReactionStore } from '../reaction-store.js';
import { reactionsByMessage, type ReactionRow } from '../sqlite/reactions.js';
import { nextChangeSeq } from './message-changes.js';
import { inTransaction } from './transaction.js';

/** Reactions (`store.reactions`) on PostgreSQL. */
export function reactionMethods(pool: Pool): ReactionStore {
  return {
    set: (change) =>
      inTransaction(pool, async (client): Promise<number | null> => {
        const { messageId, userId, emoji, on, now } = change;
        const message = await client.query<{ conversation_id: string }>('SELECT conversation_id FROM messages WHERE id = $1 FOR UPDATE', [messageId]);
        const conversationId = message.rows[0]?.conversation_id;
        if (conversationId === undefined) return null;
        const result = on
          ? await client.query('INSERT INTO message_reactions (message_id, user_id, emoji, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [messageId, userId, emoji, now])
          : await client.query('DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3', [messageId, userId, emoji]);
        if (result.rowCount !== 1) return null;
        const changeSeq = await nextChangeSeq(client, conversationId);
        await client.query('UPDATE messages SET change_seq = $1 WHERE id = $2', [changeSeq, messageId]);
        return changeSeq;
      }),

    async listFor(messageIds) {
      if (messageIds.length === 0) return new Map();
      const { rows } = await pool.query<ReactionRow>(
        'SELECT message_id, emoji, user_id FROM message_reactions WHERE message_id = ANY($1::text[]) ORDER BY message_id, created_at, insert_order',
        [messageIds],
      );
      return reactionsByMessage(rows);
    },
  };
}
