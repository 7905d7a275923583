import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { tempDir } from './helpers.js';

/** The `store.messageChanges` contract, on a real SQLite file. */
describe('message change store', () => {
  const dir = tempDir();
  let store: SqliteStore;
  let conversationId: string;
  const ids: string[] = [];
  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'confab.db'));
    for (const id of ['u_a', 'u_b']) await store.createUser({ id, username: id, displayName: id, passwordHash: '!', createdAt: 1 });
    conversationId = await store.makeFriends('u_a', 'u_b', 1, 'c_ab');
    for (let i = 1; i <= 3; i++) {
      const result = await store.appendMessage({ id: `m_${i}`, conversationId, senderId: 'u_a', clientMsgId: `c${i}`, type: 'text', content: { text: `t${i}` }, createdAt: i });
      ids.push(result.message.id);
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stamps each rewrite with the next change counter and refuses a type not expected, writing nothing', async () => {
    const edited = await store.messageChanges.rewrite({ messageId: 'm_1', type: 'text', content: { text: 'e1', editedAt: 5 }, fromTypes: ['text'] });
    expect(edited).toMatchObject({ changeSeq: 1, message: { id: 'm_1', seq: 1, content: { text: 'e1', editedAt: 5 } } });
    const recalled = await store.messageChanges.rewrite({ messageId: 'm_1', type: 'recalled', content: { byId: 'u_a', byName: 'a', recalledAt: 6 }, fromTypes: ['text'] });
    expect(recalled?.changeSeq).toBe(2);
    expect(await store.messageChanges.rewrite({ messageId: 'm_1', type: 'text', content: { text: 'x' }, fromTypes: ['text'] })).toBeNull();
    expect(await store.messageChanges.rewrite({ messageId: 'm_none', type: 'text', content: { text: 'x' }, fromTypes: ['text'] })).toBeNull();
    expect(await store.messageChanges.changeSeq(conversationId)).toBe(2);
    expect((await store.getMessage('m_1'))?.type).toBe('recalled');
  });

  it("hides once per user, on the same counter, listing the hide only in the hider's changes", async () => {
    expect(await store.messageChanges.hide('u_b', 'm_2')).toMatchObject({ changeSeq: 3, message: { id: 'm_2' } });
    expect(await store.messageChanges.hide('u_b', 'm_2')).toBeNull();
    expect([...(await store.messageChanges.hiddenIds('u_b', ids))]).toEqual(['m_2']);
    expect((await store.messageChanges.hiddenIds('u_a', ids)).size).toBe(0);
    const forB = await store.messageChanges.listChanges('u_b', conversationId, 0, 10);
    expect(forB.messages.map((message) => message.id)).toEqual(['m_1', 'm_2']);
    expect(forB).toMatchObject({ changeSeq: 3, hasMore: false });
    const forA = await store.messageChanges.listChanges('u_a', conversationId, 0, 10);
    expect(forA.messages.map((message) => message.id)).toEqual(['m_1']);
    expect(forA.changeSeq).toBe(3);
  });

  it('pages changes by the counter and lists every member conversation with its counter', async () => {
    const page = await store.messageChanges.listChanges('u_b', conversationId, 0, 1);
    expect(page).toMatchObject({ changeSeq: 2, hasMore: true });
    const rest = await store.messageChanges.listChanges('u_b', conversationId, page.changeSeq, 1);
    expect(rest).toMatchObject({ changeSeq: 3, hasMore: false });
    expect(rest.messages.map((message) => message.id)).toEqual(['m_2']);
    expect(await store.messageChanges.changeSeqs('u_a')).toEqual(new Map([[conversationId, 3]]));
  });
});
