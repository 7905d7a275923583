import type { PgMigration } from '../migrations.js';

/** Version 11 as in SQLite: presence privacy (BOOLEAN) and last seen time (BIGINT ms), per user. */
export const PRESENCE_MIGRATION: PgMigration = {
  version: 11,
  name: 'presence: show presence setting and last seen time, per user',
  sql: `
    CREATE TABLE user_presence (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      show_presence BOOLEAN NOT NULL DEFAULT true,
      last_seen_at BIGINT,
      updated_at BIGINT NOT NULL
    );
  `,
};
