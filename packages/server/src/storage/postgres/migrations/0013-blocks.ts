import type { PgMigration } from '../migrations.js';

/** Version 13 as in SQLite: who blocked whom, and `message_hides.blocked_seq` for messages a block kept from their recipient. */
export const BLOCKS_MIGRATION: PgMigration = {
  version: 13,
  name: 'blocks: user_blocks, and message_hides.blocked_seq for messages a block kept from their recipient',
  sql: `
    CREATE TABLE user_blocks (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      blocked_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (user_id, blocked_id)
    );
    ALTER TABLE message_hides ADD COLUMN blocked_seq BIGINT;
    CREATE INDEX user_blocks_by_blocked ON user_blocks(blocked_id);
    CREATE INDEX message_hides_blocked ON message_hides(user_id, conversation_id, blocked_seq) WHERE blocked_seq IS NOT NULL;
  `,
};
