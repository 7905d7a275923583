import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore, openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { migratePostgres } from '../../src/storage/postgres/migrations.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { migrate } from '../../src/storage/sqlite/migrations.js';
import { openDatabase } from '../../src/storage/sqlite/open.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { tempDir } from '../helpers.js';
import { createTestDatabase, withDatabase, type TestDatabase } from './pg-database.js';

/** A fresh, migrated database of one backend, with the store over it. */
export interface StoreUnderTest {
  store: Store;
  /** Versions applied when the database was created (every one). */
  migrationsApplied: number[];
  /** Opens another store on the same database, as a second server node would; closed by `dispose`. */
  openPeer(): Promise<Store>;
  /** Runs the migrations again, as a restart does; returns the versions applied now. */
  migrateAgain(): Promise<number[]>;
  /** The versions recorded in `schema_migrations`, ascending. */
  recordedVersions(): Promise<number[]>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  /** A new empty database for one test. */
  fresh(): Promise<StoreUnderTest>;
  /** After the whole suite. */
  teardown(): Promise<void>;
}

/** Each test gets its own SQLite file in a temp dir. */
export function sqliteBackend(): StoreBackend {
  const dir = tempDir();
  let counter = 0;
  return {
    name: 'SQLite',
    async fresh() {
      counter += 1;
      const file = join(dir, `store-${counter}.db`);
      const opened = openDatabase(file);
      const stores: Store[] = [new SqliteStore(opened.db)];
      return {
        store: stores[0]!,
        migrationsApplied: opened.migrationsApplied,
        async openPeer() {
          const peer = new SqliteStore(openDatabase(file).db);
          stores.push(peer);
          return peer;
        },
        migrateAgain: async () => migrate(opened.db),
        recordedVersions: async () => opened.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[],
        async dispose() {
          for (const store of stores) await store.close();
        },
      };
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One database per run (`confab_test_<random>` on the server of `adminUrl`, dropped afterwards),
 * and a schema of its own for each test (`search_path` in the connection URL). The next test's
 * schema is migrated while the current test runs.
 */
export function postgresBackend(adminUrl: string): StoreBackend {
  let database: Promise<TestDatabase> | undefined;
  let counter = 0;
  let next: Promise<StoreUnderTest> | undefined;

  async function prepare(): Promise<StoreUnderTest> {
    database ??= createTestDatabase(adminUrl);
    const { url } = await database;
    counter += 1;
    const schema = `t${counter}_${process.pid}`;
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA ${schema}`);
    await setup.end();
    const schemaUrl = withDatabase(url, new URL(url).pathname.slice(1), { options: `-c search_path=${schema}` });
    const migrator = createPool(schemaUrl, { max: 1 });
    const migrationsApplied = await migratePostgres(migrator);
    // The schema is current: the first store skips the migration check a starting node makes (its peers do not).
    const stores: Store[] = [createPostgresStore(createPool(schemaUrl))];
    return {
      store: stores[0]!,
      migrationsApplied,
      async openPeer() {
        const peer = await openPostgresStore(schemaUrl);
        stores.push(peer);
        return peer;
      },
      migrateAgain: () => migratePostgres(migrator),
      async recordedVersions() {
        const { rows } = await migrator.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        return rows.map((row) => row.version);
      },
      async dispose() {
        for (const store of stores) await store.close();
        await migrator.end();
      },
    };
  }

  /** Starts preparing the next test's schema; a failure surfaces in the test that takes it. */
  function prepareNext(): Promise<StoreUnderTest> {
    const prepared = prepare();
    prepared.catch(() => undefined);
    return prepared;
  }

  return {
    name: 'PostgreSQL',
    fresh() {
      const current = next ?? prepareNext();
      next = prepareNext();
      return current;
    },
    async teardown() {
      const unused = next;
      next = undefined;
      await unused?.then((prepared) => prepared.dispose(), () => undefined);
      if (database) await (await database).drop();
    },
  };
}
