import { describe, expect, it } from 'vitest';
import { readSendContext } from '../../src/storage/send-context.js';
import type { Store } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addGroup, addUser } from './fixtures.js';

export const sendContextContract: Contract = (t) => {
  describe('the checks of a send (getSendContext)', () => {
    it('answers membership, kind, members and the friendship with the peer as the separate lookups do', async () => {
      expect(t.store.getSendContext).toBeTypeOf('function');
      /** The same store without the fast path: what a backend without `getSendContext` answers. */
      const slow = Object.create(t.store, { getSendContext: { value: undefined } }) as Store;
      const [a, b, c] = [await addUser(t.store, 'a'), await addUser(t.store, 'b'), await addUser(t.store, 'c')];
      const friends = await addFriends(t.store, b, a);
      const strangers = await t.store.openDirectConversation(a.id, c.id, 1, 'c_strangers');
      const { groupId } = await addGroup(t.store, a, [b]);

      const cases = [
        [a.id, friends, { isMember: true, friendsWithPeer: true, conversation: { kind: 'direct' } }],
        [a.id, strangers, { isMember: true, friendsWithPeer: false, conversation: { kind: 'direct' } }],
        // Not a member: refused before the friendship matters (both paths still agree on it).
        [b.id, strangers, { isMember: false, conversation: { kind: 'direct' } }],
        [b.id, groupId, { isMember: true, friendsWithPeer: false, conversation: { kind: 'group', lastSeq: 1 } }],
        [c.id, groupId, { isMember: false, friendsWithPeer: false, conversation: { kind: 'group' } }],
      ] as const;
      for (const [userId, conversationId, expected] of cases) {
        const fast = await readSendContext(t.store, userId, conversationId);
        expect(fast).toMatchObject({ ...expected, conversation: { id: conversationId, ...expected.conversation } });
        expect(fast).toEqual(await readSendContext(slow, userId, conversationId));
      }
      expect((await t.store.getSendContext!(a.id, friends))?.conversation.memberIds).toEqual([a.id, b.id].sort());
      expect(await readSendContext(t.store, a.id, 'c_missing')).toBeNull();
      expect(await readSendContext(slow, a.id, 'c_missing')).toBeNull();

      await t.store.removeFriendship(a.id, b.id);
      expect(await t.store.getSendContext!(a.id, friends)).toMatchObject({ isMember: true, friendsWithPeer: false });
    });
  });
};
