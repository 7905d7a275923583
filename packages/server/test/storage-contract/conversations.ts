import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser, send } from './fixtures.js';

export const conversationsContract: Contract = (t) => {
  describe('conversations', () => {
    it('shows a new direct conversation to each member with the peer and nothing unread', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await t.store.makeFriends(alice.id, bob.id, 4_000, 'c_ab');
      expect(await t.store.getConversationView(alice.id, conversationId)).toEqual({
        id: 'c_ab',
        kind: 'direct',
        peer: bob,
        lastMessage: null,
        lastSeq: 0,
        readSeq: 0,
        unread: 0,
        peerReadSeq: 0,
        pinned: false,
        muted: false,
        activeAt: 4_000,
      });
      expect((await t.store.getConversationView(bob.id, conversationId))?.peer).toEqual(alice);
    });

    it('answers null for a non-member or an unknown conversation', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const conversationId = await addFriends(t.store, alice, bob);
      expect(await t.store.getConversationView(carol.id, conversationId)).toBeNull();
      expect(await t.store.getConversationView(alice.id, 'c_unknown')).toBeNull();
      expect(await t.store.getConversation('c_unknown')).toBeNull();
    });

    it('counts unread for the receiver, none for the sender, and shows the last message and its time', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      await send(t.store, conversationId, alice.id, 'one');
      const last = await send(t.store, conversationId, alice.id, 'two', { createdAt: 50_000 });
      expect(await t.store.getConversationView(bob.id, conversationId)).toMatchObject({ lastSeq: 2, readSeq: 0, unread: 2, peerReadSeq: 2, lastMessage: last, activeAt: 50_000 });
      expect(await t.store.getConversationView(alice.id, conversationId)).toMatchObject({ lastSeq: 2, readSeq: 2, unread: 0, peerReadSeq: 0 });
    });

    it('lists friends’ conversations by latest activity; a former friend’s stays among the member conversations only', async () => {
      const me = await addUser(t.store, 'me');
      const [a, b, c] = [await addUser(t.store, 'a'), await addUser(t.store, 'b'), await addUser(t.store, 'c')];
      const withA = await addFriends(t.store, me, a, 1_000);
      const withB = await addFriends(t.store, me, b, 2_000);
      const withC = await addFriends(t.store, me, c, 3_000);
      await send(t.store, withA, a.id, 'latest', { createdAt: 90_000 });
      expect((await t.store.listConversationViews(me.id)).map((view) => view.id)).toEqual([withA, withC, withB]);
      await t.store.removeFriendship(me.id, c.id);
      expect((await t.store.listConversationViews(me.id)).map((view) => view.id)).toEqual([withA, withB]);
      expect((await t.store.listMemberConversationViews(me.id)).map((view) => view.id)).toEqual([withA, withC, withB]);
    });

    it('opens a direct conversation without a friendship, once per pair', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const id = await t.store.openDirectConversation(alice.id, bob.id, 1_000, 'c_open');
      expect(id).toBe('c_open');
      expect(await t.store.openDirectConversation(bob.id, alice.id, 2_000, 'c_again')).toBe('c_open');
      expect(await t.store.getConversation('c_open')).toEqual({ id: 'c_open', kind: 'direct', lastSeq: 0, memberIds: [alice.id, bob.id].sort() });
      expect(await t.store.getFriendship(alice.id, bob.id)).toBeNull();
      expect(await t.store.listConversationViews(alice.id)).toEqual([]);
      expect((await t.store.listMemberConversationViews(alice.id)).map((view) => view.id)).toEqual(['c_open']);
      expect(await t.store.makeFriends(alice.id, bob.id, 3_000, 'c_friends')).toBe('c_open');
    });

    it('moves a read cursor forward only, never past the last message', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const conversationId = await addFriends(t.store, alice, bob);
      for (const text of ['1', '2', '3']) await send(t.store, conversationId, alice.id, text);
      expect(await t.store.advanceReadCursor(conversationId, bob.id, 2)).toEqual({ readSeq: 2, lastSeq: 3, moved: true, skipped: 0 });
      expect(await t.store.advanceReadCursor(conversationId, bob.id, 1)).toEqual({ readSeq: 2, lastSeq: 3, moved: false, skipped: 0 });
      expect(await t.store.advanceReadCursor(conversationId, bob.id, 2)).toEqual({ readSeq: 2, lastSeq: 3, moved: false, skipped: 0 });
      expect(await t.store.advanceReadCursor(conversationId, bob.id, 99)).toEqual({ readSeq: 3, lastSeq: 3, moved: true, skipped: 0 });
      expect((await t.store.getConversationView(bob.id, conversationId))?.unread).toBe(0);
      expect(await t.store.advanceReadCursor(conversationId, carol.id, 1)).toBeNull();
      expect(await t.store.advanceReadCursor('c_unknown', bob.id, 1)).toBeNull();
    });

    it('keeps the highest cursor when two nodes move it at once', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      for (let i = 0; i < 10; i += 1) await send(t.store, conversationId, alice.id, `m${i}`);
      const peer = await t.db.openPeer();
      await Promise.all([3, 9, 5, 7, 1, 10, 2].map((seq, i) => (i % 2 === 0 ? t.store : peer).advanceReadCursor(conversationId, bob.id, seq)));
      expect((await t.store.getConversationView(bob.id, conversationId))?.readSeq).toBe(10);
    });
  });
};
