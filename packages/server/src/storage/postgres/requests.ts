import type { FriendRequest } from '@confab/protocol';
import type { Pool } from 'pg';
import { REQUEST_SELECT, requestFromRow, type RequestRow } from '../sqlite/rows.js';
import type { NewFriendRequest, Store } from '../store.js';
import { befriend, lockPair } from './direct.js';
import { inTransaction, isUniqueViolation, type Queryable } from './transaction.js';

export type RequestMethods = Pick<
  Store,
  'createFriendRequest' | 'requestFriendship' | 'getRequest' | 'findPendingRequest' | 'listRequests' | 'settleRequest' | 'acceptFriendRequest'
>;

async function requestById(db: Queryable, id: string): Promise<FriendRequest | null> {
  const { rows } = await db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? requestFromRow(rows[0]) : null;
}

async function pendingRequest(db: Queryable, fromId: string, toId: string): Promise<FriendRequest | null> {
  const { rows } = await db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.from_id = $1 AND r.to_id = $2 AND r.status = 'pending'`, [fromId, toId]);
  return rows[0] ? requestFromRow(rows[0]) : null;
}

async function insertRequest(db: Queryable, request: NewFriendRequest): Promise<void> {
  await db.query(
    `INSERT INTO requests (id, kind, from_id, to_id, note, status, created_at, updated_at) VALUES ($1, 'friend', $2, $3, $4, 'pending', $5, $5)`,
    [request.id, request.fromId, request.toId, request.note, request.createdAt],
  );
}

/** Moves a pending request to `status`; false when it was not pending (decided once). */
async function settle(db: Queryable, id: string, status: 'accepted' | 'rejected' | 'cancelled', now: number): Promise<boolean> {
  const { rowCount } = await db.query("UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'pending'", [status, now, id]);
  return rowCount === 1;
}

/** Friend requests: at most one pending per pair (unique index), each decided once. */
export function requestMethods(pool: Pool): RequestMethods {
  return {
    async createFriendRequest(request) {
      try {
        await insertRequest(pool, request);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
      return requestById(pool, request.id);
    },

    async requestFriendship(request, newConversationId) {
      try {
        return await inTransaction(pool, async (client) => {
          // Requests both ways at once wait for each other: the second one sees the first and accepts it.
          await lockPair(client, request.fromId, request.toId);
          const friends = await client.query('SELECT 1 FROM friendships WHERE user_id = $1 AND friend_id = $2', [request.fromId, request.toId]);
          if (friends.rowCount !== 0) return { outcome: 'friends' as const };
          const reverse = await pendingRequest(client, request.toId, request.fromId);
          if (reverse) {
            await settle(client, reverse.id, 'accepted', request.createdAt);
            const conversationId = await befriend(client, request.fromId, request.toId, request.createdAt, newConversationId);
            return { outcome: 'accepted' as const, request: (await requestById(client, reverse.id))!, conversationId };
          }
          await insertRequest(client, request);
          return { outcome: 'created' as const, request: (await requestById(client, request.id))! };
        });
      } catch (error) {
        // The unique pending index (either direction) refused a second pending request.
        if (isUniqueViolation(error)) return { outcome: 'pending' };
        throw error;
      }
    },

    getRequest: (id) => requestById(pool, id),

    findPendingRequest: (fromId, toId) => pendingRequest(pool, fromId, toId),

    async listRequests(userId) {
      const { rows } = await pool.query<RequestRow>(`${REQUEST_SELECT} WHERE r.from_id = $1 OR r.to_id = $1 ORDER BY r.created_at DESC, r.insert_order DESC`, [userId]);
      return rows.map(requestFromRow);
    },

    async settleRequest(id, status, now) {
      return (await settle(pool, id, status, now)) ? requestById(pool, id) : null;
    },

    acceptFriendRequest(id, now, newConversationId) {
      return inTransaction(pool, async (client) => {
        // The pair's lock first, as requestFriendship takes it, so the two never wait for each other.
        const found = await requestById(client, id);
        if (!found) return null;
        await lockPair(client, found.from.id, found.to.id);
        if (!(await settle(client, id, 'accepted', now))) return null;
        const request = (await requestById(client, id))!;
        const conversationId = await befriend(client, request.from.id, request.to.id, now, newConversationId);
        return { request, conversationId };
      });
    },
  };
}
