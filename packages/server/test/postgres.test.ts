import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, PG_MIGRATIONS } from '../src/storage/postgres/migrations.js';
import { createPool } from '../src/storage/postgres/pool.js';
import { MIGRATIONS } from '../src/storage/sqlite/migrations.js';
import { api, registerUser, startServer } from './helpers.js';
import { SECOND_PENDING_REQUEST, VERSION_4_ROWS } from './migration-fixtures.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './storage-contract/pg-database.js';

const adminUrl = testDatabaseUrl();

describe.skipIf(!adminUrl)('PostgreSQL backend', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl!);
  });
  afterAll(() => database?.drop());

  /** A new schema of the test database, and a pool on it (`search_path` in the URL) for each node asked for. */
  async function schemaPools(schema: string, nodes = 1): Promise<Pool[]> {
    const setup = createPool(database.url, { max: 1 });
    await setup.query(`CREATE SCHEMA ${schema}`);
    await setup.end();
    const url = new URL(database.url);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return Array.from({ length: nodes }, () => createPool(url.toString(), { max: 2 }));
  }

  it('has the same schema versions as SQLite', () => {
    expect(PG_MIGRATIONS.map((migration) => [migration.version, migration.name])).toEqual(MIGRATIONS.map((migration) => [migration.version, migration.name]));
  });

  it('applies each version once when two nodes start at once', async () => {
    const [nodeA, nodeB] = (await schemaPools('two_nodes', 2)) as [Pool, Pool];
    const [appliedA, appliedB] = await Promise.all([migratePostgres(nodeA), migratePostgres(nodeB)]);
    expect([...appliedA, ...appliedB].sort()).toEqual(MIGRATIONS.map((migration) => migration.version));
    const { rows } = await nodeA.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    await Promise.all([nodeA.end(), nodeB.end()]);
  });

  it('migration 5 keeps conversations and messages, widens the kind, and settles pairs pending both ways', async () => {
    const [pool] = (await schemaPools('from_v4')) as [Pool];
    expect(await migratePostgres(pool, PG_MIGRATIONS.filter((migration) => migration.version <= 4))).toEqual([1, 2, 3, 4]);
    await pool.query(VERSION_4_ROWS);
    await expect(pool.query("INSERT INTO conversations (id, kind, created_at) VALUES ('c_g0', 'group', 1)")).rejects.toThrow(/conversations_kind_check/);
    expect(await migratePostgres(pool, PG_MIGRATIONS.filter((migration) => migration.version <= 5))).toEqual([5]);
    expect((await pool.query('SELECT COUNT(*) AS n FROM conversation_members')).rows).toEqual([{ n: 2 }]);
    expect((await pool.query('SELECT id, seq FROM messages')).rows).toEqual([{ id: 'm_1', seq: 1 }]);
    expect((await pool.query('SELECT id, status FROM requests ORDER BY id')).rows).toEqual([
      { id: 'r_1', status: 'pending' },
      { id: 'r_2', status: 'cancelled' },
    ]);
    await pool.query("INSERT INTO conversations (id, kind, created_at) VALUES ('c_g1', 'group', 1)");
    await expect(
      pool.query(SECOND_PENDING_REQUEST),
    ).rejects.toThrow(/requests_one_pending_pair/);
    await pool.end();
  });

  it('serves a whole server from --database-url, ready while the database answers and 503 when it is gone', async () => {
    const serverDb = await createTestDatabase(adminUrl!);
    const t = await startServer(['--database-url', serverDb.url]);
    try {
      const alice = await registerUser(t.url, 'alice');
      const me = await api(t.url, 'GET', '/me', { token: alice.token });
      expect(me.body.user).toEqual(alice.user);
      expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ ok: true });
      await serverDb.drop();
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
    } finally {
      await t.stop();
      await serverDb.drop();
    }
  });
});
