import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, loadConfig } from '../src/index.js';
import { isConnectionError } from '../src/connection-errors.js';
import { wireErrorFor } from '../src/errors.js';
import { api, clientMsgId, connect, emitWithAck, errorCode, friendPair, PASSWORD, startServer, tempDir } from './helpers.js';
import { createTestDatabase, testDatabaseUrl } from './storage-contract/pg-database.js';
import { startTcpProxy } from './tcp-proxy.js';

const quiet = { error: () => undefined, warn: () => undefined };
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('which store failures are UNAVAILABLE', () => {
  it('PostgreSQL connection errors, refused or reset sockets and a busy SQLite are; constraint and other errors are not', () => {
    const refused = new AggregateError([withCode('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), withCode('ECONNREFUSED')], '');
    for (const error of [withCode('08006'), withCode('08001'), withCode('57P01'), withCode('57P03'), withCode('ECONNREFUSED'), refused,
      new Error('Connection terminated unexpectedly'), new Error('timeout exceeded when trying to connect'), withCode('SQLITE_BUSY', 'database is locked'),
      new Error('query failed', { cause: withCode('ECONNRESET') })]) {
      expect(isConnectionError(error), String(error)).toBe(true);
      expect(wireErrorFor(error, quiet)).toEqual({ code: 'UNAVAILABLE', message: 'The database is not reachable right now; retry shortly' });
    }
    for (const error of [withCode('23505'), withCode('22P05'), withCode('SQLITE_CONSTRAINT_UNIQUE'), new Error('boom'), 'text', null]) {
      expect(isConnectionError(error), String(error)).toBe(false);
      expect(wireErrorFor(error, quiet).code).toBe('INTERNAL');
    }
  });
});

describe.skipIf(testDatabaseUrl() === null)('a node whose PostgreSQL goes away', () => {
  const dir = tempDir();
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers REST calls and socket events with 503 UNAVAILABLE while it is away, and serves them again when it is back', async () => {
    const database = await createTestDatabase(testDatabaseUrl() as string);
    cleanups.push(database.drop);
    const direct = new URL(database.url);
    const proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    cleanups.push(proxy.close);
    direct.port = String(proxy.port);
    const node = await createServer(loadConfig(['--port', '0', '--data-dir', dir, '--log-level', 'silent', '--database-url', direct.toString()], {}));
    cleanups.push(() => node.close());
    const url = await node.listen();
    const { alice, conversationId } = await friendPair(url);
    const socket = await connect(url, alice.token);
    cleanups.push(async () => void socket.disconnect());

    await proxy.cut();
    const login = await api(url, 'POST', '/auth/login', { body: { username: alice.user.username, password: PASSWORD } });
    expect(login.status).toBe(503);
    expect(login.body).toEqual({ error: { code: 'UNAVAILABLE', message: 'The database is not reachable right now; retry shortly' } });
    const ack = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'while away' } }, 10_000);
    expect(ack.error?.code).toBe('UNAVAILABLE');
    expect(socket.connected).toBe(true);

    await proxy.restore();
    const again = await api(url, 'POST', '/auth/login', { body: { username: alice.user.username, password: PASSWORD } });
    expect(again.status).toBe(200);
  }, 30_000);
});

describe('a SQLite file locked by another process', () => {
  it('answers a write with 503 UNAVAILABLE once the busy timeout has passed', async () => {
    const t = await startServer();
    try {
      const locker = new BetterSqlite3(t.config.databaseFile);
      locker.exec('BEGIN EXCLUSIVE');
      try {
        const result = await api(t.url, 'POST', '/auth/register', { body: { username: 'blocked', password: PASSWORD } });
        expect(result.status).toBe(503);
        expect(errorCode(result)).toBe('UNAVAILABLE');
      } finally {
        locker.exec('ROLLBACK');
        locker.close();
      }
      expect((await api(t.url, 'POST', '/auth/register', { body: { username: 'blocked', password: PASSWORD } })).status).toBe(201);
    } finally {
      await t.stop();
    }
  }, 30_000);
});
