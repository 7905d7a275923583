import type { PgMigration } from '../migrations.js';

/** Version 7 as in SQLite: one row per (message, user, emoji); `insert_order` stands in for SQLite's rowid. */
export const REACTIONS_MIGRATION: PgMigration = {
  version: 7,
  name: 'reactions: who reacted to which message with which emoji',
  sql: `
    CREATE TABLE message_reactions (
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      emoji TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      insert_order BIGINT GENERATED ALWAYS AS IDENTITY,
      PRIMARY KEY (message_id, emoji, user_id)
    );
  `,
};
