import { vi } from 'vitest';
import { ConfabError } from '@confab/core';
import type { ChatClient, ConfabErrorCode, ChatClientEvents, ChatState, MessagesState, TimelineMessage } from '@confab/core';
import type { AiReplyContent, DirectConversation, Friend, FriendRequest, GroupConversation, GroupMember, GroupSummary, Message, MessageSearchResponse, User } from '@confab/protocol';

type Handler = (payload: never) => void;

/** A ChatClient with in-memory state for component tests; every method is a vi.fn. */
export interface FakeClient extends ChatClient {
  /** Replaces parts of the state and emits `state`. */
  setState(patch: Partial<ChatState>): void;
  /** Emits any client event. */
  emit<E extends keyof ChatClientEvents>(event: E, payload: ChatClientEvents[E]): void;
  /** How many handlers are subscribed (to one event, or in total). */
  listenerCount(event?: keyof ChatClientEvents): number;
}

export const alice: User = { id: 'u-alice', username: 'alice', displayName: 'Alice Liddell', avatarUrl: null };
export const bob: User = { id: 'u-bob', username: 'bob', displayName: 'Bob Stone', avatarUrl: null };
export const carol: User = { id: 'u-carol', username: 'carol', displayName: 'Carol', avatarUrl: null };

export function emptyState(): ChatState {
  return {
    connection: 'idle',
    me: null,
    conversations: { list: [], unreadTotal: 0, loaded: false },
    messages: {},
    friends: [],
    requests: [],
    reads: {},
    typing: {},
    presence: { byUser: {}, showPresence: true },
  };
}

export function textMessage(partial: Partial<Message> & { seq: number; text?: string }): Message {
  const { text = `message ${partial.seq}`, ...rest } = partial;
  return {
    id: `m-${partial.seq}`,
    conversationId: 'c-bob',
    senderId: bob.id,
    clientMsgId: `cm-${partial.seq}`,
    createdAt: Date.UTC(2024, 0, 1, 12, partial.seq),
    type: 'text',
    content: { text },
    ...rest,
  } as Message;
}

/** An AI reply from the assistant. */
export function aiReply(seq: number, content: AiReplyContent, conversationId = 'c-assistant'): Message {
  return { id: `m-ai-${seq}`, conversationId, senderId: 'u_assistant', clientMsgId: `reply:${seq}`, createdAt: Date.UTC(2024, 0, 1, 12, seq), seq, type: 'ai', content };
}

export function directConversation(partial: Partial<DirectConversation> = {}): DirectConversation {
  return {
    id: 'c-bob',
    kind: 'direct',
    peer: bob,
    peerReadSeq: 0,
    lastMessage: null,
    lastSeq: 0,
    readSeq: 0,
    unread: 0,
    pinned: false,
    muted: false,
    activeAt: Date.UTC(2024, 0, 1),
    ...partial,
  };
}

export function friendOf(user: User, conversationId = `c-${user.username}`): Friend {
  return { user, conversationId, since: Date.UTC(2024, 0, 1) };
}

export function friendRequest(partial: Partial<FriendRequest> = {}): FriendRequest {
  return {
    id: 'r-1',
    kind: 'friend',
    from: carol,
    to: alice,
    note: 'hi from carol',
    status: 'pending',
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
    ...partial,
  };
}

export const projX: GroupSummary = { id: 'g-proj', name: 'proj-x', avatarUrl: null, description: 'Q3 planning', memberCount: 3, myRole: 'owner', joinPolicy: 'approval' };

export function groupConversation(partial: Partial<GroupConversation> = {}): GroupConversation {
  return { id: projX.id, kind: 'group', group: projX, lastMessage: null, lastSeq: 1, readSeq: 1, unread: 0, pinned: false, muted: false, activeAt: Date.UTC(2024, 0, 2), ...partial };
}

export const projXMembers: GroupMember[] = [
  { user: alice, role: 'owner', joinedAt: 1 },
  { user: bob, role: 'admin', joinedAt: 2 },
  { user: carol, role: 'member', joinedAt: 3 },
];

export function timeline(items: TimelineMessage[], rest: Partial<MessagesState> = {}): MessagesState {
  return { items, hasOlder: false, loading: false, ...rest };
}

/** A signed-in state as alice with one conversation with bob. */
export function signedInState(patch: Partial<ChatState> = {}): ChatState {
  return {
    ...emptyState(),
    connection: 'connected',
    me: alice,
    conversations: { list: [directConversation()], unreadTotal: 0, loaded: true },
    friends: [friendOf(bob)],
    ...patch,
  };
}

export function createFakeClient(initial: Partial<ChatState> = {}): FakeClient {
  let state: ChatState = { ...emptyState(), ...initial };
  const handlers = new Map<keyof ChatClientEvents, Set<Handler>>();

  function emit<E extends keyof ChatClientEvents>(event: E, payload: ChatClientEvents[E]): void {
    for (const handler of [...(handlers.get(event) ?? [])]) (handler as (value: ChatClientEvents[E]) => void)(payload);
  }

  function setState(patch: Partial<ChatState>): void {
    state = { ...state, ...patch };
    emit('state', state);
  }

  const client: FakeClient = {
    getState: () => state,
    on(event, handler) {
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      const entry = handler as Handler;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    setState,
    emit,
    listenerCount(event) {
      if (event) return handlers.get(event)?.size ?? 0;
      let total = 0;
      for (const set of handlers.values()) total += set.size;
      return total;
    },
    register: vi.fn(async (input: { username: string; displayName?: string }) => {
      const user: User = { id: `u-${input.username}`, username: input.username, displayName: input.displayName ?? input.username, avatarUrl: null };
      setState({ me: user, connection: 'connected' });
      return user;
    }),
    login: vi.fn(async (username: string) => {
      const user: User = { ...alice, username };
      setState({ me: user, connection: 'connected' });
      return user;
    }),
    resume: vi.fn(async () => state.me),
    logout: vi.fn(() => {
      state = emptyState();
      emit('state', state);
    }),
    openConversation: vi.fn(async () => {}),
    loadOlder: vi.fn(async () => {}),
    jumpTo: vi.fn(async () => {}),
    searchMessages: vi.fn(async (): Promise<MessageSearchResponse> => ({ results: [], hasMore: false })),
    sendText: vi.fn(async (conversationId: string, text: string) =>
      textMessage({ seq: 1, conversationId, senderId: state.me?.id ?? alice.id, text }),
    ),
    retry: vi.fn(async (conversationId: string, clientMsgId: string) =>
      textMessage({ seq: 1, conversationId, clientMsgId, senderId: state.me?.id ?? alice.id }),
    ),
    markRead: vi.fn(async () => {}),
    sendFile: vi.fn(async (conversationId: string) => textMessage({ seq: 1, conversationId, senderId: state.me?.id ?? alice.id })),
    cancelUpload: vi.fn(() => {}),
    fileUrl: vi.fn(async (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}/content?exp=1&sig=test`),
    stopReply: vi.fn(async () => aiReply(1, { text: 'partial', status: 'stopped' })),
    retryReply: vi.fn(async () => aiReply(1, { text: '', status: 'streaming', deltas: 0 })),
    recall: vi.fn(async (messageId: string) => ({ ...textMessage({ seq: 1 }), id: messageId, type: 'recalled' as const, content: { byId: alice.id, byName: alice.displayName, recalledAt: 1 } })),
    edit: vi.fn(async (messageId: string, text: string): Promise<Message> => ({ ...textMessage({ seq: 1 }), id: messageId, type: 'text', content: { text, editedAt: 1 } })),
    deleteForMe: vi.fn(async (messageId: string) => ({ ...textMessage({ seq: 1 }), id: messageId, type: 'hidden' as const, content: {} })),
    react: vi.fn(async (messageId: string, emoji: string): Promise<Message> => ({ ...textMessage({ seq: 1 }), id: messageId, reactions: [{ emoji, userIds: [alice.id] }] })),
    notifyTyping: vi.fn(() => {}),
    setShowPresence: vi.fn(async (showPresence: boolean) => {
      setState({ presence: { byUser: showPresence ? state.presence.byUser : {}, showPresence } });
      return { showPresence };
    }),
    setConversationSettings: vi.fn(async (_conversationId: string, change: { pinned?: boolean; muted?: boolean; markedUnread?: boolean; hidden?: boolean }) => ({
      pinned: change.pinned ?? false,
      muted: change.muted ?? false,
      markedUnread: change.markedUnread ?? false,
      hiddenSeq: change.hidden ? 1 : null,
    })),
    searchUsers: vi.fn(async () => [] as User[]),
    sendFriendRequest: vi.fn(async (targetId: string, note?: string) =>
      friendRequest({ id: 'r-new', from: state.me ?? alice, to: { ...bob, id: targetId }, note: note ?? '' }),
    ),
    acceptRequest: vi.fn(async (requestId: string) => friendRequest({ id: requestId, status: 'accepted' })),
    rejectRequest: vi.fn(async (requestId: string) => friendRequest({ id: requestId, status: 'rejected' })),
    cancelRequest: vi.fn(async (requestId: string) => friendRequest({ id: requestId, status: 'cancelled' })),
    removeFriend: vi.fn(async () => {}),
    createGroup: vi.fn(async (input: { name: string }) => ({ ...projX, name: input.name })),
    searchGroups: vi.fn(async () => [] as GroupSummary[]),
    getGroup: vi.fn(async () => projX),
    updateGroup: vi.fn(async (_groupId: string, changes: Partial<GroupSummary>) => ({ ...projX, ...changes })),
    dissolveGroup: vi.fn(async () => {}),
    groupMembers: vi.fn(async () => projXMembers),
    addGroupMember: vi.fn(async () => projXMembers),
    removeGroupMember: vi.fn(async () => {}),
    setGroupRole: vi.fn(async () => projXMembers),
    transferGroupOwner: vi.fn(async () => projXMembers),
    requestToJoin: vi.fn(async (groupId: string, note?: string) => ({
      id: 'r-join', kind: 'group' as const, group: { id: groupId, name: 'proj-x', avatarUrl: null }, from: state.me ?? alice, note: note ?? '',
      status: 'pending' as const, decidedBy: null, createdAt: 1, updatedAt: 1,
    })),
    loadReads: vi.fn(async () => {}),
    refresh: vi.fn(async () => {}),
  };
  return client;
}

/** A ConfabError as the real client rejects with. */
export function wireLikeError(code: ConfabErrorCode, message: string): ConfabError {
  return new ConfabError(code, message);
}
