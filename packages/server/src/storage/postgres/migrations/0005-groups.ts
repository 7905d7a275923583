import type { PgMigration } from '../migrations.js';

/**
 * Version 5 as in SQLite: group conversations (PostgreSQL widens the kind CHECK in place, where
 * SQLite rebuilds the table), roles, join requests, one pending friend request per pair.
 */
export const GROUPS_MIGRATION: PgMigration = {
  version: 5,
  name: 'groups: group conversations, roles, join requests; one pending friend request per pair',
  sql: `
    ALTER TABLE conversations DROP CONSTRAINT conversations_kind_check,
      ADD CONSTRAINT conversations_kind_check CHECK (kind IN ('direct', 'group'));

    ALTER TABLE conversation_members ADD COLUMN role TEXT CHECK (role IN ('owner', 'admin', 'member'));
    ALTER TABLE conversation_members ADD COLUMN joined_at BIGINT;
    CREATE UNIQUE INDEX conversation_members_one_owner ON conversation_members(conversation_id) WHERE role = 'owner';

    CREATE TABLE groups (
      conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      avatar_url TEXT,
      join_policy TEXT NOT NULL CHECK (join_policy IN ('open', 'approval', 'invite')),
      created_at BIGINT NOT NULL
    );
    CREATE INDEX groups_by_name ON groups (lower(name));

    CREATE TABLE group_requests (
      id TEXT PRIMARY KEY,
      insert_order BIGINT GENERATED ALWAYS AS IDENTITY,
      group_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      from_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
      decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX group_requests_one_pending ON group_requests(from_id, group_id) WHERE status = 'pending';
    CREATE INDEX group_requests_by_group ON group_requests(group_id, created_at);

    UPDATE requests r SET status = 'cancelled' WHERE r.status = 'pending' AND EXISTS (
      SELECT 1 FROM requests o WHERE o.status = 'pending' AND o.from_id = r.to_id AND o.to_id = r.from_id
        AND (o.created_at < r.created_at OR (o.created_at = r.created_at AND o.id COLLATE "C" < r.id)));
    CREATE UNIQUE INDEX requests_one_pending_pair ON requests (LEAST(from_id, to_id), GREATEST(from_id, to_id)) WHERE status = 'pending';
  `,
};
