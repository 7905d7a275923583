import type { Pool } from 'pg';
import { INITIAL_MIGRATION } from './migrations/0001-initial.js';
import { FILES_MIGRATION } from './migrations/0002-files.js';
import { ASSISTANT_MIGRATION } from './migrations/0003-assistant.js';
import { EXTERNAL_IDENTITIES_MIGRATION } from './migrations/0004-external-identities.js';
import { GROUPS_MIGRATION } from './migrations/0005-groups.js';
import { MESSAGE_CHANGES_MIGRATION } from './migrations/0006-message-changes.js';
import { REACTIONS_MIGRATION } from './migrations/0007-reactions.js';
import { CONVERSATION_SETTINGS_MIGRATION } from './migrations/0008-conversation-settings.js';
import { MESSAGE_SEARCH_MIGRATION } from './migrations/0010-message-search.js';
import { BLOCKS_MIGRATION } from './migrations/0013-blocks.js';
import { SEARCH_OFF_SEND_PATH_MIGRATION } from './migrations/0014-search-off-send-path.js';
import { PRESENCE_MIGRATION } from './migrations/0011-presence.js';
import { MENTIONS_MIGRATION } from './migrations/0012-mentions.js';
import { inTransaction } from './transaction.js';

export interface PgMigration {
  /** The same version numbers as the SQLite migrations: one schema history, two dialects. */
  version: number;
  name: string;
  sql: string;
}

/** Versioned schema changes, applied in order, each once, each in its own transaction. Never edit a shipped one. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  INITIAL_MIGRATION,
  FILES_MIGRATION,
  ASSISTANT_MIGRATION,
  EXTERNAL_IDENTITIES_MIGRATION,
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

/** Key of the transaction-level advisory lock that serializes migrations across nodes starting at once. */
const MIGRATION_LOCK = 0x636f6e666162; // "confab"

/**
 * Applies the migrations not yet recorded in `schema_migrations`; returns the versions applied now.
 * Each runs in its own transaction holding `pg_advisory_xact_lock`, and checks again under the lock
 * whether another node applied it meanwhile, so nodes that start together apply each version once.
 */
export async function migratePostgres(pool: Pool, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  const appliedNow: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
      const applied = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (applied.rowCount !== 0) return;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      appliedNow.push(migration.version);
    });
  }
  return appliedNow;
}
