import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from '../src/storage/sqlite/migrations.js';
import { SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { tempDir } from './helpers.js';
import { VERSION_4_ROWS } from './migration-fixtures.js';

describe('migration 10 (message search)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes the messages stored before it, and a lower version merged in later is still applied once', async () => {
    const db = new BetterSqlite3(join(dir, 'v7.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 4));
    db.exec(VERSION_4_ROWS);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 7));
    // Version 9 stands for one that arrives by a merge after 10 was applied (a synthetic one until it exists).
    const late: Migration = MIGRATIONS.find((migration) => migration.version === 9) ?? { version: 9, name: 'late', sql: 'CREATE TABLE late_table (id INTEGER)' };
    const withoutLate = MIGRATIONS.filter((migration) => migration !== late);
    expect(migrate(db, withoutLate)).toEqual(withoutLate.filter((migration) => migration.version > 7).map((migration) => migration.version));
    const store = new SqliteStore(db);
    expect((await store.messageSearch.search({ userId: 'u_b', text: 'hi', limit: 5 })).map((message) => message.id)).toEqual(['m_1']);
    expect(migrate(db, [...withoutLate, late])).toEqual([9]);
    expect(migrate(db, [...withoutLate, late])).toEqual([]);
    db.close();
  });
});
