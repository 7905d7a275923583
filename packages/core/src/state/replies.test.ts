import type { AiReplyContent, Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { conversation, message } from '../__tests__/fixtures.js';
import type { ChatAction } from './actions.js';
import { chatReducer, initialChatState } from './chat.js';
import { applyDelta, isGenerating } from './replies.js';

const reply = (content: AiReplyContent): Message => message({ seq: 2, id: 'm-reply', type: 'ai', content } as Partial<Message> & { seq: number });
const delta = (index: number, text: string): ChatAction => ({ type: 'message/delta', event: { conversationId: 'c1', messageId: 'm-reply', index, text } });
const start = (content: AiReplyContent = { text: '', status: 'streaming', deltas: 0 }): ChatAction[] => [
  { type: 'conversations/loaded', conversations: [conversation({ id: 'c1' })] },
  { type: 'history/loaded', conversationId: 'c1', messages: [message({ seq: 1 }), reply(content)], hasOlder: false },
];
const run = (...actions: ChatAction[]) => actions.reduce(chatReducer, initialChatState());
const replyIn = (state: ReturnType<typeof run>) => {
  const message = state.messages.c1?.items.find((item) => item.message.id === 'm-reply')?.message;
  return message?.type === 'ai' ? message : undefined;
};

describe('streaming AI replies', () => {
  it('grows the reply in index order and ignores repeated and older indexes', () => {
    const state = run(...start(), delta(0, 'Hel'), delta(1, 'lo'), delta(1, 'lo'), delta(0, 'Hel'), delta(2, '!'));
    expect(replyIn(state)?.content).toEqual({ text: 'Hello!', status: 'streaming', deltas: 3 });
  });

  it('reports a gap instead of applying a delta that skips an index', () => {
    const current = reply({ text: 'Once ', status: 'streaming', deltas: 1 });
    expect(applyDelta(current, { conversationId: 'c1', messageId: 'm-reply', index: 3, text: 'x' })).toEqual({ outcome: 'gap' });
    const state = run(...start({ text: 'Once ', status: 'streaming', deltas: 1 }), delta(3, 'time'));
    expect(replyIn(state)?.content).toEqual({ text: 'Once ', status: 'streaming', deltas: 1 });
  });

  it('continues from the text a reconnecting client fetched (deltas already folded in are skipped)', () => {
    const state = run(...start({ text: 'Once upon ', status: 'streaming', deltas: 2 }), delta(1, 'upon '), delta(2, 'a time'));
    expect(replyIn(state)?.content.text).toBe('Once upon a time');
  });

  it('replaces the reply with message:updated, after which late deltas change nothing', () => {
    const final = reply({ text: 'Hello', status: 'stopped' });
    const state = run(...start(), delta(0, 'Hel'), { type: 'message/updated', message: final }, delta(1, 'lo'));
    expect(replyIn(state)).toEqual(final);
    expect(isGenerating(final)).toBe(false);
    expect(state.messages.c1?.items).toHaveLength(2);
  });

  it('shows the final text in the conversation list when the reply was the last message', () => {
    const streaming = reply({ text: '', status: 'streaming', deltas: 0 });
    const final = reply({ text: 'Done', status: 'complete' });
    const state = run(...start(), { type: 'message/received', message: streaming }, { type: 'message/updated', message: final });
    expect(state.conversations.list[0]?.lastMessage).toEqual(final);
  });
});
