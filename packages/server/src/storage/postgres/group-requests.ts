import type { GroupJoinRequest } from '@confab/protocol';
import type { Pool } from 'pg';
import type { GroupStore } from '../group-store.js';
import { GROUP_REQUEST_SELECT, groupRequestFromRow, type GroupRequestRow } from '../sqlite/group-rows.js';
import { inGroupTransaction, joinGroup } from './group-writes.js';
import { isUniqueViolation, type Queryable } from './transaction.js';

export type GroupRequestMethods = Pick<GroupStore, 'createRequest' | 'getRequest' | 'listRequests' | 'decideRequest'>;

async function requestById(db: Queryable, id: string): Promise<GroupJoinRequest | null> {
  const { rows } = await db.query<GroupRequestRow>(`${GROUP_REQUEST_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? groupRequestFromRow(rows[0]) : null;
}

/** Join requests: one pending per (user, group), each decided once. */
export function groupRequestMethods(pool: Pool): GroupRequestMethods {
  return {
    async createRequest(request) {
      try {
        await pool.query(
          `INSERT INTO group_requests (id, group_id, from_id, note, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5)`,
          [request.id, request.groupId, request.fromId, request.note, request.createdAt],
        );
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
      return requestById(pool, request.id);
    },

    getRequest: (id) => requestById(pool, id),

    async listRequests(userId) {
      const { rows } = await pool.query<GroupRequestRow>(
        `${GROUP_REQUEST_SELECT} WHERE r.from_id = $1 OR r.group_id IN (
           SELECT conversation_id FROM conversation_members WHERE user_id = $1 AND role IN ('owner', 'admin'))
         ORDER BY r.created_at DESC, r.insert_order DESC`,
        [userId],
      );
      return rows.map(groupRequestFromRow);
    },

    async decideRequest(id, deciderId, status, now, notice) {
      const found = await pool.query<{ group_id: string }>('SELECT group_id FROM group_requests WHERE id = $1', [id]);
      const groupId = found.rows[0]?.group_id;
      if (groupId === undefined) return null;
      return inGroupTransaction(pool, groupId, async (client) => {
        const decided = await client.query(
          "UPDATE group_requests SET status = $1, decided_by = $2, updated_at = $3 WHERE id = $4 AND status = 'pending'",
          [status, deciderId, now, id],
        );
        if (decided.rowCount !== 1) return null;
        const request = (await requestById(client, id))!;
        const joined = status === 'accepted' && notice ? await joinGroup(client, groupId, request.from.id, 'member', notice) : null;
        return { request, notice: joined };
      });
    },
  };
}
