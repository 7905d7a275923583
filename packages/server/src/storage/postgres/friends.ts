import type { Pool } from 'pg';
import { USER_COLUMNS, userFromRow, type UserRow } from '../sqlite/rows.js';
import type { Store } from '../store.js';
import { befriend, lockPair } from './direct.js';
import { inTransaction } from './transaction.js';

export type FriendMethods = Pick<Store, 'getFriendship' | 'listFriends' | 'makeFriends' | 'removeFriendship'>;

const FRIEND_USER_COLUMNS = USER_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ');

/** Friendships: two rows per pair, one per direction, written together. */
export function friendMethods(pool: Pool): FriendMethods {
  return {
    async getFriendship(userId, friendId) {
      const { rows } = await pool.query<{ conversation_id: string; created_at: number }>(
        'SELECT conversation_id, created_at FROM friendships WHERE user_id = $1 AND friend_id = $2',
        [userId, friendId],
      );
      return rows[0] ? { conversationId: rows[0].conversation_id, since: rows[0].created_at } : null;
    },

    async listFriends(userId) {
      const { rows } = await pool.query<UserRow & { conversation_id: string; since: number }>(
        `SELECT ${FRIEND_USER_COLUMNS}, f.conversation_id, f.created_at AS since
         FROM friendships f JOIN users u ON u.id = f.friend_id WHERE f.user_id = $1
         ORDER BY u.display_name COLLATE "C", lower(u.username) COLLATE "C"`,
        [userId],
      );
      return rows.map((row) => ({ user: userFromRow(row), conversationId: row.conversation_id, since: row.since }));
    },

    makeFriends(userA, userB, now, newConversationId) {
      return inTransaction(pool, async (client) => {
        await lockPair(client, userA, userB);
        return befriend(client, userA, userB, now, newConversationId);
      });
    },

    removeFriendship(userId, friendId) {
      return inTransaction(pool, async (client) => {
        await lockPair(client, userId, friendId);
        const { rows } = await client.query<{ user_id: string; conversation_id: string }>(
          'DELETE FROM friendships WHERE (user_id = $1 AND friend_id = $2) OR (user_id = $2 AND friend_id = $1) RETURNING user_id, conversation_id',
          [userId, friendId],
        );
        return rows.find((row) => row.user_id === userId)?.conversation_id ?? null;
      });
    },
  };
}
