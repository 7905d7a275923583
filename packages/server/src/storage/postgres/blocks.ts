import type { Pool } from 'pg';
import { BLOCK_SQL, blockedUserFromRow, visibleTailsFromRows, type BlockedUserRow, type VisibleTailRow } from '../block-sql.js';
import type { BlockStore } from '../block-store.js';
import { named } from './sql.js';

const VISIBLE_TAILS = BLOCK_SQL.visibleTails('c.id = ANY(CAST(@ids AS TEXT[]))');

/** The blocks part of the PostgreSQL store: each method one statement (a block two). */
export function blockMethods(pool: Pool): BlockStore {
  return {
    async block(userId, blockedId, now) {
      await pool.query(named(BLOCK_SQL.insert, { userId, blockedId, now }));
      const { rows } = await pool.query<BlockedUserRow>(named(BLOCK_SQL.get, { userId, blockedId }));
      return rows[0] ? blockedUserFromRow(rows[0]) : null;
    },

    async unblock(userId, blockedId) {
      return ((await pool.query(named(BLOCK_SQL.delete, { userId, blockedId }))).rowCount ?? 0) === 1;
    },

    async list(userId) {
      return (await pool.query<BlockedUserRow>(named(BLOCK_SQL.list, { userId }))).rows.map(blockedUserFromRow);
    },

    async blockedEither(userId) {
      return (await pool.query<{ id: string }>(named(BLOCK_SQL.either, { userId }))).rows.map((row) => row.id);
    },

    async between(userId, otherId) {
      const { rows } = await pool.query<{ blocks: boolean; blocked_by: boolean }>(named(BLOCK_SQL.between, { userId, otherId }));
      return { blocks: rows[0]?.blocks === true, blockedBy: rows[0]?.blocked_by === true };
    },

    async visibleTails(userId, conversationIds) {
      if (conversationIds.length === 0) return new Map();
      return visibleTailsFromRows((await pool.query<VisibleTailRow>(named(VISIBLE_TAILS, { userId, ids: conversationIds }))).rows);
    },

    async keptFrom(messageId) {
      return (await pool.query<{ user_id: string }>(named(BLOCK_SQL.keptFrom, { messageId }))).rows.map((row) => row.user_id);
    },
  };
}
