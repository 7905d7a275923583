import type { Migration } from '../migrations.js';

/**
 * Groups: conversations of kind `group` (the kind CHECK is widened by rebuilding the table, with
 * foreign keys off so nothing cascades), a group row per group conversation, roles on memberships,
 * join requests with one pending request per (user, group), and at most one pending friend request
 * per pair of users whichever way it was sent.
 */
export const GROUPS_MIGRATION: Migration = {
  version: 5,
  name: 'groups: group conversations, roles, join requests; one pending friend request per pair',
  foreignKeysOff: true,
  sql: `
    CREATE TABLE conversations_v5 (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('direct', 'group')),
      direct_key TEXT UNIQUE,
      last_seq INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      last_message_at INTEGER
    );
    INSERT INTO conversations_v5 (id, kind, direct_key, last_seq, created_at, last_message_at)
      SELECT id, kind, direct_key, last_seq, created_at, last_message_at FROM conversations;
    DROP TABLE conversations;
    ALTER TABLE conversations_v5 RENAME TO conversations;

    ALTER TABLE conversation_members ADD COLUMN role TEXT CHECK (role IN ('owner', 'admin', 'member'));
    ALTER TABLE conversation_members ADD COLUMN joined_at INTEGER;
    -- One owner per group, enforced by the schema.
    CREATE UNIQUE INDEX conversation_members_one_owner ON conversation_members(conversation_id) WHERE role = 'owner';

    CREATE TABLE groups (
      conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      avatar_url TEXT,
      join_policy TEXT NOT NULL CHECK (join_policy IN ('open', 'approval', 'invite')),
      created_at INTEGER NOT NULL
    );
    CREATE INDEX groups_by_name ON groups(name COLLATE NOCASE);

    CREATE TABLE group_requests (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      from_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
      decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX group_requests_one_pending ON group_requests(from_id, group_id) WHERE status = 'pending';
    CREATE INDEX group_requests_by_group ON group_requests(group_id, created_at);

    -- Settle pairs pending both ways (possible before this version) by cancelling the newer one.
    UPDATE requests SET status = 'cancelled' WHERE status = 'pending' AND EXISTS (
      SELECT 1 FROM requests o WHERE o.status = 'pending' AND o.from_id = requests.to_id AND o.to_id = requests.from_id
        AND (o.created_at < requests.created_at OR (o.created_at = requests.created_at AND o.id < requests.id)));
    CREATE UNIQUE INDEX requests_one_pending_pair ON requests(min(from_id, to_id), max(from_id, to_id)) WHERE status = 'pending';
  `,
};
