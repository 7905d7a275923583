import { ASSISTANT_USER_ID, type Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addFriends, addUser, textMessage } from './fixtures.js';

export const aiRepliesContract: Contract = (t) => {
  describe('AI replies', () => {
    async function reply(conversationId: string, content: Extract<Message, { type: 'ai' }>['content']): Promise<Message> {
      const result = await t.store.appendMessage({ ...textMessage(conversationId, ASSISTANT_USER_ID, ''), type: 'ai', content });
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
      expect(await t.store.endStreamingReplies(error)).toBe(2);
      expect((await t.store.getMessage(a.id))?.content).toEqual({ text: 'Half an ans', status: 'error', error });
      expect((await t.store.getMessage(b.id))?.content).toEqual({ text: '', status: 'error', error });
      expect(await t.store.getMessage(complete.id)).toEqual(complete);
      expect(await t.store.getMessage(text.message.id)).toEqual(text.message);
      expect(await t.store.endStreamingReplies(error)).toBe(0);
    });
  });
};
