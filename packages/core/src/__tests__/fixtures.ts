import type { Conversation, DirectConversation, Friend, GroupConversation, FriendRequest, Message, User } from '@confab/protocol';

export const ME = 'u-me';
export const PEER = 'u-peer';

export function user(id: string, displayName = id): User {
  return { id, username: id, displayName, avatarUrl: null };
}

export function message(fields: Partial<Message> & Pick<Message, 'seq'>): Message {
  const conversationId = fields.conversationId ?? 'c1';
  const senderId = fields.senderId ?? PEER;
  return {
    id: `m-${conversationId}-${fields.seq}`,
    conversationId,
    senderId,
    clientMsgId: `cm-${conversationId}-${fields.seq}`,
    type: 'text',
    content: { text: `text ${fields.seq}` },
    createdAt: 1000 + fields.seq,
    ...fields,
  } as Message;
}

export function conversation(fields: Partial<DirectConversation> & Pick<Conversation, 'id'>): DirectConversation {
  return {
    kind: 'direct',
    peer: user(PEER),
    peerReadSeq: 0,
    lastMessage: null,
    lastSeq: 0,
    readSeq: 0,
    unread: 0,
    pinned: false,
    muted: false,
    activeAt: 0,
    ...fields,
  };
}

export function friend(id: string, displayName: string): Friend {
  return { user: user(id, displayName), conversationId: `c-${id}`, since: 1 };
}

export function friendRequest(id: string, createdAt: number, fields: Partial<FriendRequest> = {}): FriendRequest {
  return {
    id,
    kind: 'friend',
    from: user(PEER),
    to: user(ME),
    note: '',
    status: 'pending',
    createdAt,
    updatedAt: createdAt,
    ...fields,
  };
}

export function groupConversation(fields: Partial<GroupConversation> = {}): GroupConversation {
  return {
    id: 'g1',
    kind: 'group',
    group: { id: 'g1', name: 'proj-x', avatarUrl: null, description: '', memberCount: 3, myRole: 'member', joinPolicy: 'approval' },
    lastMessage: null,
    lastSeq: 1,
    readSeq: 1,
    unread: 0,
    pinned: false,
    muted: false,
    activeAt: 10,
    ...fields,
  };
}
