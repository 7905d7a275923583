import { DEFAULT_CONVERSATION_SETTINGS } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser } from './fixtures.js';

export const conversationSettingsContract: Contract = (t) => {
  describe('conversation settings', () => {
    it('are the defaults until changed, then keep every field not given', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      expect(await t.store.conversationSettings.get(alice.id, conversationId)).toEqual(DEFAULT_CONVERSATION_SETTINGS);

      expect(await t.store.conversationSettings.update(alice.id, conversationId, { pinned: true }, 10)).toEqual({ pinned: true, muted: false, markedUnread: false, hiddenSeq: null });
      expect(await t.store.conversationSettings.update(alice.id, conversationId, { muted: true, hiddenSeq: 7 }, 11)).toEqual({ pinned: true, muted: true, markedUnread: false, hiddenSeq: 7 });
      expect(await t.store.conversationSettings.update(alice.id, conversationId, { markedUnread: true }, 12)).toEqual({ pinned: true, muted: true, markedUnread: true, hiddenSeq: 7 });
      expect(await t.store.conversationSettings.update(alice.id, conversationId, { pinned: false, hiddenSeq: null }, 13)).toEqual({ pinned: false, muted: true, markedUnread: true, hiddenSeq: null });
      expect(await t.store.conversationSettings.get(alice.id, conversationId)).toEqual({ pinned: false, muted: true, markedUnread: true, hiddenSeq: null });
    });

    it('belong to one user: the other member of the conversation keeps the defaults', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const withBob = await addFriends(t.store, alice, bob);
      const withCarol = await addFriends(t.store, alice, carol);
      await t.store.conversationSettings.update(alice.id, withBob, { muted: true }, 10);
      await t.store.conversationSettings.update(alice.id, withCarol, { pinned: true }, 10);
      expect(await t.store.conversationSettings.get(bob.id, withBob)).toEqual(DEFAULT_CONVERSATION_SETTINGS);
      expect(await t.store.conversationSettings.listFor(bob.id)).toEqual(new Map());
      expect(await t.store.conversationSettings.listFor(alice.id)).toEqual(
        new Map([
          [withBob, { pinned: false, muted: true, markedUnread: false, hiddenSeq: null }],
          [withCarol, { pinned: true, muted: false, markedUnread: false, hiddenSeq: null }],
        ]),
      );
    });
  });
};
