import type { Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser, send, textMessage } from './fixtures.js';

export const messagesContract: Contract = (t) => {
  describe('messages', () => {
    it('appends with seqs 1, 2, 3 and stores exactly what it returns', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const input = textMessage(conversationId, alice.id, 'héllo 👋 "quoted" \\ 中文', { createdAt: 1_700_000_000_999 });
      const result = await t.store.appendMessage(input);
      expect(result).toEqual({ outcome: 'created', message: { ...input, seq: 1 } });
      expect(await t.store.getMessage(input.id)).toEqual({ ...input, seq: 1 });
      expect((await send(t.store, conversationId, bob.id, 'two')).seq).toBe(2);
      expect((await send(t.store, conversationId, alice.id, 'three')).seq).toBe(3);
      expect((await t.store.getConversation(conversationId))?.lastSeq).toBe(3);
      expect(await t.store.getMessage('m_unknown')).toBeNull();
    });

    it('stores structured content (a file with its size and pixels) as it was given', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const file = { id: 'f_1', name: 'cat.png', size: 12_345, mimeType: 'image/png', width: 640, height: 480, sha256: 'ab'.repeat(32) };
      const input = { ...textMessage(conversationId, alice.id, ''), type: 'image' as const, content: { file } };
      await t.store.appendMessage(input);
      expect((await t.store.getMessage(input.id))?.content).toEqual({ file });
    });

    it('answers a repeated clientMsgId with the original message and uses no seq', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const original = await send(t.store, conversationId, alice.id, 'first', { clientMsgId: 'same' });
      const again = await t.store.appendMessage(textMessage(conversationId, alice.id, 'changed', { clientMsgId: 'same' }));
      expect(again).toEqual({ outcome: 'duplicate', message: original });
      expect((await t.store.getConversation(conversationId))?.lastSeq).toBe(1);
      expect((await send(t.store, conversationId, alice.id, 'next')).seq).toBe(2);
    });

    it('answers conflict when the sender used the clientMsgId in another conversation', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const withBob = await addFriends(t.store, alice, bob);
      const withCarol = await addFriends(t.store, alice, carol);
      const original = await send(t.store, withBob, alice.id, 'to bob', { clientMsgId: 'k' });
      expect(await t.store.appendMessage(textMessage(withCarol, alice.id, 'to carol', { clientMsgId: 'k' }))).toEqual({ outcome: 'conflict', message: original });
      expect((await t.store.getConversation(withCarol))?.lastSeq).toBe(0);
    });

    it('scopes clientMsgId to its sender', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      await send(t.store, conversationId, alice.id, 'a', { clientMsgId: 'k' });
      expect((await t.store.appendMessage(textMessage(conversationId, bob.id, 'b', { clientMsgId: 'k' }))).outcome).toBe('created');
    });

    describe('history', () => {
      async function conversationOf(count: number): Promise<{ conversationId: string; messages: Message[] }> {
        const alice = await addUser(t.store, 'alice');
        const bob = await addUser(t.store, 'bob');
        const conversationId = await addFriends(t.store, alice, bob);
        const messages: Message[] = [];
        for (let i = 1; i <= count; i += 1) messages.push(await send(t.store, conversationId, i % 2 ? alice.id : bob.id, `m${i}`));
        return { conversationId, messages };
      }
      const seqs = (page: { messages: Message[] }) => page.messages.map((message) => message.seq);

      it('pages back from the end, ascending, telling whether older ones remain', async () => {
        const { conversationId, messages } = await conversationOf(7);
        const latest = await t.store.listMessages(conversationId, { limit: 3 });
        expect(seqs(latest)).toEqual([5, 6, 7]);
        expect(latest.hasMore).toBe(true);
        expect(latest.messages[2]).toEqual(messages[6]);
        expect(await t.store.listMessages(conversationId, { before: 5, limit: 3 }).then(seqs)).toEqual([2, 3, 4]);
        const oldest = await t.store.listMessages(conversationId, { before: 2, limit: 3 });
        expect([seqs(oldest), oldest.hasMore]).toEqual([[1], false]);
        const exact = await t.store.listMessages(conversationId, { before: 4, limit: 3 });
        expect([seqs(exact), exact.hasMore]).toEqual([[1, 2, 3], false]);
        expect(await t.store.listMessages(conversationId, { before: 1, limit: 3 })).toEqual({ messages: [], hasMore: false });
      });

      it('pages forward after a seq, ascending', async () => {
        const { conversationId } = await conversationOf(7);
        const first = await t.store.listMessages(conversationId, { after: 0, limit: 3 });
        expect([seqs(first), first.hasMore]).toEqual([[1, 2, 3], true]);
        const tail = await t.store.listMessages(conversationId, { after: 4, limit: 3 });
        expect([seqs(tail), tail.hasMore]).toEqual([[5, 6, 7], false]);
        expect(await t.store.listMessages(conversationId, { after: 7, limit: 3 })).toEqual({ messages: [], hasMore: false });
      });

      it('answers an empty page for an empty or unknown conversation', async () => {
        const { conversationId } = await conversationOf(0);
        expect(await t.store.listMessages(conversationId, { limit: 50 })).toEqual({ messages: [], hasMore: false });
        expect(await t.store.listMessages('c_unknown', { after: 0, limit: 50 })).toEqual({ messages: [], hasMore: false });
      });
    });
  });
};
