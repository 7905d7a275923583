import type { Database } from 'better-sqlite3';
import { GROUPS_MIGRATION } from './migrations/0005-groups.js';
import { MESSAGE_CHANGES_MIGRATION } from './migrations/0006-message-changes.js';
import { REACTIONS_MIGRATION } from './migrations/0007-reactions.js';
import { CONVERSATION_SETTINGS_MIGRATION } from './migrations/0008-conversation-settings.js';
import { MESSAGE_SEARCH_MIGRATION } from './migrations/0010-message-search.js';
import { BLOCKS_MIGRATION } from './migrations/0013-blocks.js';
import { SEARCH_OFF_SEND_PATH_MIGRATION } from './migrations/0014-search-off-send-path.js';
import { PRESENCE_MIGRATION } from './migrations/0011-presence.js';
import { MENTIONS_MIGRATION } from './migrations/0012-mentions.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs with foreign keys off (to rebuild a referenced table), then checks them before committing. */
  foreignKeysOff?: boolean;
}

/** Versioned schema changes, applied in order, each once, each in its own transaction. Never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: users, friends, requests, conversations, messages',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        avatar_url TEXT,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('direct')),
        direct_key TEXT UNIQUE,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        last_message_at INTEGER
      );

      CREATE TABLE conversation_members (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        read_seq INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (conversation_id, user_id)
      );
      CREATE INDEX conversation_members_by_user ON conversation_members(user_id);

      CREATE TABLE friendships (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        friend_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, friend_id)
      );

      CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('friend')),
        from_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        to_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX requests_one_pending ON requests(from_id, to_id) WHERE status = 'pending';
      CREATE INDEX requests_by_to ON requests(to_id, created_at);
      CREATE INDEX requests_by_from ON requests(from_id, created_at);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        sender_id TEXT NOT NULL REFERENCES users(id),
        client_msg_id TEXT NOT NULL,
        type TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (conversation_id, seq),
        UNIQUE (sender_id, client_msg_id)
      );
    `,
  },
  {
    version: 2,
    name: 'files: uploaded file records, and messages found by the file they carry',
    sql: `
      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        uploader_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mime_type TEXT NOT NULL,
        width INTEGER,
        height INTEGER,
        sha256 TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX files_by_uploader ON files(uploader_id);
      CREATE INDEX messages_by_file ON messages(json_extract(content, '$.file.id')) WHERE type IN ('image', 'file');
    `,
  },
  {
    version: 3,
    name: 'the AI assistant: a bot user, a contact of every user',
    sql: `
      -- The name is reserved from now on; a person who registered it before keeps their account under a new name.
      UPDATE users SET username = username || '-' || substr(id, 3, 8) WHERE username = 'assistant';
      INSERT INTO users (id, username, display_name, avatar_url, password_hash, created_at)
        VALUES ('u_assistant', 'assistant', 'Assistant', NULL, '!', 0);
      INSERT OR IGNORE INTO conversations (id, kind, direct_key, last_seq, created_at)
        SELECT 'c_ai_' || id, 'direct',
          CASE WHEN id < 'u_assistant' THEN id || ':u_assistant' ELSE 'u_assistant:' || id END,
          0, CAST(unixepoch('subsec') * 1000 AS INTEGER)
        FROM users WHERE id <> 'u_assistant';
      INSERT OR IGNORE INTO conversation_members (conversation_id, user_id)
        SELECT c.id, u.id FROM users u JOIN conversations c
          ON c.direct_key = CASE WHEN u.id < 'u_assistant' THEN u.id || ':u_assistant' ELSE 'u_assistant:' || u.id END
        WHERE u.id <> 'u_assistant';
      INSERT OR IGNORE INTO conversation_members (conversation_id, user_id)
        SELECT id, 'u_assistant' FROM conversations WHERE (substr(direct_key, 1, 12) = 'u_assistant:' OR substr(direct_key, -12) = ':u_assistant');
      INSERT OR IGNORE INTO friendships (user_id, friend_id, conversation_id, created_at)
        SELECT m.user_id, 'u_assistant', m.conversation_id, c.created_at
        FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
        WHERE (substr(c.direct_key, 1, 12) = 'u_assistant:' OR substr(c.direct_key, -12) = ':u_assistant') AND m.user_id <> 'u_assistant';
      INSERT OR IGNORE INTO friendships (user_id, friend_id, conversation_id, created_at)
        SELECT 'u_assistant', m.user_id, m.conversation_id, c.created_at
        FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
        WHERE (substr(c.direct_key, 1, 12) = 'u_assistant:' OR substr(c.direct_key, -12) = ':u_assistant') AND m.user_id <> 'u_assistant';
    `,
  },
  {
    version: 4,
    name: 'external identities: users signed in by a host application (embed)',
    sql: `
      CREATE TABLE external_identities (
        app_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        user_id TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (app_id, subject)
      );
    `,
  },
  GROUPS_MIGRATION,
  MESSAGE_CHANGES_MIGRATION,
  REACTIONS_MIGRATION,
  CONVERSATION_SETTINGS_MIGRATION,
  MESSAGE_SEARCH_MIGRATION,
  PRESENCE_MIGRATION,
  MENTIONS_MIGRATION,
  BLOCKS_MIGRATION,
  SEARCH_OFF_SEND_PATH_MIGRATION,
];

/** Applies the migrations not yet recorded in `schema_migrations`; returns the versions applied now. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const appliedNow: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // The pragma is a no-op inside a transaction, so it is set around it.
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${migration.version} broke a foreign key`);
        record.run(migration.version, migration.name, Date.now());
      }).immediate();
    } finally {
      if (migration.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
    appliedNow.push(migration.version);
  }
  return appliedNow;
}
