import { describe, expect, it } from 'vitest';
import { ME, PEER, conversation, message } from '../__tests__/fixtures.js';
import type { ConversationsState } from '../types.js';
import type { ChatAction } from './actions.js';
import { conversationsReducer, initialConversationsState } from './conversations.js';
import { mentionCount } from './mentions.js';

const reduce = (state: ConversationsState, ...actions: ChatAction[]) => actions.reduce((current, action) => conversationsReducer(current, action, ME), state);
const mention = (seq: number, mentions: { userIds: string[]; all?: boolean }, senderId = PEER) =>
  message({ conversationId: 'g', seq, senderId, content: { text: `@x ${seq}`, mentions } });
const received = (...messages: ReturnType<typeof message>[]): ChatAction[] => messages.map((item) => ({ type: 'message/received', message: item }));
const row = (state: ConversationsState) => state.list.find((item) => item.id === 'g');

const loaded = reduce(initialConversationsState, {
  type: 'conversations/loaded',
  conversations: [conversation({ id: 'g', lastSeq: 4, readSeq: 2, muted: true, mentionSeqs: [3] })],
});

describe('mentions in the conversation list', () => {
  it('raises the count for a live message mentioning me or @all from someone else, never for my own or for others', () => {
    const state = reduce(loaded, ...received(mention(5, { userIds: [ME] }), mention(6, { userIds: ['u-other'] }), mention(7, { userIds: [], all: true }), mention(8, { userIds: [ME], all: true }, ME)));
    // My own message (8) also moved my read cursor past every mention.
    expect(row(reduce(loaded, ...received(mention(5, { userIds: [ME] }), mention(7, { userIds: [], all: true }))))?.mentionSeqs).toEqual([3, 5, 7]);
    expect(row(state)).toMatchObject({ readSeq: 8, mentionSeqs: [], muted: true });
    // Muted: the unread total leaves it out, the mention count does not.
    expect(mentionCount(row(reduce(loaded, ...received(mention(5, { userIds: [ME] }))))!)).toBe(2);
    expect(reduce(loaded, ...received(mention(5, { userIds: [ME] }))).unreadTotal).toBe(0);
  });

  it('is cleared by reading up to the mention on any device, and a repeated message counts once', () => {
    const two = reduce(loaded, ...received(mention(5, { userIds: [ME] }), mention(5, { userIds: [ME] })));
    expect(row(two)?.mentionSeqs).toEqual([3, 5]);
    const partly = reduce(two, { type: 'read/applied', conversationId: 'g', userId: ME, readSeq: 4 });
    expect(row(partly)?.mentionSeqs).toEqual([5]);
    expect(row(reduce(partly, { type: 'read/applied', conversationId: 'g', userId: ME, readSeq: 5 }))?.mentionSeqs).toEqual([]);
    // Someone else's read changes nothing of mine.
    expect(row(reduce(two, { type: 'read/applied', conversationId: 'g', userId: PEER, readSeq: 5 }))?.mentionSeqs).toEqual([3, 5]);
  });

  it('drops a recalled message or one I deleted for myself; an edit keeps it', () => {
    const two = reduce(loaded, ...received(mention(5, { userIds: [ME] })));
    const recalled = { ...mention(3, { userIds: [ME] }), type: 'recalled', content: { byId: PEER, byName: 'Peer', recalledAt: 9 } } as const;
    const hidden = { ...mention(5, { userIds: [ME] }), type: 'hidden', content: {} } as const;
    const edited = mention(5, { userIds: [ME] });
    expect(row(reduce(two, { type: 'messages/changed', conversationId: 'g', messages: [edited], changeSeq: 1 }))?.mentionSeqs).toEqual([3, 5]);
    expect(row(reduce(two, { type: 'messages/changed', conversationId: 'g', messages: [recalled], changeSeq: 1 }))?.mentionSeqs).toEqual([5]);
    expect(row(reduce(two, { type: 'messages/changed', conversationId: 'g', messages: [recalled, hidden], changeSeq: 2 }))?.mentionSeqs).toEqual([]);
  });

  it("takes a newer snapshot's seqs (sync after a reconnect) and keeps live ones it did not see yet", () => {
    const live = reduce(loaded, ...received(mention(5, { userIds: [ME] })));
    const snapshot = conversation({ id: 'g', lastSeq: 4, readSeq: 2, muted: true, mentionSeqs: [] });
    expect(row(reduce(live, { type: 'conversation/upserted', conversation: snapshot }))?.mentionSeqs).toEqual([5]);
    const newer = conversation({ id: 'g', lastSeq: 9, readSeq: 6, muted: true, mentionSeqs: [9] });
    expect(row(reduce(live, { type: 'conversations/loaded', conversations: [newer] }))?.mentionSeqs).toEqual([9]);
  });
});
