import type { Pool } from 'pg';
import { CONVERSATION_VIEW_SELECT, conversationFromRow, sendContextFromRow, type ConversationViewRow, type SendContextRow } from '../sqlite/rows.js';
import { readCursorAfter } from '../read-cursor.js';
import type { Store } from '../store.js';
import { directConversation, lockPair } from './direct.js';
import { BY_ACTIVITY } from './sql.js';
import { inTransaction } from './transaction.js';

export type ConversationMethods = Pick<
  Store,
  'getConversation' | 'getSendContext' | 'getConversationView' | 'listConversationViews' | 'listMemberConversationViews' | 'openDirectConversation' | 'advanceReadCursor'
>;

/** Conversations as records and as each member sees them, and read cursors. */
export function conversationMethods(pool: Pool): ConversationMethods {
  return {
    async getConversation(id) {
      const { rows } = await pool.query<{ id: string; kind: 'direct' | 'group'; last_seq: number; member_ids: string[] | null }>(
        `SELECT c.id, c.kind, c.last_seq,
           (SELECT array_agg(m.user_id ORDER BY m.user_id COLLATE "C") FROM conversation_members m WHERE m.conversation_id = c.id) AS member_ids
         FROM conversations c WHERE c.id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { id: row.id, kind: row.kind, lastSeq: row.last_seq, memberIds: row.member_ids ?? [] } : null;
    },

    async getSendContext(userId, conversationId) {
      // The same answer as getConversation + getFriendship, in one round trip (it runs on every send).
      const { rows } = await pool.query<SendContextRow>(
        `SELECT c.id, c.kind, c.last_seq,
           COALESCE((SELECT json_agg(m.user_id ORDER BY m.user_id COLLATE "C") FROM conversation_members m WHERE m.conversation_id = c.id), '[]'::json) AS member_ids,
           (EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = c.id AND user_id = $1))::int AS is_member,
           (c.kind = 'direct' AND EXISTS (
             SELECT 1 FROM conversation_members p JOIN friendships f ON f.user_id = $1 AND f.friend_id = p.user_id
             WHERE p.conversation_id = c.id AND p.user_id <> $1))::int AS friends_with_peer,
           (c.kind = 'direct' AND EXISTS (
             SELECT 1 FROM conversation_members p JOIN user_blocks b ON b.user_id = $1 AND b.blocked_id = p.user_id
             WHERE p.conversation_id = c.id AND p.user_id <> $1))::int AS blocks_peer,
           (c.kind = 'direct' AND EXISTS (
             SELECT 1 FROM conversation_members p JOIN user_blocks b ON b.user_id = p.user_id AND b.blocked_id = $1
             WHERE p.conversation_id = c.id AND p.user_id <> $1))::int AS blocked_by_peer
         FROM conversations c WHERE c.id = $2`,
        [userId, conversationId],
      );
      return rows[0] ? sendContextFromRow(rows[0]) : null;
    },

    async getConversationView(userId, conversationId) {
      const { rows } = await pool.query<ConversationViewRow>(`${CONVERSATION_VIEW_SELECT} WHERE me.user_id = $1 AND c.id = $2`, [userId, conversationId]);
      return rows[0] ? conversationFromRow(rows[0]) : null;
    },

    async listConversationViews(userId) {
      const { rows } = await pool.query<ConversationViewRow>(
        `${CONVERSATION_VIEW_SELECT}
         JOIN friendships f ON f.user_id = me.user_id AND f.friend_id = peer.user_id AND f.conversation_id = c.id
         WHERE me.user_id = $1 ${BY_ACTIVITY}`,
        [userId],
      );
      return rows.map(conversationFromRow);
    },

    async listMemberConversationViews(userId) {
      const { rows } = await pool.query<ConversationViewRow>(`${CONVERSATION_VIEW_SELECT} WHERE me.user_id = $1 ${BY_ACTIVITY}`, [userId]);
      return rows.map(conversationFromRow);
    },

    openDirectConversation(userA, userB, now, newConversationId) {
      return inTransaction(pool, async (client) => {
        await lockPair(client, userA, userB);
        return directConversation(client, userA, userB, now, newConversationId);
      });
    },

    advanceReadCursor(conversationId, userId, seq) {
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ read_seq: number; last_seq: number; kept_seqs: string }>(
          `SELECT m.read_seq, c.last_seq,
             (SELECT COALESCE(json_agg(b.blocked_seq), '[]'::json) FROM message_hides b
              WHERE b.user_id = m.user_id AND b.conversation_id = c.id AND b.blocked_seq > m.read_seq) AS kept_seqs
           FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
           WHERE m.conversation_id = $1 AND m.user_id = $2 FOR UPDATE OF m`,
          [conversationId, userId],
        );
        const row = rows[0];
        if (!row) return null;
        const cursor = readCursorAfter(row.read_seq, row.last_seq, seq, JSON.parse(row.kept_seqs) as number[]);
        if (cursor.moved) await client.query('UPDATE conversation_members SET read_seq = $1 WHERE conversation_id = $2 AND user_id = $3', [cursor.readSeq, conversationId, userId]);
        return cursor;
      });
    },
  };
}
