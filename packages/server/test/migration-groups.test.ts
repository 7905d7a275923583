import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/storage/sqlite/migrations.js';
import { tempDir } from './helpers.js';
import { SECOND_PENDING_REQUEST, VERSION_4_ROWS } from './migration-fixtures.js';

describe('migration 5 (groups)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds conversations without losing members or messages, and settles pairs pending both ways', () => {
    const db = new BetterSqlite3(join(dir, 'v4.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 4));
    db.exec(VERSION_4_ROWS);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 5))).toEqual([5]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM conversation_members').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT id, seq FROM messages').all()).toEqual([{ id: 'm_1', seq: 1 }]);
    expect(db.prepare('SELECT id, status FROM requests ORDER BY id').all()).toEqual([
      { id: 'r_1', status: 'pending' },
      { id: 'r_2', status: 'cancelled' },
    ]);
    // The foreign keys still point at the rebuilt table: deleting it cascades.
    db.prepare("DELETE FROM conversations WHERE id = 'c_ab'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 });
    // One pending request per pair, whichever way.
    expect(() => db.prepare(SECOND_PENDING_REQUEST).run()).toThrow(/UNIQUE/);
    db.close();
  });
});
