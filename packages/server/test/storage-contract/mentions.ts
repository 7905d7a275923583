import type { Mentions } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addGroup, addUser, send } from './fixtures.js';

const mentioning = (text: string, mentions: Mentions) => ({ content: { text, mentions } });

export const mentionsContract: Contract = (t) => {
  describe('mentions', () => {
    async function group() {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const { groupId } = await addGroup(t.store, alice, [bob, carol]);
      return { alice, bob, carol, groupId };
    }

    it("counts a message for each member it names and, with @all, everyone but its sender, after each one's read cursor", async () => {
      const { alice, bob, carol, groupId } = await group();
      const named = await send(t.store, groupId, alice.id, '@Bob', mentioning('@Bob', { userIds: [bob.id] }));
      await send(t.store, groupId, alice.id, 'nobody');
      const everyone = await send(t.store, groupId, carol.id, '@all @Bob', mentioning('@all @Bob', { userIds: [bob.id], all: true }));
      expect(await t.store.mentions.unreadSeqs(bob.id, 99)).toEqual(new Map([[groupId, [named.seq, everyone.seq]]]));
      expect(await t.store.mentions.unreadSeqs(alice.id, 99)).toEqual(new Map([[groupId, [everyone.seq]]]));
      // Carol's own @all is not hers to read; her send moved her cursor past alice's message anyway.
      expect(await t.store.mentions.unreadSeqs(carol.id, 99)).toEqual(new Map());

      await t.store.advanceReadCursor(groupId, bob.id, named.seq);
      expect(await t.store.mentions.unreadSeqs(bob.id, 99, groupId)).toEqual(new Map([[groupId, [everyone.seq]]]));
      await t.store.advanceReadCursor(groupId, bob.id, everyone.seq);
      expect(await t.store.mentions.unreadSeqs(bob.id, 99)).toEqual(new Map());
    });

    it('keeps the newest `max` of each conversation, answers every conversation in one call, or only the one asked for', async () => {
      const { alice, bob, groupId } = await group();
      const other = await addGroup(t.store, alice, [bob], { name: 'other' });
      const seqs: number[] = [];
      for (let i = 0; i < 4; i += 1) seqs.push((await send(t.store, groupId, alice.id, '@Bob', mentioning('@Bob', { userIds: [bob.id] }))).seq);
      const elsewhere = await send(t.store, other.groupId, alice.id, '@all', mentioning('@all', { userIds: [], all: true }));
      expect(await t.store.mentions.unreadSeqs(bob.id, 3)).toEqual(new Map([[groupId, seqs.slice(1)], [other.groupId, [elsewhere.seq]]]));
      expect(await t.store.mentions.unreadSeqs(bob.id, 99, other.groupId)).toEqual(new Map([[other.groupId, [elsewhere.seq]]]));
    });

    it('forgets a recalled message for everyone, and a message deleted by the reader for that reader; an edit keeps it', async () => {
      const { alice, bob, carol, groupId } = await group();
      const recalled = await send(t.store, groupId, alice.id, '@all', mentioning('@all', { userIds: [], all: true }));
      const hidden = await send(t.store, groupId, alice.id, '@all again', mentioning('@all again', { userIds: [], all: true }));
      const edited = await send(t.store, groupId, alice.id, '@Bob', mentioning('@Bob', { userIds: [bob.id] }));
      await t.store.messageChanges.rewrite({ messageId: recalled.id, type: 'recalled', content: { byId: alice.id, byName: 'Alice', recalledAt: 1 }, fromTypes: ['text'] });
      await t.store.messageChanges.hide(bob.id, hidden.id);
      await t.store.messageChanges.rewrite({ messageId: edited.id, type: 'text', content: { text: '@Bob edited', mentions: { userIds: [bob.id] }, editedAt: 2 }, fromTypes: ['text'] });
      expect(await t.store.mentions.unreadSeqs(bob.id, 99)).toEqual(new Map([[groupId, [edited.seq]]]));
      expect(await t.store.mentions.unreadSeqs(carol.id, 99)).toEqual(new Map([[groupId, [hidden.seq]]]));
    });

    it("ignores conversations the user is not a member of, and a user's own mention of themselves", async () => {
      const { alice, bob, groupId } = await group();
      const outsider = await addUser(t.store, 'mallory');
      await send(t.store, groupId, alice.id, '@all', mentioning('@all @Alice', { userIds: [alice.id], all: true }));
      expect(await t.store.mentions.unreadSeqs(outsider.id, 99)).toEqual(new Map());
      expect(await t.store.mentions.unreadSeqs(alice.id, 99)).toEqual(new Map());
      const direct = await addFriends(t.store, alice, bob);
      await send(t.store, direct, alice.id, 'hi');
      expect([...(await t.store.mentions.unreadSeqs(bob.id, 99)).keys()]).toEqual([groupId]);
    });
  });
};
