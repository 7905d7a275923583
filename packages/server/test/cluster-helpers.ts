/**
 * What a multi-node test needs: the test Redis (shared with other test runs, so every test takes a
 * unique key prefix) and one database shared by the nodes.
 */
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, loadConfig, type ConfabServer } from '../src/index.js';
import { createTestDatabase, testDatabaseUrl } from './storage-contract/pg-database.js';

/** The test Redis: `CONFAB_TEST_REDIS_URL`, else the local default that CI starts. */
export const TEST_REDIS_URL = process.env.CONFAB_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A prefix no other test run uses, so runs sharing one Redis never see each other's rooms or keys. */
export function uniqueRedisPrefix(label: string): string {
  return `test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Null when the test Redis answers PING, else why not (the reason a skipped test prints). */
export function redisUnavailable(url = TEST_REDIS_URL, timeoutMs = 1000): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (reason: string | null): void => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer from Redis at ${hostname}:${port} within ${timeoutMs} ms`));
    socket.once('error', (error) => done(`Redis at ${hostname}:${port} is not reachable (${error.message}); set CONFAB_TEST_REDIS_URL`));
    socket.once('data', (data) => done(/^\+PONG|^-NOAUTH/.test(data.toString()) ? null : `unexpected answer from Redis: ${data.toString().trim()}`));
    socket.connect(Number(port || 6379), hostname, () => socket.write('PING\r\n'));
  });
}

/** How the nodes of a cluster test reach one database: flags and environment for each node. */
export interface ClusterDatabase {
  /** `postgresql` or `sqlite`, for test names and logs. */
  kind: 'postgresql' | 'sqlite';
  argv: string[];
  env: Record<string, string>;
  /** Removes the database made for this run (a no-op for the SQLite file, which lives in `dir`). */
  drop(): Promise<void>;
}

/**
 * The database every node of a cluster test shares. With `CONFAB_TEST_DATABASE_URL` set (a
 * PostgreSQL server the tests may create databases on) the nodes get a fresh database of their own as
 * `CONFAB_DATABASE_URL`; otherwise they share one SQLite file in WAL mode under `dir` (writes take the
 * lock with BEGIN IMMEDIATE and wait up to busy_timeout).
 */
export async function clusterDatabase(dir: string): Promise<ClusterDatabase> {
  const adminUrl = testDatabaseUrl();
  if (adminUrl) {
    const database = await createTestDatabase(adminUrl);
    return { kind: 'postgresql', argv: [], env: { CONFAB_DATABASE_URL: database.url }, drop: database.drop };
  }
  return { kind: 'sqlite', argv: ['--db', join(dir, 'cluster.db')], env: {}, drop: async () => {} };
}

/** Starts one in-process node named `name` (its data dir under `dir`) on the shared database and Redis prefix; resolves with it and its URL. */
export async function startClusterNode(dir: string, name: string, database: ClusterDatabase, prefix: string, redisUrl = TEST_REDIS_URL): Promise<{ node: ConfabServer; url: string }> {
  const argv = ['--port', '0', '--data-dir', `${dir}/${name}`, '--log-level', 'silent', '--jwt-secret', 'cluster-test-secret-0123456789abcdef', '--redis-url', redisUrl, '--redis-prefix', prefix, ...database.argv];
  const node = await createServer(loadConfig(argv, database.env));
  return { node, url: await node.listen() };
}
