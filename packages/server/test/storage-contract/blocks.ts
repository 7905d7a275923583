import { describe, expect, it } from 'vitest';
import { readSendContext } from '../../src/storage/send-context.js';
import type { Store } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addGroup, addUser, send } from './fixtures.js';

export const blocksContract: Contract = (t) => {
  describe('blocks', () => {
    it('blocks and unblocks idempotently, lists the newest first, and refuses an unknown user', async () => {
      const [alice, bob, carol] = [await addUser(t.store, 'alice'), await addUser(t.store, 'bob'), await addUser(t.store, 'carol')];
      expect(await t.store.blocks.block(alice.id, bob.id, 100)).toEqual({ user: bob, since: 100 });
      // A repeat keeps the first time.
      expect(await t.store.blocks.block(alice.id, bob.id, 200)).toEqual({ user: bob, since: 100 });
      expect(await t.store.blocks.block(alice.id, carol.id, 300)).toEqual({ user: carol, since: 300 });
      expect(await t.store.blocks.block(alice.id, 'u_nobody', 400)).toBeNull();
      expect(await t.store.blocks.list(alice.id)).toEqual([{ user: carol, since: 300 }, { user: bob, since: 100 }]);
      expect(await t.store.blocks.list(bob.id)).toEqual([]);
      expect(await t.store.blocks.between(alice.id, bob.id)).toEqual({ blocks: true, blockedBy: false });
      expect(await t.store.blocks.between(bob.id, alice.id)).toEqual({ blocks: false, blockedBy: true });
      expect(await t.store.blocks.between(bob.id, carol.id)).toEqual({ blocks: false, blockedBy: false });
      // Both directions, each user once: alice blocks bob and carol, carol blocks alice too.
      await t.store.blocks.block(carol.id, alice.id, 350);
      expect((await t.store.blocks.blockedEither(alice.id)).sort()).toEqual([bob.id, carol.id].sort());
      expect(await t.store.blocks.blockedEither(bob.id)).toEqual([alice.id]);
      await t.store.blocks.unblock(carol.id, alice.id);

      expect(await t.store.blocks.unblock(alice.id, bob.id)).toBe(true);
      expect(await t.store.blocks.unblock(alice.id, bob.id)).toBe(false);
      expect(await t.store.blocks.list(alice.id)).toEqual([{ user: carol, since: 300 }]);
      expect(await t.store.blocks.between(bob.id, alice.id)).toEqual({ blocks: false, blockedBy: false });
    });

    it('folds both directions of a block into the send checks, for direct conversations only', async () => {
      const slow = Object.create(t.store, { getSendContext: { value: undefined } }) as Store;
      const [alice, bob] = [await addUser(t.store, 'alice'), await addUser(t.store, 'bob')];
      const direct = await addFriends(t.store, alice, bob);
      const { groupId } = await addGroup(t.store, alice, [bob]);
      await t.store.blocks.block(alice.id, bob.id, 1);
      for (const store of [t.store, slow]) {
        expect(await readSendContext(store, alice.id, direct)).toMatchObject({ blocksPeer: true, blockedByPeer: false, friendsWithPeer: true });
        expect(await readSendContext(store, bob.id, direct)).toMatchObject({ blocksPeer: false, blockedByPeer: true });
        expect(await readSendContext(store, bob.id, groupId)).toMatchObject({ blocksPeer: false, blockedByPeer: false });
      }
    });

    it('stores a message kept from its recipient for the sender only, and keeps the recipient\'s unread, cursor and last message exact', async () => {
      const [alice, bob] = [await addUser(t.store, 'alice'), await addUser(t.store, 'bob')];
      const conversationId = await addFriends(t.store, alice, bob);
      const hello = await send(t.store, conversationId, alice.id, 'hello');
      await t.store.advanceReadCursor(conversationId, bob.id, hello.seq);
      // Two from bob alice has not read yet, then alice blocks bob and bob sends two more.
      const unread = [await send(t.store, conversationId, bob.id, 'one'), await send(t.store, conversationId, bob.id, 'two')];
      await t.store.blocks.block(alice.id, bob.id, 1);
      const kept = [await send(t.store, conversationId, bob.id, 'kept 1', { hiddenFor: alice.id }), await send(t.store, conversationId, bob.id, 'kept 2', { hiddenFor: alice.id })];
      expect(kept.map((message) => message.seq)).toEqual([4, 5]);
      expect(kept[0]).not.toHaveProperty('hiddenFor');

      // Bob sees them as stored messages, alice has them hidden (a place in the timeline, no content).
      expect((await t.store.listMessages(conversationId, { limit: 10 })).messages.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(await t.store.messageChanges.hiddenIds(alice.id, kept.map((message) => message.id))).toEqual(new Set(kept.map((message) => message.id)));
      expect(await t.store.messageChanges.hiddenIds(bob.id, kept.map((message) => message.id))).toEqual(new Set());
      expect(await t.store.blocks.keptFrom(kept[0]!.id)).toEqual([alice.id]);
      expect(await t.store.blocks.keptFrom(unread[0]!.id)).toEqual([]);

      // Alice: two unread (not four); her cursor as she sees it counts the kept ones as read.
      const aliceView = await t.store.getConversationView(alice.id, conversationId);
      expect(aliceView).toMatchObject({ lastSeq: 5, readSeq: 3, unread: 2, peerReadSeq: 5 });
      expect((await t.store.listConversationViews(alice.id))[0]).toMatchObject({ readSeq: 3, unread: 2 });
      // Bob's view is untouched: alice's real cursor is his receipt.
      expect(await t.store.getConversationView(bob.id, conversationId)).toMatchObject({ lastSeq: 5, readSeq: 5, unread: 0, peerReadSeq: 1 });
      // Her list shows the last message she may see, at its time.
      const tails = await t.store.blocks.visibleTails(alice.id, [conversationId]);
      expect(tails).toEqual(new Map([[conversationId, { lastMessage: unread[1], activeAt: unread[1]!.createdAt }]]));
      expect(await t.store.blocks.visibleTails(bob.id, [conversationId])).toEqual(new Map());

      // Reading everything stops before the kept messages: bob never sees them read.
      expect(await t.store.advanceReadCursor(conversationId, alice.id, 5)).toEqual({ readSeq: 3, lastSeq: 5, moved: true, skipped: 2 });
      expect(await t.store.getConversationView(alice.id, conversationId)).toMatchObject({ readSeq: 5, unread: 0 });
      expect(await t.store.getConversationView(bob.id, conversationId)).toMatchObject({ peerReadSeq: 3 });

      // Unblocked, bob's next message arrives; reading it passes the kept ones (a cursor is one seq).
      await t.store.blocks.unblock(alice.id, bob.id);
      const after = await send(t.store, conversationId, bob.id, 'after');
      expect(await t.store.getConversationView(alice.id, conversationId)).toMatchObject({ lastSeq: 6, readSeq: 5, unread: 1, lastMessage: after });
      expect(await t.store.blocks.visibleTails(alice.id, [conversationId])).toEqual(new Map());
      expect(await t.store.advanceReadCursor(conversationId, alice.id, 6)).toEqual({ readSeq: 6, lastSeq: 6, moved: true, skipped: 0 });
    });

    it('shows no last message when every message so far was kept, and the conversation\'s own time', async () => {
      const [alice, bob] = [await addUser(t.store, 'alice'), await addUser(t.store, 'bob')];
      const conversationId = await addFriends(t.store, alice, bob, 2_500);
      await t.store.blocks.block(alice.id, bob.id, 1);
      await send(t.store, conversationId, bob.id, 'kept', { hiddenFor: alice.id });
      expect(await t.store.blocks.visibleTails(alice.id, [conversationId, 'c_other'])).toEqual(new Map([[conversationId, { lastMessage: null, activeAt: 2_500 }]]));
      expect(await t.store.getConversationView(alice.id, conversationId)).toMatchObject({ lastSeq: 1, readSeq: 1, unread: 0 });
    });
  });
};
