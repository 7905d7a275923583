import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServer, loadConfig } from '../src/index.js';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../src/storage/store.js';
import { befriend, clientMsgId, connect, countRows, emitWithAck, openDb, registerUser, sleep, tempDir } from './helpers.js';

/** The real SQLite store, with each message write taking `delayMs` longer (a slow disk). */
function slowWrites(store: Store, delayMs: number): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== 'appendMessage' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        await sleep(delayMs);
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

describe('graceful shutdown', () => {
  it('acks the write in flight after committing it, answers new events UNAVAILABLE, then closes', async () => {
    const dataDir = tempDir();
    const config = loadConfig(['--port', '0', '--data-dir', dataDir, '--log-level', 'silent'], {});
    const server = await createServer(config, { store: slowWrites(openSqliteStore(config.databaseFile), 300) });
    const url = await server.listen();
    const alice = await registerUser(url, 'alice');
    const bob = await registerUser(url, 'bob');
    const conversationId = await befriend(url, alice, bob);
    const socket = await connect(url, alice.token);

    const inFlight = emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'last words' } });
    await sleep(100);
    const closing = server.close();
    const refused = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'too late' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const acked = await inFlight;
    expect(acked).toMatchObject({ ok: true, message: { seq: 1, content: { text: 'last words' } } });
    await closing;

    const db = openDb(config);
    expect(countRows(db, 'messages')).toBe(1);
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
