import type { Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { conversation, message } from '../__tests__/fixtures.js';
import type { ChatAction } from './actions.js';
import { chatReducer, initialChatState } from './chat.js';

const recalled = (seq: number): Message => ({ ...message({ seq }), type: 'recalled', content: { byId: 'u-peer', byName: 'Peer', recalledAt: 9 } });
const hidden = (seq: number): Message => ({ ...message({ seq }), type: 'hidden', content: {} });
const changed = (messages: Message[], changeSeq?: number): ChatAction => ({ type: 'messages/changed', conversationId: 'c1', messages, ...(changeSeq === undefined ? {} : { changeSeq }) });
const start = (...actions: ChatAction[]) =>
  [
    { type: 'conversations/loaded', conversations: [conversation({ id: 'c1', lastSeq: 2, lastMessage: message({ seq: 2 }), changeSeq: 0 })] } as ChatAction,
    { type: 'history/loaded', conversationId: 'c1', messages: [message({ seq: 1 }), message({ seq: 2 })], hasOlder: false, changeSeq: 4 } as ChatAction,
    ...actions,
  ].reduce(chatReducer, initialChatState());

describe('message changes in the state', () => {
  it('replaces a recalled or edited message in the timeline and the list preview, and moves the change cursor', () => {
    const edited = message({ seq: 1, content: { text: 'fixed', editedAt: 7 } });
    const state = start(changed([edited, recalled(2)], 6));
    expect(state.messages.c1?.items.map((item) => item.message.type)).toEqual(['text', 'recalled']);
    expect(state.messages.c1?.items[0]?.message.content).toEqual({ text: 'fixed', editedAt: 7 });
    expect(state.messages.c1?.changeSeq).toBe(6);
    expect(state.conversations.list[0]).toMatchObject({ changeSeq: 6, lastMessage: { type: 'recalled' } });
  });

  it('keeps a message we deleted for ourselves hidden when a later change of it arrives', () => {
    const state = start(changed([hidden(2)], 5), changed([recalled(2)], 6));
    expect(state.messages.c1?.items[1]?.message.type).toBe('hidden');
    expect(state.conversations.list[0]?.lastMessage?.type).toBe('hidden');
  });

  it('takes the change cursor from the first page only, and never moves it back', () => {
    const state = start(
      { type: 'history/loaded', conversationId: 'c1', messages: [], hasOlder: false, changeSeq: 9 },
      changed([message({ seq: 1 })], 3),
      changed([message({ seq: 1 })]),
    );
    expect(state.messages.c1?.changeSeq).toBe(4);
  });

  it('changes nothing for unknown message ids', () => {
    const before = start();
    expect(chatReducer(before, changed([recalled(99)]))).toBe(before);
  });
});
