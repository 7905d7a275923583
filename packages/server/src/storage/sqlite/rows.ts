/** Row shapes of the SQLite queries, the SELECT fragments that produce them, and their mappers. */
import type { DirectConversation, FriendRequest, Message, RequestStatus, User } from '@confab/protocol';
import type { SendContext } from '../store.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
}

export const USER_COLUMNS = 'id, username, display_name, avatar_url';

export function userFromRow(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, avatarUrl: row.avatar_url };
}

/** Columns of a user joined under `alias`, each renamed `<prefix>_<column>`. */
export function prefixedUser(alias: string, prefix: string): string {
  return USER_COLUMNS.split(', ').map((column) => `${alias}.${column} AS ${prefix}_${column}`).join(', ');
}

export function userFromPrefixed(row: Record<string, unknown>, prefix: string): User {
  return userFromRow({
    id: row[`${prefix}_id`] as string,
    username: row[`${prefix}_username`] as string,
    display_name: row[`${prefix}_display_name`] as string,
    avatar_url: row[`${prefix}_avatar_url`] as string | null,
  });
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  client_msg_id: string;
  type: string;
  content: string;
  created_at: number;
}

export const MESSAGE_COLUMNS = 'id, conversation_id, seq, sender_id, client_msg_id, type, content, created_at';
/** {@link MESSAGE_COLUMNS} of the messages table aliased `m`. */
export const M_MESSAGE_COLUMNS = MESSAGE_COLUMNS.split(', ').map((column) => `m.${column}`).join(', ');

/**
 * A message content as stored: a `streaming` AI reply also records `flushedAt`, when its node last
 * wrote it (the node's lease on it, see `Store.endStreamingReplies`). No migration: it lives in the JSON.
 */
export function storedContent(content: Message['content'], flushedAt?: number): string {
  const streaming = flushedAt !== undefined && 'status' in content && content.status === 'streaming';
  return JSON.stringify(streaming ? { ...content, flushedAt } : content);
}

/** The content as clients see it: without the storage-only `flushedAt`. */
function contentFromRow(json: string): Message['content'] {
  const { flushedAt: _flushedAt, ...content } = JSON.parse(json) as Message['content'] & { flushedAt?: number };
  return content as Message['content'];
}

export function messageFromRow(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    clientMsgId: row.client_msg_id,
    type: row.type as Message['type'],
    content: contentFromRow(row.content),
    createdAt: row.created_at,
  } as Message;
}

export const REQUEST_SELECT = `
  SELECT r.id, r.note, r.status, r.created_at, r.updated_at, ${prefixedUser('f', 'from')}, ${prefixedUser('t', 'to')}
  FROM requests r JOIN users f ON f.id = r.from_id JOIN users t ON t.id = r.to_id`;

export interface RequestRow {
  id: string;
  note: string;
  status: RequestStatus;
  created_at: number;
  updated_at: number;
  [column: string]: unknown;
}

export function requestFromRow(row: RequestRow): FriendRequest {
  return {
    id: row.id,
    kind: 'friend',
    from: userFromPrefixed(row, 'from'),
    to: userFromPrefixed(row, 'to'),
    note: row.note,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The last message of conversation `c` as `m_*` columns (with `LEFT JOIN messages m`). */
export const LAST_MESSAGE_COLUMNS = `m.id AS m_id, m.seq AS m_seq, m.sender_id AS m_sender_id, m.client_msg_id AS m_client_msg_id,
    m.type AS m_type, m.content AS m_content, m.created_at AS m_created_at`;

/**
 * A direct conversation as the member `me` sees it, with the peer, the peer's cursor and the last
 * message, in one row. Callers add WHERE (binding `me.user_id`) and ORDER BY. `read_seq` counts the
 * messages a block kept from `me` as read (they are never shown), so `last_seq - read_seq` is exactly
 * what `me` has unread; the stored cursor, which the peer sees as a receipt, never passes them.
 */
export const CONVERSATION_VIEW_SELECT = `
  SELECT c.id, c.last_seq, c.created_at, c.last_message_at,
    me.read_seq + (SELECT COUNT(*) FROM message_hides b WHERE b.user_id = me.user_id AND b.conversation_id = c.id AND b.blocked_seq > me.read_seq) AS read_seq,
    peer.read_seq AS peer_read_seq,
    ${prefixedUser('u', 'peer')},
    ${LAST_MESSAGE_COLUMNS}
  FROM conversation_members me
  JOIN conversations c ON c.id = me.conversation_id AND c.kind = 'direct'
  JOIN conversation_members peer ON peer.conversation_id = c.id AND peer.user_id <> me.user_id
  JOIN users u ON u.id = peer.user_id
  LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq`;

export interface ConversationViewRow {
  id: string;
  last_seq: number;
  created_at: number;
  last_message_at: number | null;
  read_seq: number;
  peer_read_seq: number;
  m_id: string | null;
  [column: string]: unknown;
}

/** The last message joined as `m_*` columns by a conversation view query, or null. */
export function lastMessageFromRow(row: { id: string; m_id: string | null; [column: string]: unknown }): Message | null {
  return row.m_id === null
    ? null
    : messageFromRow({
        id: row.m_id,
        conversation_id: row.id,
        seq: row.m_seq as number,
        sender_id: row.m_sender_id as string,
        client_msg_id: row.m_client_msg_id as string,
        type: row.m_type as string,
        content: row.m_content as string,
        created_at: row.m_created_at as number,
      });
}

export function conversationFromRow(row: ConversationViewRow): DirectConversation {
  const lastMessage = lastMessageFromRow(row);
  return {
    id: row.id,
    kind: 'direct',
    peer: userFromPrefixed(row, 'peer'),
    lastMessage,
    lastSeq: row.last_seq,
    readSeq: row.read_seq,
    unread: Math.max(0, row.last_seq - row.read_seq),
    peerReadSeq: row.peer_read_seq,
    pinned: false,
    muted: false,
    activeAt: row.last_message_at ?? row.created_at,
  };
}

export interface SendContextRow {
  id: string;
  kind: 'direct' | 'group';
  last_seq: number;
  /** JSON array of the member ids, sorted. */
  member_ids: string;
  is_member: 0 | 1;
  friends_with_peer: 0 | 1;
  blocks_peer: 0 | 1;
  blocked_by_peer: 0 | 1;
}

export function sendContextFromRow(row: SendContextRow): SendContext {
  return {
    conversation: { id: row.id, kind: row.kind, lastSeq: row.last_seq, memberIds: JSON.parse(row.member_ids) as string[] },
    isMember: row.is_member === 1,
    friendsWithPeer: row.friends_with_peer === 1,
    blocksPeer: row.blocks_peer === 1,
    blockedByPeer: row.blocked_by_peer === 1,
  };
}
