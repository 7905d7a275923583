import type { PgMigration } from '../migrations.js';

export const EXTERNAL_IDENTITIES_MIGRATION: PgMigration = {
  version: 4,
  name: 'external identities: users signed in by a host application (embed)',
  sql: `
    CREATE TABLE external_identities (
      app_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      user_id TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (app_id, subject)
    );
  `,
};
