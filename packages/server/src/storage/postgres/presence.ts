import type { Pool } from 'pg';
import { PRESENCE_SQL, friendPresenceFromRow, presenceFromRow, type PresenceRow } from '../presence-sql.js';
import type { PresenceStore } from '../presence-store.js';
import { named } from './sql.js';

/** The presence part of the PostgreSQL store: each method one statement. */
export function presenceMethods(pool: Pool): PresenceStore {
  return {
    async get(userId) {
      const { rows } = await pool.query<PresenceRow>(named(PRESENCE_SQL.get, { userId }));
      return presenceFromRow(rows[0]);
    },

    async listFriends(userId) {
      const { rows } = await pool.query<PresenceRow>(named(PRESENCE_SQL.listFriends, { userId }));
      return rows.map(friendPresenceFromRow);
    },

    async setShowPresence(userId, showPresence, now) {
      const { rows } = await pool.query<PresenceRow>(named(PRESENCE_SQL.setShow, { userId, show: showPresence, now }));
      return presenceFromRow(rows[0]);
    },

    async setLastSeen(userId, at) {
      await pool.query(named(PRESENCE_SQL.setLastSeen, { userId, at }));
    },
  };
}
