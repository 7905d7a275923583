import { ASSISTANT_USER_ID, type Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser, textMessage } from './fixtures.js';

export const aiRepliesContract: Contract = (t) => {
  describe('AI replies', () => {
    async function reply(conversationId: string, content: Extract<Message, { type: 'ai' }>['content'], createdAt?: number): Promise<Message> {
      const appended = textMessage(conversationId, ASSISTANT_USER_ID, '');
      const result = await t.store.appendMessage({ ...appended, type: 'ai', content, createdAt: createdAt ?? appended.createdAt });
      return result.message;
    }

    it('replaces a message’s content and returns it', async () => {
      const alice = await addUser(t.store, 'alice');
      const conversationId = await t.store.makeFriends(alice.id, ASSISTANT_USER_ID, 1, 'c_ai');
      const streaming = await reply(conversationId, { text: 'Hel', status: 'streaming', deltas: 1 });
      const done = { text: 'Hello!', status: 'complete' as const };
      expect(await t.store.updateMessageContent(streaming.id, done)).toEqual({ ...streaming, content: done });
      expect(await t.store.getMessage(streaming.id)).toEqual({ ...streaming, content: done });
      expect(await t.store.updateMessageContent('m_unknown', done)).toBeNull();
    });

    it('ends the replies left streaming with an error, keeping their text, and no others', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const withAlice = await t.store.makeFriends(alice.id, ASSISTANT_USER_ID, 1, 'c_ai_a');
      const withBob = await t.store.makeFriends(bob.id, ASSISTANT_USER_ID, 1, 'c_ai_b');
      const a = await reply(withAlice, { text: 'Half an ans', status: 'streaming', deltas: 3 });
      const b = await reply(withBob, { text: '', status: 'streaming', deltas: 0 });
      const complete = await reply(withBob, { text: 'Done.', status: 'complete' });
      const text = await t.store.appendMessage(textMessage(await addFriends(t.store, alice, bob), alice.id, 'streaming'));
      const error = { code: 'INTERRUPTED' as const, message: 'The server stopped.' };
      const ended = await t.store.endStreamingReplies(error, Number.MAX_SAFE_INTEGER);
      expect(ended.map((message) => message.id).sort()).toEqual([a.id, b.id].sort());
      expect(ended.find((message) => message.id === a.id)).toEqual({ ...a, content: { text: 'Half an ans', status: 'error', error } });
      expect((await t.store.getMessage(a.id))?.content).toEqual({ text: 'Half an ans', status: 'error', error });
      expect((await t.store.getMessage(b.id))?.content).toEqual({ text: '', status: 'error', error });
      expect(await t.store.getMessage(complete.id)).toEqual(complete);
      expect(await t.store.getMessage(text.message.id)).toEqual(text.message);
      expect(await t.store.endStreamingReplies(error, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it('writes a streaming reply only while it streams: an ended one stays ended', async () => {
      const alice = await addUser(t.store, 'alice');
      const conversationId = await t.store.makeFriends(alice.id, ASSISTANT_USER_ID, 1, 'c_ai_sweep');
      const streaming = await reply(conversationId, { text: 'Hel', status: 'streaming', deltas: 1 }, 1_000);
      const growing = { text: 'Hello', status: 'streaming' as const, deltas: 2 };
      expect(await t.store.updateStreamingReply(streaming.id, growing, 2_000)).toEqual({ ...streaming, content: growing });

      const error = { code: 'INTERRUPTED' as const, message: 'The server stopped.' };
      const [swept] = await t.store.endStreamingReplies(error, 2_001);
      expect(swept?.content).toEqual({ text: 'Hello', status: 'error', error });
      // The stalled node's next flush and its final write find the reply ended and change nothing.
      expect(await t.store.updateStreamingReply(streaming.id, { text: 'Hello wor', status: 'streaming', deltas: 3 }, 3_000)).toBeNull();
      expect(await t.store.updateStreamingReply(streaming.id, { text: 'Hello world', status: 'complete' })).toBeNull();
      expect(await t.store.getMessage(streaming.id)).toEqual(swept);
      expect(await t.store.updateStreamingReply('m_unknown', growing)).toBeNull();
      const text = await t.store.appendMessage(textMessage(conversationId, alice.id, 'not a reply'));
      expect(await t.store.updateStreamingReply(text.message.id, growing)).toBeNull();
      expect(await t.store.getMessage(text.message.id)).toEqual(text.message);
    });

    it('leaves alone the replies written since the lease began (another node is still streaming them)', async () => {
      const alice = await addUser(t.store, 'alice');
      const conversationId = await t.store.makeFriends(alice.id, ASSISTANT_USER_ID, 1, 'c_ai_lease');
      const flushed = await reply(conversationId, { text: '', status: 'streaming', deltas: 0 }, 1_000);
      const growing = { text: 'Still going', status: 'streaming' as const, deltas: 4 };
      // The flush time is the store's own: never part of the content anyone reads.
      expect(await t.store.updateMessageContent(flushed.id, growing, 50_000)).toEqual({ ...flushed, content: growing });
      const fresh = await reply(conversationId, { text: '', status: 'streaming', deltas: 0 }, 60_000);
      const error = { code: 'INTERRUPTED' as const, message: 'The server stopped.' };

      expect(await t.store.endStreamingReplies(error, 50_000)).toEqual([]);
      expect(await t.store.getMessage(flushed.id)).toEqual({ ...flushed, content: growing });
      expect((await t.store.listMessages(conversationId, { after: 0, limit: 10 })).messages.map((message) => message.content)).toEqual([growing, fresh.content]);

      expect(await t.store.endStreamingReplies(error, 50_001)).toEqual([{ ...flushed, content: { text: 'Still going', status: 'error', error } }]);
      expect(await t.store.getMessage(fresh.id)).toEqual(fresh);
      expect((await t.store.endStreamingReplies(error, 60_001)).map((message) => message.id)).toEqual([fresh.id]);
    });
  });
};
