import type { PgMigration } from '../migrations.js';

/** Version 6 as in SQLite: a change counter per conversation, the counter of each message's latest change, per-user hides. */
export const MESSAGE_CHANGES_MIGRATION: PgMigration = {
  version: 6,
  name: 'message changes: per-conversation change counter, changed messages, per-user hides',
  sql: `
    ALTER TABLE conversations ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE messages ADD COLUMN change_seq BIGINT;
    CREATE INDEX messages_by_change ON messages(conversation_id, change_seq) WHERE change_seq IS NOT NULL;

    CREATE TABLE message_hides (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      change_seq BIGINT NOT NULL,
      PRIMARY KEY (user_id, message_id)
    );
    CREATE INDEX message_hides_by_change ON message_hides(user_id, conversation_id, change_seq);
  `,
};
