import type { PgMigration } from '../migrations.js';

/** Version 8 as in SQLite: per-user conversation settings (booleans as BOOLEAN, seqs and times as BIGINT). */
export const CONVERSATION_SETTINGS_MIGRATION: PgMigration = {
  version: 8,
  name: 'conversation settings: pinned, muted, marked unread, hidden until a seq, per user',
  sql: `
    CREATE TABLE conversation_settings (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      pinned BOOLEAN NOT NULL DEFAULT false,
      muted BOOLEAN NOT NULL DEFAULT false,
      marked_unread BOOLEAN NOT NULL DEFAULT false,
      hidden_seq BIGINT,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (user_id, conversation_id)
    );
  `,
};
