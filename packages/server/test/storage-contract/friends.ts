import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser } from './fixtures.js';

export const friendsContract: Contract = (t) => {
  describe('friends', () => {
    it('makes two users friends both ways with one direct conversation of the two', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await t.store.makeFriends(alice.id, bob.id, 5_000, 'c_ab');
      expect(conversationId).toBe('c_ab');
      expect(await t.store.getFriendship(alice.id, bob.id)).toEqual({ conversationId: 'c_ab', since: 5_000 });
      expect(await t.store.getFriendship(bob.id, alice.id)).toEqual({ conversationId: 'c_ab', since: 5_000 });
      expect(await t.store.getConversation('c_ab')).toEqual({ id: 'c_ab', kind: 'direct', lastSeq: 0, memberIds: [alice.id, bob.id].sort() });
      expect(await t.store.listFriends(alice.id)).toEqual([{ user: bob, conversationId: 'c_ab', since: 5_000 }]);
    });

    it('is idempotent: befriending again keeps the first conversation and rows', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const first = await t.store.makeFriends(alice.id, bob.id, 5_000, 'c_first');
      expect(await t.store.makeFriends(bob.id, alice.id, 6_000, 'c_second')).toBe(first);
      expect(await t.store.getConversation('c_second')).toBeNull();
      expect(await t.store.listFriends(bob.id)).toEqual([{ user: alice, conversationId: first, since: 5_000 }]);
    });

    it('lists friends by display name', async () => {
      const me = await addUser(t.store, 'me');
      const zoe = await addUser(t.store, 'zoe', 'Zoe');
      const adam = await addUser(t.store, 'adam', 'Adam');
      const mia = await addUser(t.store, 'mia', 'Mia');
      for (const friend of [zoe, adam, mia]) await addFriends(t.store, me, friend);
      expect((await t.store.listFriends(me.id)).map((friend) => friend.user.id)).toEqual([adam.id, mia.id, zoe.id]);
      expect(await t.store.listFriends(adam.id)).toHaveLength(1);
    });

    it('unfriends both ways once, keeps the conversation, and reuses it when they befriend again', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      expect(await t.store.removeFriendship(bob.id, alice.id)).toBe(conversationId);
      expect(await t.store.getFriendship(alice.id, bob.id)).toBeNull();
      expect(await t.store.getFriendship(bob.id, alice.id)).toBeNull();
      expect(await t.store.removeFriendship(alice.id, bob.id)).toBeNull();
      expect((await t.store.getConversation(conversationId))?.memberIds).toEqual([alice.id, bob.id].sort());
      expect(await t.store.makeFriends(alice.id, bob.id, 9_000, 'c_new')).toBe(conversationId);
    });

    it('answers null and [] for strangers', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      expect(await t.store.getFriendship(alice.id, bob.id)).toBeNull();
      expect(await t.store.listFriends(alice.id)).toEqual([]);
    });

    it('makes one conversation when two nodes befriend the same pair at once', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const peer = await t.db.openPeer();
      const ids = await Promise.all([t.store.makeFriends(alice.id, bob.id, 1, 'c_one'), peer.makeFriends(bob.id, alice.id, 2, 'c_two')]);
      expect(ids[1]).toBe(ids[0]);
      expect((await t.store.listFriends(alice.id)).map((friend) => friend.conversationId)).toEqual([ids[0]]);
    });
  });
};
