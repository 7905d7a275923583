import type { Migration } from '../migrations.js';

/** Reactions: one row per (message, user, emoji); each add or removal is a change of the message (sync carries it). */
export const REACTIONS_MIGRATION: Migration = {
  version: 7,
  name: 'reactions: who reacted to which message with which emoji',
  sql: `
    CREATE TABLE message_reactions (
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      emoji TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (message_id, emoji, user_id)
    );
  `,
};
