import { describe, expect, it } from 'vitest';
import { ME, PEER, conversation, message } from '../__tests__/fixtures.js';
import type { ConversationsState } from '../types.js';
import type { ChatAction } from './actions.js';
import { conversationsReducer, initialConversationsState } from './conversations.js';

const reduce = (state: ConversationsState, ...actions: ChatAction[]) =>
  actions.reduce((current, action) => conversationsReducer(current, action, ME), state);

const loaded = reduce(initialConversationsState, {
  type: 'conversations/loaded',
  conversations: [
    conversation({ id: 'c1', lastSeq: 7, readSeq: 3, unread: 4, activeAt: 100 }),
    conversation({ id: 'c2', lastSeq: 2, readSeq: 2, activeAt: 200 }),
  ],
});
const read = (conversationId: string, readSeq: number, userId = ME): ChatAction => ({ type: 'read/applied', conversationId, userId, readSeq });
const row = (state: ConversationsState, id: string) => state.list.find((item) => item.id === id);

describe('conversationsReducer', () => {
  it('sorts the loaded list by activity and sums unread into unreadTotal', () => {
    expect(loaded.list.map((item) => item.id)).toEqual(['c2', 'c1']);
    expect(loaded.unreadTotal).toBe(4);
    expect(loaded.loaded).toBe(true);
  });

  it('derives unread from the cursors instead of trusting a stale server count', () => {
    const state = reduce(initialConversationsState, {
      type: 'conversations/loaded',
      conversations: [conversation({ id: 'c1', lastSeq: 5, readSeq: 3, unread: 9 })],
    });
    expect(row(state, 'c1')?.unread).toBe(2);
  });

  it('leaves unread at 0, not -1, when our own read and the server echo of it are both applied', () => {
    const state = reduce(loaded, read('c1', 7), read('c1', 7));
    expect(row(state, 'c1')).toMatchObject({ readSeq: 7, unread: 0 });
    expect(state.unreadTotal).toBe(0);
  });

  it('changes nothing when the same read event is applied twice', () => {
    const once = reduce(loaded, read('c1', 5));
    expect(reduce(once, read('c1', 5))).toBe(once);
  });

  it('keeps the newer cursor when an older read arrives after it', () => {
    const state = reduce(loaded, read('c1', 7), read('c1', 5));
    expect(row(state, 'c1')).toMatchObject({ readSeq: 7, unread: 0 });
  });

  it('never lets unread go below zero when the cursor passes lastSeq', () => {
    expect(row(reduce(loaded, read('c1', 40)), 'c1')?.unread).toBe(0);
  });

  it('records a peer read as a receipt without touching our unread', () => {
    const state = reduce(loaded, read('c1', 6, PEER));
    expect(row(state, 'c1')).toMatchObject({ peerReadSeq: 6, readSeq: 3, unread: 4 });
  });

  it('counts a message from the peer as unread and moves its conversation to the top', () => {
    const state = reduce(loaded, { type: 'message/received', message: message({ conversationId: 'c1', seq: 8, createdAt: 900 }) });
    expect(state.list.map((item) => item.id)).toEqual(['c1', 'c2']);
    expect(row(state, 'c1')).toMatchObject({ lastSeq: 8, unread: 5 });
    expect(state.unreadTotal).toBe(5);
  });

  it('moves our read cursor to our own message, so it is never unread', () => {
    const state = reduce(loaded, { type: 'message/received', message: message({ conversationId: 'c1', seq: 8, senderId: ME }) });
    expect(row(state, 'c1')).toMatchObject({ lastSeq: 8, readSeq: 8, unread: 0 });
  });

  it('does not invent a conversation for a message of an unknown one', () => {
    const action: ChatAction = { type: 'message/received', message: message({ conversationId: 'c9', seq: 1 }) };
    expect(reduce(loaded, action)).toBe(loaded);
  });

  it('does not let a reloaded list undo cursors that live events already moved', () => {
    const live = reduce(loaded, { type: 'message/received', message: message({ conversationId: 'c1', seq: 8, createdAt: 900 }) }, read('c1', 8));
    const reloaded = reduce(live, {
      type: 'conversations/loaded',
      conversations: [conversation({ id: 'c1', lastSeq: 7, readSeq: 3, activeAt: 100 })],
    });
    expect(row(reloaded, 'c1')).toMatchObject({ lastSeq: 8, readSeq: 8, unread: 0, activeAt: 900 });
    expect(row(reloaded, 'c2')).toBeUndefined();
  });

  it('inserts an upserted conversation in activity order', () => {
    const state = reduce(loaded, { type: 'conversation/upserted', conversation: conversation({ id: 'c3', activeAt: 150 }) });
    expect(state.list.map((item) => item.id)).toEqual(['c2', 'c3', 'c1']);
  });

  it('drops the direct conversation with a removed friend and its unread from the total', () => {
    const state = reduce(loaded, { type: 'friend/removed', userId: PEER });
    expect(state.list).toEqual([]);
    expect(state.unreadTotal).toBe(0);
    expect(reduce(state, { type: 'friend/removed', userId: PEER })).toBe(state);
  });
});
