import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/storage/sqlite/migrations.js';
import { openDatabase } from '../src/storage/sqlite/open.js';
import { tempDir } from './helpers.js';

describe('SQLite storage', () => {
  const dir = tempDir();
  const file = join(dir, 'nested', 'confab.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies every migration on the first open and none when the file is opened again', () => {
    const first = openDatabase(file);
    expect(first.migrationsApplied).toEqual(MIGRATIONS.map((migration) => migration.version));
    first.db.close();

    const second = openDatabase(file);
    expect(second.migrationsApplied).toEqual([]);
    const recorded = second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
    second.db.close();
  });

  it('runs in WAL mode with foreign keys on', () => {
    const { db } = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('enforces one message per (sender, clientMsgId) and per (conversation, seq) in the schema', () => {
    const { db } = openDatabase(file);
    const indexes = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'")
      .get() as { sql: string };
    expect(indexes.sql).toContain('UNIQUE (conversation_id, seq)');
    expect(indexes.sql).toContain('UNIQUE (sender_id, client_msg_id)');
    db.close();
  });
});
