import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { tempDir } from './helpers.js';

/** The `store.reactions` contract, on a real SQLite file. */
describe('reaction store', () => {
  const dir = tempDir();
  let store: SqliteStore;
  let conversationId: string;
  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'confab.db'));
    for (const id of ['u_a', 'u_b']) await store.createUser({ id, username: id, displayName: id, passwordHash: '!', createdAt: 1 });
    conversationId = await store.makeFriends('u_a', 'u_b', 1, 'c_ab');
    await store.appendMessage({ id: 'm_1', conversationId, senderId: 'u_a', clientMsgId: 'c1', type: 'text', content: { text: 'hi' }, createdAt: 1 });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts each change once on the conversation counter and lists emoji in first-use order with who', async () => {
    const set = (userId: string, emoji: string, on: boolean) => store.reactions.set({ messageId: 'm_1', userId, emoji, on, now: 5 });
    expect(await set('u_b', '👍', true)).toBe(1);
    expect(await set('u_b', '👍', true)).toBeNull();
    expect(await set('u_a', '❤️', true)).toBe(2);
    expect(await set('u_a', '👍', true)).toBe(3);
    expect(await set('u_a', '😂', false)).toBeNull();
    expect(await store.reactions.set({ messageId: 'm_none', userId: 'u_a', emoji: '👍', on: true, now: 5 })).toBeNull();
    expect(await store.reactions.listFor(['m_1', 'm_none'])).toEqual(new Map([['m_1', [{ emoji: '👍', userIds: ['u_b', 'u_a'] }, { emoji: '❤️', userIds: ['u_a'] }]]]));
    expect(await set('u_b', '👍', false)).toBe(4);
    expect((await store.messageChanges.listChanges('u_a', conversationId, 3, 10)).messages.map((message) => message.id)).toEqual(['m_1']);
    expect(await store.messageChanges.changeSeq(conversationId)).toBe(4);
  });
});
