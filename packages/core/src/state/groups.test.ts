import type { GroupConversation, Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { conversation, groupConversation, ME, PEER } from '../__tests__/fixtures.js';
import { messagePreview } from '../preview.js';
import { systemNoticeText } from '../notices.js';
import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';
import { chatReducer, initialChatState } from './chat.js';
import { readCount } from './reads.js';

const group = groupConversation;

const play = (state: ChatState, actions: readonly ChatAction[]) => actions.reduce(chatReducer, state);
const signedIn = () => chatReducer(initialChatState(), { type: 'session/started', me: { id: ME, username: ME, displayName: ME, avatarUrl: null } });

describe('groups in the client state', () => {
  it('orders groups and direct conversations together and derives group unread from cursors', () => {
    const state = play(signedIn(), [
      { type: 'conversations/loaded', conversations: [conversation({ id: 'd1', activeAt: 20 }), group()] },
      { type: 'message/received', message: { id: 'm2', conversationId: 'g1', seq: 2, senderId: PEER, clientMsgId: 'x', type: 'text', content: { text: 'hi' }, createdAt: 30 } as Message },
    ]);
    expect(state.conversations.list.map((row) => [row.id, row.unread])).toEqual([['g1', 1], ['d1', 0]]);
    expect(state.conversations.unreadTotal).toBe(1);
  });

  it('applies group:updated, member counts and our own role; removal drops the row and its reads', () => {
    const state = play(signedIn(), [
      { type: 'conversations/loaded', conversations: [group()] },
      { type: 'group/updated', group: { id: 'g1', name: 'renamed', description: 'd', avatarUrl: null, joinPolicy: 'open' } },
      { type: 'group/member', event: { groupId: 'g1', userId: ME, change: 'role_changed', role: 'admin', memberCount: 4 } },
      { type: 'reads/loaded', conversationId: 'g1', reads: [{ userId: ME, readSeq: 1 }, { userId: PEER, readSeq: 0 }] },
      { type: 'read/applied', conversationId: 'g1', userId: PEER, readSeq: 1 },
    ]);
    const row = state.conversations.list[0] as GroupConversation;
    expect(row.group).toEqual({ id: 'g1', name: 'renamed', avatarUrl: null, description: 'd', memberCount: 4, myRole: 'admin', joinPolicy: 'open' });
    expect(readCount(state, 'g1', 1)).toBe(2);
    const gone = chatReducer(state, { type: 'conversation/removed', conversationId: 'g1' });
    expect(gone.conversations.list).toEqual([]);
    expect(readCount(gone, 'g1', 1)).toBeNull();
  });

  it('renders system notices as text, in previews too', () => {
    expect(systemNoticeText({ event: 'member_joined', actorId: 'c', actorName: 'carol' })).toBe('carol joined');
    expect(systemNoticeText({ event: 'member_left', actorId: 'b', actorName: 'bob' })).toBe('bob left');
    expect(systemNoticeText({ event: 'renamed', actorId: 'a', actorName: 'alice', name: 'X' })).toBe('alice renamed the group to X');
    expect(systemNoticeText({ event: 'member_removed', actorId: 'a', actorName: 'alice', targetId: 'c', targetName: 'carol' })).toBe('alice removed carol');
    const current = (id: string) => (id === 'b' ? 'Bobby' : undefined);
    expect(systemNoticeText({ event: 'role_changed', actorId: 'a', actorName: 'alice', targetId: 'b', targetName: 'bob', role: 'admin' }, current)).toBe('alice made Bobby an admin');
    const notice = { id: 'm', conversationId: 'g1', seq: 1, senderId: 'a', clientMsgId: 's', type: 'system', content: { event: 'created', actorId: 'a', actorName: 'alice', name: 'proj-x' }, createdAt: 1 } as Message;
    expect(messagePreview(notice)).toBe('alice created the group proj-x');
  });
});
