import type { User } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addUser, send } from './fixtures.js';

/** alice and bob, friends, with three texts from alice. */
async function threeTexts(store: Store): Promise<{ alice: User; bob: User; conversationId: string; ids: string[] }> {
  const alice = await addUser(store, 'alice');
  const bob = await addUser(store, 'bob');
  const conversationId = await addFriends(store, alice, bob);
  const ids: string[] = [];
  for (const text of ['t1', 't2', 't3']) ids.push((await send(store, conversationId, alice.id, text)).id);
  return { alice, bob, conversationId, ids };
}

export const messageChangesContract: Contract = (t) => {
  describe('message changes (recall, edit, delete for me)', () => {
    it('stamps each rewrite with the next change counter and refuses a type not expected, writing nothing', async () => {
      const { alice, conversationId, ids } = await threeTexts(t.store);
      const [first] = ids as [string];
      const edited = await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'edited-words', editedAt: 5 }, fromTypes: ['text'] });
      expect(edited).toMatchObject({ changeSeq: 1, message: { id: first, seq: 1, content: { text: 'edited-words', editedAt: 5 } } });
      const recalled = await t.store.messageChanges.rewrite({ messageId: first, type: 'recalled', content: { byId: alice.id, byName: 'Alice', recalledAt: 6 }, fromTypes: ['text'] });
      expect(recalled?.changeSeq).toBe(2);
      expect(await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'x' }, fromTypes: ['text'] })).toBeNull();
      expect(await t.store.messageChanges.rewrite({ messageId: 'm_none', type: 'text', content: { text: 'x' }, fromTypes: ['text'] })).toBeNull();
      expect(await t.store.messageChanges.changeSeq(conversationId)).toBe(2);
      expect(await t.store.getMessage(first)).toMatchObject({ type: 'recalled', content: { byId: alice.id, recalledAt: 6 } });
      expect(JSON.stringify(await t.store.getMessage(first))).not.toContain('edited-words');
      expect(await t.store.messageChanges.changeSeq('c_none')).toBe(0);
    });

    it("hides once per user, on the same counter, listing the hide only in the hider's changes", async () => {
      const { alice, bob, conversationId, ids } = await threeTexts(t.store);
      const [first, second] = ids as [string, string];
      await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'e1', editedAt: 5 }, fromTypes: ['text'] });
      expect(await t.store.messageChanges.hide(bob.id, second)).toMatchObject({ changeSeq: 2, message: { id: second } });
      expect(await t.store.messageChanges.hide(bob.id, second)).toBeNull();
      expect(await t.store.messageChanges.hide(bob.id, 'm_none')).toBeNull();
      expect([...(await t.store.messageChanges.hiddenIds(bob.id, ids))]).toEqual([second]);
      expect((await t.store.messageChanges.hiddenIds(alice.id, ids)).size).toBe(0);
      expect((await t.store.messageChanges.hiddenIds(bob.id, [])).size).toBe(0);
      const forBob = await t.store.messageChanges.listChanges(bob.id, conversationId, 0, 10);
      expect(forBob.messages.map((message) => message.id)).toEqual([first, second]);
      expect(forBob).toMatchObject({ changeSeq: 2, hasMore: false });
      const forAlice = await t.store.messageChanges.listChanges(alice.id, conversationId, 0, 10);
      expect(forAlice.messages.map((message) => message.id)).toEqual([first]);
      expect(forAlice.changeSeq).toBe(2);
    });

    it('pages changes by the counter and lists every member conversation with its counter', async () => {
      const { alice, bob, conversationId, ids } = await threeTexts(t.store);
      const [first, second] = ids as [string, string];
      await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'e1', editedAt: 5 }, fromTypes: ['text'] });
      await t.store.messageChanges.hide(bob.id, second);
      const page = await t.store.messageChanges.listChanges(bob.id, conversationId, 0, 1);
      expect(page).toMatchObject({ changeSeq: 1, hasMore: true });
      const rest = await t.store.messageChanges.listChanges(bob.id, conversationId, page.changeSeq, 1);
      expect(rest).toMatchObject({ changeSeq: 2, hasMore: false });
      expect(rest.messages.map((message) => message.id)).toEqual([second]);
      expect(await t.store.messageChanges.listChanges(bob.id, conversationId, 2, 10)).toEqual({ messages: [], changeSeq: 2, hasMore: false });
      expect(await t.store.messageChanges.changeSeqs(alice.id)).toEqual(new Map([[conversationId, 2]]));
    });

    it('lists a message changed twice once, at its latest change', async () => {
      const { bob, conversationId, ids } = await threeTexts(t.store);
      const [first, second] = ids as [string, string];
      await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'e1', editedAt: 5 }, fromTypes: ['text'] });
      await t.store.messageChanges.rewrite({ messageId: second, type: 'text', content: { text: 'e2', editedAt: 6 }, fromTypes: ['text'] });
      await t.store.messageChanges.rewrite({ messageId: first, type: 'text', content: { text: 'e1 again', editedAt: 7 }, fromTypes: ['text'] });
      const changes = await t.store.messageChanges.listChanges(bob.id, conversationId, 0, 10);
      expect(changes.messages.map((message) => [message.id, (message.content as { text: string }).text])).toEqual([
        [second, 'e2'],
        [first, 'e1 again'],
      ]);
      expect(changes.changeSeq).toBe(3);
    });

    it('gives concurrent changes of one conversation distinct consecutive counters', async () => {
      const { bob, conversationId, ids } = await threeTexts(t.store);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 2 === 0
            ? t.store.messageChanges.rewrite({ messageId: ids[i % 3] as string, type: 'text', content: { text: `e${i}`, editedAt: i }, fromTypes: ['text'] })
            : t.store.reactions.set({ messageId: ids[i % 3] as string, userId: bob.id, emoji: ['👍', '❤️', '😂', '😮', '😢', '🙏'][(i - 1) / 2] as string, on: true, now: i }),
        ),
      );
      const counters = results.map((result) => (typeof result === 'number' ? result : result?.changeSeq)).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(counters).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await t.store.messageChanges.changeSeq(conversationId)).toBe(12);
    });
  });

  describe('reactions', () => {
    it('counts each change once on the conversation counter and lists emoji in first-use order with who', async () => {
      const { alice, bob, conversationId, ids } = await threeTexts(t.store);
      const [first] = ids as [string];
      const set = (userId: string, emoji: string, on: boolean, now: number) => t.store.reactions.set({ messageId: first, userId, emoji, on, now });
      expect(await set(bob.id, '👍', true, 5)).toBe(1);
      expect(await set(bob.id, '👍', true, 6)).toBeNull();
      expect(await set(alice.id, '❤️', true, 7)).toBe(2);
      expect(await set(alice.id, '👍', true, 8)).toBe(3);
      expect(await set(alice.id, '😂', false, 9)).toBeNull();
      expect(await t.store.reactions.set({ messageId: 'm_none', userId: alice.id, emoji: '👍', on: true, now: 5 })).toBeNull();
      expect(await t.store.reactions.listFor([first, 'm_none'])).toEqual(
        new Map([
          [
            first,
            [
              { emoji: '👍', userIds: [bob.id, alice.id] },
              { emoji: '❤️', userIds: [alice.id] },
            ],
          ],
        ]),
      );
      expect(await set(bob.id, '👍', false, 10)).toBe(4);
      // 👍 is now alice's alone, added after her ❤️, so it comes second.
      expect(await t.store.reactions.listFor([first])).toEqual(
        new Map([
          [
            first,
            [
              { emoji: '❤️', userIds: [alice.id] },
              { emoji: '👍', userIds: [alice.id] },
            ],
          ],
        ]),
      );
      expect((await t.store.messageChanges.listChanges(alice.id, conversationId, 3, 10)).messages.map((message) => message.id)).toEqual([first]);
      expect(await t.store.messageChanges.changeSeq(conversationId)).toBe(4);
      expect(await t.store.reactions.listFor([])).toEqual(new Map());
    });
  });
};
