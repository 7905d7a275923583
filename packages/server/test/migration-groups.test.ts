import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/storage/sqlite/migrations.js';
import { tempDir } from './helpers.js';

describe('migration 5 (groups)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds conversations without losing members or messages, and settles pairs pending both ways', () => {
    const db = new BetterSqlite3(join(dir, 'v4.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 4));
    db.exec(`
      INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u_a', 'a', 'A', 'x', 1), ('u_b', 'b', 'B', 'x', 1);
      INSERT INTO conversations (id, kind, direct_key, last_seq, created_at) VALUES ('c_ab', 'direct', 'u_a:u_b', 1, 1);
      INSERT INTO conversation_members (conversation_id, user_id, read_seq) VALUES ('c_ab', 'u_a', 1), ('c_ab', 'u_b', 0);
      INSERT INTO messages (id, conversation_id, seq, sender_id, client_msg_id, type, content, created_at)
        VALUES ('m_1', 'c_ab', 1, 'u_a', 'k1', 'text', '{"text":"hi"}', 1);
      INSERT INTO requests (id, kind, from_id, to_id, status, created_at, updated_at) VALUES
        ('r_1', 'friend', 'u_a', 'u_b', 'pending', 10, 10), ('r_2', 'friend', 'u_b', 'u_a', 'pending', 20, 20);
    `);
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
    expect(() => db.prepare("INSERT INTO requests (id, kind, from_id, to_id, status, created_at, updated_at) VALUES ('r_3', 'friend', 'u_b', 'u_a', 'pending', 30, 30)").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
