import { describe, expect, it } from 'vitest';
import type { NewFriendRequest } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addUser, freshId } from './fixtures.js';

function request(fromId: string, toId: string, createdAt = 7_000, note = 'hi'): NewFriendRequest {
  return { id: freshId('r'), fromId, toId, note, createdAt };
}

export const requestsContract: Contract = (t) => {
  describe('friend requests', () => {
    it('creates a pending request with both users, and finds it', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const input = request(alice.id, bob.id, 7_000, 'hello 👋');
      const expected = { id: input.id, kind: 'friend', from: alice, to: bob, note: 'hello 👋', status: 'pending', createdAt: 7_000, updatedAt: 7_000 };
      expect(await t.store.createFriendRequest(input)).toEqual(expected);
      expect(await t.store.getRequest(input.id)).toEqual(expected);
      expect(await t.store.findPendingRequest(alice.id, bob.id)).toEqual(expected);
      expect(await t.store.findPendingRequest(bob.id, alice.id)).toBeNull();
      expect(await t.store.getRequest('r_unknown')).toBeNull();
    });

    it('allows one pending request per pair, whichever way', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const first = request(alice.id, bob.id);
      await t.store.createFriendRequest(first);
      const again = request(alice.id, bob.id);
      expect(await t.store.createFriendRequest(again)).toBeNull();
      expect(await t.store.createFriendRequest(request(bob.id, alice.id))).toBeNull();
      expect(await t.store.getRequest(again.id)).toBeNull();
      expect(await t.store.listRequests(bob.id)).toHaveLength(1);
    });

    it('lists incoming and outgoing requests newest first, ties in the order they were made', async () => {
      const me = await addUser(t.store, 'me');
      const [a, b, c] = [await addUser(t.store, 'a'), await addUser(t.store, 'b'), await addUser(t.store, 'c')];
      const older = request(a.id, me.id, 1_000);
      const tieFirst = request(me.id, b.id, 2_000);
      const tieSecond = request(c.id, me.id, 2_000);
      for (const input of [older, tieFirst, tieSecond]) await t.store.createFriendRequest(input);
      expect((await t.store.listRequests(me.id)).map((item) => item.id)).toEqual([tieSecond.id, tieFirst.id, older.id]);
      expect((await t.store.listRequests(a.id)).map((item) => item.id)).toEqual([older.id]);
    });

    it('settles a pending request once; a new request may follow', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const input = request(alice.id, bob.id, 7_000);
      await t.store.createFriendRequest(input);
      expect(await t.store.settleRequest(input.id, 'rejected', 8_000)).toMatchObject({ id: input.id, status: 'rejected', createdAt: 7_000, updatedAt: 8_000 });
      expect(await t.store.settleRequest(input.id, 'cancelled', 9_000)).toBeNull();
      expect((await t.store.getRequest(input.id))?.status).toBe('rejected');
      expect(await t.store.settleRequest('r_unknown', 'rejected', 9_000)).toBeNull();
      expect(await t.store.createFriendRequest(request(bob.id, alice.id))).not.toBeNull();
    });

    it('accepts a pending request once, making the two friends', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const input = request(alice.id, bob.id, 7_000);
      await t.store.createFriendRequest(input);
      const accepted = await t.store.acceptFriendRequest(input.id, 8_000, 'c_ab');
      expect(accepted).toEqual({ request: expect.objectContaining({ id: input.id, status: 'accepted', updatedAt: 8_000 }), conversationId: 'c_ab' });
      expect(await t.store.getFriendship(bob.id, alice.id)).toEqual({ conversationId: 'c_ab', since: 8_000 });
      expect(await t.store.acceptFriendRequest(input.id, 9_000, 'c_other')).toBeNull();
      expect(await t.store.acceptFriendRequest('r_unknown', 9_000, 'c_other')).toBeNull();
    });

    it('never accepts a settled request', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const input = request(alice.id, bob.id);
      await t.store.createFriendRequest(input);
      await t.store.settleRequest(input.id, 'cancelled', 8_000);
      expect(await t.store.acceptFriendRequest(input.id, 9_000, 'c_ab')).toBeNull();
      expect(await t.store.getFriendship(alice.id, bob.id)).toBeNull();
    });

    it('requestFriendship creates, then answers pending, accepts the reverse, and answers friends', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const first = request(alice.id, bob.id, 7_000);
      expect(await t.store.requestFriendship(first, 'c_1')).toEqual({ outcome: 'created', request: expect.objectContaining({ id: first.id, status: 'pending' }) });
      expect(await t.store.requestFriendship(request(alice.id, bob.id), 'c_2')).toEqual({ outcome: 'pending' });
      const reverse = request(bob.id, alice.id, 8_000);
      expect(await t.store.requestFriendship(reverse, 'c_3')).toEqual({
        outcome: 'accepted',
        request: expect.objectContaining({ id: first.id, from: alice, to: bob, status: 'accepted', updatedAt: 8_000 }),
        conversationId: 'c_3',
      });
      expect(await t.store.getRequest(reverse.id)).toBeNull();
      expect(await t.store.requestFriendship(request(alice.id, bob.id), 'c_4')).toEqual({ outcome: 'friends' });
    });

    it('requestFriendship answers friends for friends made directly', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      await addFriends(t.store, alice, bob);
      expect(await t.store.requestFriendship(request(bob.id, alice.id), 'c_x')).toEqual({ outcome: 'friends' });
      expect(await t.store.listRequests(alice.id)).toEqual([]);
    });

    it('two nodes requesting each other at once end with one accepted request and a friendship', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const peer = await t.db.openPeer();
      const outcomes = await Promise.all([t.store.requestFriendship(request(alice.id, bob.id), 'c_1'), peer.requestFriendship(request(bob.id, alice.id), 'c_2')]);
      expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['accepted', 'created']);
      expect((await t.store.listRequests(alice.id)).map((item) => item.status)).toEqual(['accepted']);
      expect(await t.store.getFriendship(alice.id, bob.id)).not.toBeNull();
    });

    it('many racing requests of one pair leave one pending request', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const peer = await t.db.openPeer();
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? t.store : peer).createFriendRequest(request(alice.id, bob.id))));
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await t.store.listRequests(bob.id)).toHaveLength(1);
    });

    it('racing accepts of one request accept it once', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const input = request(alice.id, bob.id);
      await t.store.createFriendRequest(input);
      const peer = await t.db.openPeer();
      const results = await Promise.all([t.store.acceptFriendRequest(input.id, 8_000, 'c_1'), peer.acceptFriendRequest(input.id, 8_000, 'c_2'), peer.settleRequest(input.id, 'cancelled', 8_000)]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });
  });
};
