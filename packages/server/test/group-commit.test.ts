import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import type { NewMessage } from '../src/storage/store.js';
import { tempDir } from './helpers.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeWithPair(): Promise<{ store: SqliteStore; conversationId: string }> {
  const dir = tempDir();
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'confab.db'));
  stores.push(store);
  for (const id of ['u_a', 'u_b']) await store.createUser({ id, username: id, displayName: id, passwordHash: 'x', createdAt: 1 });
  return { store, conversationId: await store.makeFriends('u_a', 'u_b', 1, 'c_ab') };
}

const message = (i: number, conversationId: string, senderId = 'u_a'): NewMessage => ({
  id: `m_${i}`,
  conversationId,
  senderId,
  clientMsgId: `cm_${i}`,
  type: 'text',
  content: { text: `number ${i}` },
  createdAt: 1000 + i,
});

/** Frames in the WAL file so far: every commit adds at least one per page it changed. */
function walFrames(store: SqliteStore): number {
  const [row] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  return (row as { log: number }).log;
}

describe('group commit of appendMessage (SQLite)', () => {
  it('writes the appends of one tick in one transaction, seqs in call order, each acked after the commit', async () => {
    const batched = await storeWithPair();
    const framesBefore = walFrames(batched.store);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => batched.store.appendMessage(message(i, batched.conversationId))));
    expect(results.map((result) => result.outcome)).toEqual(Array(40).fill('created'));
    expect(results.map((result) => result.message.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const batchedFrames = walFrames(batched.store) - framesBefore;

    const oneByOne = await storeWithPair();
    const framesBeforeAlone = walFrames(oneByOne.store);
    for (let i = 0; i < 40; i++) await oneByOne.store.appendMessage(message(i, oneByOne.conversationId));
    const aloneFrames = walFrames(oneByOne.store) - framesBeforeAlone;
    // 40 commits write each touched page 40 times; one commit writes it once.
    expect(batchedFrames * 10).toBeLessThan(aloneFrames);

    const history = await batched.store.listMessages(batched.conversationId, { limit: 100 });
    expect(history.messages.map((stored) => stored.clientMsgId)).toEqual(Array.from({ length: 40 }, (_, i) => `cm_${i}`));
    const cursor = await batched.store.advanceReadCursor(batched.conversationId, 'u_a', 0);
    expect(cursor).toEqual({ readSeq: 40, lastSeq: 40, moved: false, skipped: 0 });
  });

  it('answers a clientMsgId repeated within one batch with the original, and a reuse elsewhere as a conflict', async () => {
    const { store, conversationId } = await storeWithPair();
    await store.createUser({ id: 'u_c', username: 'u_c', displayName: 'c', passwordHash: 'x', createdAt: 1 });
    const other = await store.makeFriends('u_a', 'u_c', 1, 'c_ac');
    const [first, again, elsewhere] = await Promise.all([
      store.appendMessage(message(1, conversationId)),
      store.appendMessage({ ...message(1, conversationId), id: 'm_other' }),
      store.appendMessage({ ...message(1, other), id: 'm_elsewhere' }),
    ]);
    expect(first).toMatchObject({ outcome: 'created', message: { id: 'm_1', seq: 1 } });
    expect(again).toEqual({ outcome: 'duplicate', message: first?.message });
    expect(elsewhere).toMatchObject({ outcome: 'conflict', message: { id: 'm_1' } });
    expect((await store.listMessages(other, { limit: 10 })).messages).toEqual([]);
  });

  it('fails only the bad row of a batch; the others are stored in order', async () => {
    const { store, conversationId } = await storeWithPair();
    const appends = [
      store.appendMessage(message(1, conversationId)),
      store.appendMessage(message(2, 'c_missing')),
      store.appendMessage(message(3, conversationId)),
    ];
    const settled = await Promise.allSettled(appends);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const history = await store.listMessages(conversationId, { limit: 10 });
    expect(history.messages.map((stored) => [stored.clientMsgId, stored.seq])).toEqual([
      ['cm_1', 1],
      ['cm_3', 2],
    ]);
  });

  it('commits what is queued before the store closes', async () => {
    const { store, conversationId } = await storeWithPair();
    const pending = store.appendMessage(message(1, conversationId));
    await store.close();
    await expect(pending).resolves.toMatchObject({ outcome: 'created', message: { seq: 1 } });
  });
});

describe('WAL checkpoints beside the event loop (SQLite)', () => {
  it('stops checkpointing inside commits once messages flow, and a worker copies the WAL into the database file', async () => {
    const { store, conversationId } = await storeWithPair();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const file = store.db.name;
    const sizeBefore = statSync(file).size;
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => store.appendMessage(message(batch * 100 + i, conversationId))));
    }
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const deadline = Date.now() + 5000;
    while (statSync(file).size === sizeBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(sizeBefore);
    expect((await store.listMessages(conversationId, { limit: 1 })).messages[0]?.seq).toBe(1000);
  });
});
