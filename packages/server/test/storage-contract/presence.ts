import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser } from './fixtures.js';

export const presenceContract: Contract = (t) => {
  describe('presence', () => {
    it('is shown and never seen until written; the setting and the last seen time are kept apart', async () => {
      const alice = await addUser(t.store, 'alice');
      expect(await t.store.presence.get(alice.id)).toEqual({ showPresence: true, lastSeenAt: null });

      await t.store.presence.setLastSeen(alice.id, 5_000);
      expect(await t.store.presence.get(alice.id)).toEqual({ showPresence: true, lastSeenAt: 5_000 });
      expect(await t.store.presence.setShowPresence(alice.id, false, 6_000)).toEqual({ showPresence: false, lastSeenAt: 5_000 });
      await t.store.presence.setLastSeen(alice.id, 7_000);
      expect(await t.store.presence.get(alice.id)).toEqual({ showPresence: false, lastSeenAt: 7_000 });
      expect(await t.store.presence.setShowPresence(alice.id, true, 8_000)).toEqual({ showPresence: true, lastSeenAt: 7_000 });
    });

    it('never moves the last seen time back (a late write from a slower node)', async () => {
      const alice = await addUser(t.store, 'alice');
      await t.store.presence.setLastSeen(alice.id, 9_000);
      await t.store.presence.setLastSeen(alice.id, 8_000);
      expect(await t.store.presence.get(alice.id)).toEqual({ showPresence: true, lastSeenAt: 9_000 });
    });

    it('lists the friends of a user with their stored presence or the defaults, and nobody else', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const stranger = await addUser(t.store, 'dave');
      await addFriends(t.store, alice, bob);
      await addFriends(t.store, alice, carol);
      await t.store.presence.setLastSeen(bob.id, 4_000);
      await t.store.presence.setShowPresence(carol.id, false, 4_100);
      await t.store.presence.setLastSeen(stranger.id, 4_200);

      const friends = (await t.store.presence.listFriends(alice.id)).sort((a, b) => a.userId.localeCompare(b.userId));
      expect(friends).toEqual(
        [
          { userId: bob.id, showPresence: true, lastSeenAt: 4_000 },
          { userId: carol.id, showPresence: false, lastSeenAt: null },
        ].sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      expect(await t.store.presence.listFriends(bob.id)).toEqual([{ userId: alice.id, showPresence: true, lastSeenAt: null }]);
      expect(await t.store.presence.listFriends(stranger.id)).toEqual([]);
      await t.store.removeFriendship(alice.id, bob.id);
      expect((await t.store.presence.listFriends(alice.id)).map((friend) => friend.userId)).toEqual([carol.id]);
    });
  });
};
