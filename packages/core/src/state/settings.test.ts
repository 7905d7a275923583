import { describe, expect, it } from 'vitest';
import { ME, conversation, message } from '../__tests__/fixtures.js';
import type { ConversationsState } from '../types.js';
import type { ChatAction } from './actions.js';
import { conversationsReducer, initialConversationsState } from './conversations.js';
import { isHiddenFromList } from './settings.js';

const reduce = (state: ConversationsState, ...actions: ChatAction[]) => actions.reduce((current, action) => conversationsReducer(current, action, ME), state);
const settings = (conversationId: string, fields: Partial<{ pinned: boolean; muted: boolean; markedUnread: boolean; hiddenSeq: number | null }>): ChatAction => ({
  type: 'conversation/settings',
  conversationId,
  settings: { pinned: false, muted: false, markedUnread: false, hiddenSeq: null, ...fields },
});
const ids = (state: ConversationsState) => state.list.map((item) => item.id);

const loaded = reduce(initialConversationsState, {
  type: 'conversations/loaded',
  conversations: [
    conversation({ id: 'old', lastSeq: 5, readSeq: 2, activeAt: 100 }),
    conversation({ id: 'mid', lastSeq: 3, readSeq: 3, activeAt: 200 }),
    conversation({ id: 'new', lastSeq: 4, readSeq: 0, activeAt: 300 }),
  ],
});

describe('conversation settings in the list', () => {
  it('puts pinned conversations first, by activity among them, and back in place when unpinned', () => {
    expect(ids(loaded)).toEqual(['new', 'mid', 'old']);
    const pinned = reduce(loaded, settings('old', { pinned: true }), settings('mid', { pinned: true }));
    expect(ids(pinned)).toEqual(['mid', 'old', 'new']);
    // A new message moves a row within its part of the list only.
    const newer = reduce(pinned, { type: 'message/received', message: message({ conversationId: 'new', seq: 5, createdAt: 999 }) });
    expect(ids(newer)).toEqual(['mid', 'old', 'new']);
    expect(ids(reduce(newer, settings('mid', {}), settings('old', {})))).toEqual(['new', 'mid', 'old']);
  });

  it('leaves muted conversations out of the unread total, and counts one marked unread as 1', () => {
    expect(loaded.unreadTotal).toBe(3 + 4);
    const muted = reduce(loaded, settings('new', { muted: true }));
    expect(muted.unreadTotal).toBe(3);
    expect(muted.list.find((item) => item.id === 'new')).toMatchObject({ muted: true, unread: 4 });
    expect(reduce(muted, settings('mid', { markedUnread: true })).unreadTotal).toBe(3 + 1);
    // Marked unread and muted: still out of the total.
    expect(reduce(muted, settings('new', { muted: true, markedUnread: true })).unreadTotal).toBe(3);
  });

  it('hides a conversation from the list until a message past the hidden seq arrives', () => {
    const hidden = reduce(loaded, settings('mid', { hiddenSeq: 3 }));
    const mid = () => hidden.list.find((item) => item.id === 'mid')!;
    expect(isHiddenFromList(mid())).toBe(true);
    const after = reduce(hidden, { type: 'message/received', message: message({ conversationId: 'mid', seq: 4, createdAt: 400 }) });
    expect(isHiddenFromList(after.list.find((item) => item.id === 'mid')!)).toBe(false);
    expect(ids(after)[0]).toBe('mid');
  });

  it('changes nothing for an unknown conversation or the same settings again', () => {
    expect(reduce(loaded, settings('nope', { pinned: true }))).toBe(loaded);
    const pinned = reduce(loaded, settings('old', { pinned: true }));
    expect(reduce(pinned, settings('old', { pinned: true }))).toBe(pinned);
  });

  it('takes new settings from a server snapshot of the same conversation', () => {
    const snapshot = { ...loaded.list.find((item) => item.id === 'old')!, pinned: true, muted: true };
    const state = reduce(loaded, { type: 'conversation/upserted', conversation: snapshot });
    expect(ids(state)[0]).toBe('old');
    expect(state.unreadTotal).toBe(4);
  });
});
