import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSendContext } from '../src/storage/send-context.js';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../src/storage/store.js';
import { tempDir } from './helpers.js';

describe('the checks of a send in one query (SQLite getSendContext)', () => {
  const dir = tempDir();
  const store = openSqliteStore(join(dir, 'confab.db'));
  /** The same store without the fast path: what a backend without `getSendContext` answers. */
  const slow = Object.create(store, { getSendContext: { value: undefined } }) as Store;
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers membership, kind, members and the friendship with the peer as the separate lookups do', async () => {
    for (const id of ['u_a', 'u_b', 'u_c']) await store.createUser({ id, username: id, displayName: id, passwordHash: 'x', createdAt: 1 });
    const friends = await store.makeFriends('u_b', 'u_a', 1, 'c_ab');
    const strangers = await store.openDirectConversation('u_a', 'u_c', 1, 'c_ac');

    const cases = [
      ['u_a', friends, { isMember: true, friendsWithPeer: true }],
      ['u_a', strangers, { isMember: true, friendsWithPeer: false }],
      // Not a member: refused before the friendship matters (both paths still agree on it).
      ['u_b', strangers, { isMember: false }],
    ] as const;
    for (const [userId, conversationId, expected] of cases) {
      const fast = await readSendContext(store, userId, conversationId);
      expect(fast).toMatchObject({ ...expected, conversation: { id: conversationId, kind: 'direct', lastSeq: 0 } });
      expect(fast).toEqual(await readSendContext(slow, userId, conversationId));
    }
    expect((await store.getSendContext('u_a', friends))?.conversation.memberIds).toEqual(['u_a', 'u_b']);
    expect(await readSendContext(store, 'u_a', 'c_missing')).toBeNull();
    expect(await readSendContext(slow, 'u_a', 'c_missing')).toBeNull();

    await store.removeFriendship('u_a', 'u_b');
    expect(await store.getSendContext('u_a', friends)).toMatchObject({ isMember: true, friendsWithPeer: false });
  });
});
