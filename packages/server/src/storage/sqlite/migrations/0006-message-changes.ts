import type { Migration } from '../migrations.js';

/**
 * Changes to stored messages (recall, edit, delete-for-me), carried by sync: a change counter per
 * conversation, the counter value of each message's latest change, and per-user hides stamped from
 * the same counter. Additive only: appending a message does not touch any of it.
 */
export const MESSAGE_CHANGES_MIGRATION: Migration = {
  version: 6,
  name: 'message changes: per-conversation change counter, changed messages, per-user hides',
  sql: `
    ALTER TABLE conversations ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE messages ADD COLUMN change_seq INTEGER;
    CREATE INDEX messages_by_change ON messages(conversation_id, change_seq) WHERE change_seq IS NOT NULL;

    CREATE TABLE message_hides (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      change_seq INTEGER NOT NULL,
      PRIMARY KEY (user_id, message_id)
    );
    CREATE INDEX message_hides_by_change ON message_hides(user_id, conversation_id, change_seq);
  `,
};
