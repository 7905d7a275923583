import type { FriendPresenceRecord, PresenceRecord } from './presence-store.js';

/**
 * The SQL of presence, the same text for SQLite and PostgreSQL (`@name` parameters; PostgreSQL's go
 * through `named`). Booleans are written as CAST(@x AS BOOLEAN), which SQLite stores as 0/1.
 * @internal
 */
export const PRESENCE_SQL = {
  get: 'SELECT show_presence, last_seen_at FROM user_presence WHERE user_id = @userId',
  listFriends: `SELECT f.friend_id AS user_id, COALESCE(p.show_presence, true) AS show_presence, p.last_seen_at
    FROM friendships f LEFT JOIN user_presence p ON p.user_id = f.friend_id
    WHERE f.user_id = @userId ORDER BY f.friend_id`,
  setShow: `INSERT INTO user_presence (user_id, show_presence, last_seen_at, updated_at) VALUES (@userId, CAST(@show AS BOOLEAN), NULL, @now)
    ON CONFLICT (user_id) DO UPDATE SET show_presence = CAST(@show AS BOOLEAN), updated_at = @now
    RETURNING show_presence, last_seen_at`,
  setLastSeen: `INSERT INTO user_presence (user_id, show_presence, last_seen_at, updated_at) VALUES (@userId, true, @at, @at)
    ON CONFLICT (user_id) DO UPDATE SET last_seen_at = @at, updated_at = @at
    WHERE user_presence.last_seen_at IS NULL OR user_presence.last_seen_at < @at`,
} as const;

/** A presence row of either backend (SQLite gives 0/1 and may give bigints as numbers, PostgreSQL booleans and BIGINT strings). @internal */
export interface PresenceRow {
  user_id?: string;
  show_presence: boolean | number;
  last_seen_at: number | string | null;
}

/** @internal */
export function presenceFromRow(row: PresenceRow | undefined): PresenceRecord {
  if (!row) return { showPresence: true, lastSeenAt: null };
  return { showPresence: Boolean(row.show_presence), lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at) };
}

/** @internal */
export function friendPresenceFromRow(row: PresenceRow): FriendPresenceRecord {
  return { userId: row.user_id as string, ...presenceFromRow(row) };
}
