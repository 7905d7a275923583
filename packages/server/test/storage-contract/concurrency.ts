import { describe, expect, it } from 'vitest';
import { isConversationMissing, type Store } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addGroup, addUser, textMessage } from './fixtures.js';

/** Appends per node and sender, all at once. */
const NODES = 2;
const SENDERS = 3;
const PER_SENDER = 40;

export const concurrencyContract: Contract = (t) => {
  describe('concurrent senders on two nodes', () => {
    it('get seqs 1..N exactly once each, in each sender’s order', async () => {
      const owner = await addUser(t.store, 'owner');
      const members = [await addUser(t.store, 'm'), await addUser(t.store, 'm'), await addUser(t.store, 'm')];
      const { groupId } = await addGroup(t.store, owner, members);
      const nodes: Store[] = [t.store, await t.db.openPeer()];
      const appends = nodes.flatMap((node, n) =>
        members.map(async (member) => {
          const seqs: number[] = [];
          for (let i = 0; i < PER_SENDER; i += 1) {
            const result = await node.appendMessage(textMessage(groupId, member.id, `n${n} ${member.id} ${i}`));
            expect(result.outcome).toBe('created');
            seqs.push(result.message.seq);
          }
          return seqs;
        }),
      );
      const perSender = await Promise.all(appends);
      const total = 1 + NODES * SENDERS * PER_SENDER; // with the `created` notice
      const all = perSender.flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 2));
      for (const seqs of perSender) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(total);
      const stored = await t.store.listMessages(groupId, { after: 0, limit: total + 10 });
      expect(stored.messages.map((message) => message.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    });

    it('store one message for a clientMsgId sent many times at once, without using up a seq', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const nodes: Store[] = [t.store, await t.db.openPeer()];
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => nodes[i % NODES]!.appendMessage(textMessage(conversationId, alice.id, `try ${i}`, { id: `m_try${i}`, clientMsgId: 'retry-me' }))),
      );
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(results.filter((result) => result.outcome === 'duplicate')).toHaveLength(11);
      expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
      expect(results.every((result) => result.message.seq === 1)).toBe(true);
      expect((await t.store.getConversation(conversationId))?.lastSeq).toBe(1);
      const next = await t.store.appendMessage(textMessage(conversationId, bob.id, 'after'));
      expect(next.message.seq).toBe(2);
    });

    it('answer appends racing a group’s dissolution with the message stored or ConversationMissingError, nothing else', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const { groupId } = await addGroup(t.store, owner, [member]);
      const nodes: Store[] = [t.store, await t.db.openPeer()];
      const outcomes = nodes.flatMap((node, n) =>
        Array.from({ length: 20 }, (_, i) =>
          node.appendMessage(textMessage(groupId, i % 2 ? owner.id : member.id, `n${n} ${i}`)).then(
            (result) => result.outcome,
            (error: unknown) => (isConversationMissing(error) ? 'missing' : error),
          ),
        ),
      );
      const dissolved = nodes[1]!.groups.dissolveGroup(groupId);
      const answers = await Promise.all(outcomes);
      expect((await dissolved).sort()).toEqual([owner.id, member.id].sort());
      const unexpected = answers.filter((answer) => answer !== 'created' && answer !== 'missing');
      expect(unexpected.map(String)).toEqual([]);
      expect(await t.store.getConversation(groupId)).toBeNull();
      expect(await t.store.listMessages(groupId, { after: 0, limit: 100 })).toEqual({ messages: [], hasMore: false });
      const late = textMessage(groupId, owner.id, 'too late');
      await expect(t.store.appendMessage(late)).rejects.toSatisfy(isConversationMissing);
      expect(await t.store.getMessage(late.id)).toBeNull();
    });
  });
};
