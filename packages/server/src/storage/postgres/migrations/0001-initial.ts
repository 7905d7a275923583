import type { PgMigration } from '../migrations.js';

/**
 * Version 1 as in SQLite. Differences of dialect only: usernames are unique by `lower(username)`
 * (SQLite's NOCASE), times are BIGINT milliseconds, message content is JSONB, and requests keep an
 * identity `insert_order` where SQLite orders ties by rowid.
 */
export const INITIAL_MIGRATION: PgMigration = {
  version: 1,
  name: 'initial schema: users, friends, requests, conversations, messages',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      display_name TEXT NOT NULL,
      avatar_url TEXT,
      password_hash TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX users_username_nocase ON users (lower(username));

    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CONSTRAINT conversations_kind_check CHECK (kind IN ('direct')),
      direct_key TEXT UNIQUE,
      last_seq BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
      last_message_at BIGINT
    );

    CREATE TABLE conversation_members (
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      read_seq BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (conversation_id, user_id)
    );
    CREATE INDEX conversation_members_by_user ON conversation_members(user_id);

    CREATE TABLE friendships (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      friend_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id),
      created_at BIGINT NOT NULL,
      PRIMARY KEY (user_id, friend_id)
    );

    CREATE TABLE requests (
      id TEXT PRIMARY KEY,
      insert_order BIGINT GENERATED ALWAYS AS IDENTITY,
      kind TEXT NOT NULL CHECK (kind IN ('friend')),
      from_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      to_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX requests_one_pending ON requests(from_id, to_id) WHERE status = 'pending';
    CREATE INDEX requests_by_to ON requests(to_id, created_at);
    CREATE INDEX requests_by_from ON requests(from_id, created_at);

    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      seq BIGINT NOT NULL,
      sender_id TEXT NOT NULL REFERENCES users(id),
      client_msg_id TEXT NOT NULL,
      type TEXT NOT NULL,
      content JSONB NOT NULL,
      created_at BIGINT NOT NULL,
      CONSTRAINT messages_conversation_seq UNIQUE (conversation_id, seq),
      CONSTRAINT messages_sender_client_msg_id UNIQUE (sender_id, client_msg_id)
    );
  `,
};
