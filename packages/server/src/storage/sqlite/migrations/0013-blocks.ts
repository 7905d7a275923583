import type { Migration } from '../migrations.js';

/**
 * Blocks: who blocked whom, and the messages a block kept from their recipient. Such a message is
 * stored like any other (its sender sees it) with a `message_hides` row for the recipient carrying
 * its seq in `blocked_seq`, so unread counts and read cursors can step over it without reading the
 * messages table; the partial index holds only those rows (none unless someone is blocked).
 */
export const BLOCKS_MIGRATION: Migration = {
  version: 13,
  name: 'blocks: user_blocks, and message_hides.blocked_seq for messages a block kept from their recipient',
  sql: `
    CREATE TABLE user_blocks (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      blocked_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, blocked_id)
    );
    ALTER TABLE message_hides ADD COLUMN blocked_seq INTEGER;
    CREATE INDEX user_blocks_by_blocked ON user_blocks(blocked_id);
    CREATE INDEX message_hides_blocked ON message_hides(user_id, conversation_id, blocked_seq) WHERE blocked_seq IS NOT NULL;
  `,
};
