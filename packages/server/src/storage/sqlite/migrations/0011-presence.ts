import type { Migration } from '../migrations.js';

/** Presence: each user's privacy setting and when their last socket closed. A row once either is written. */
export const PRESENCE_MIGRATION: Migration = {
  version: 11,
  name: 'presence: show presence setting and last seen time, per user',
  sql: `
    CREATE TABLE user_presence (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      show_presence INTEGER NOT NULL DEFAULT 1,
      last_seen_at INTEGER,
      updated_at INTEGER NOT NULL
    );
  `,
};
