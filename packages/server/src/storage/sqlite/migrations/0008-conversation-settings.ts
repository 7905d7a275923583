import type { Migration } from '../migrations.js';

/** Per-user conversation settings: pin, mute, mark unread, hide until the next message. A row only once changed. */
export const CONVERSATION_SETTINGS_MIGRATION: Migration = {
  version: 8,
  name: 'conversation settings: pinned, muted, marked unread, hidden until a seq, per user',
  sql: `
    CREATE TABLE conversation_settings (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      pinned INTEGER NOT NULL DEFAULT 0,
      muted INTEGER NOT NULL DEFAULT 0,
      marked_unread INTEGER NOT NULL DEFAULT 0,
      hidden_seq INTEGER,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, conversation_id)
    );
  `,
};
