import type { EditPayload, HidePayload, MessageChangedEvent, ReactPayload, RecallPayload } from './changes.js';
import type { WireError } from './errors.js';
import type { Mentions } from './mentions.js';
import type { ConversationSettings, ConversationSettingsEvent, ConversationSettingsPayload } from './settings.js';
import type { Presence, PresenceListResponse, PresenceSettingsResponse } from './presence.js';
import type { TypingEvent, TypingPayload } from './typing.js';
import type { BlockChangedEvent } from './blocks.js';
import type { Conversation, DirectConversation, Friend, GroupConversation, GroupRole, GroupSummary, Message, Request } from './entities.js';

/** The reply to every client -> server event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: WireError };

/** The content of an `image` or `file` send: the id of a file the sender uploaded. The server fills in the {@link FileRef}. */
export interface FileSendContent {
  fileId: string;
}

/** The message part of a send, a discriminated union on `type`. */
export type SendMessageBody =
  | {
      clientMsgId: string;
      type: 'text';
      content: { text: string };
      /** The id of a message of the same conversation this one replies to. */
      replyTo?: string;
      /** Group members the text mentions (`@Name` in the text), and `@all` (owner and admins only). */
      mentions?: Mentions;
    }
  | { clientMsgId: string; type: 'image' | 'file'; content: FileSendContent };

/** Send a message to an existing conversation, or to a friend by user id. */
export type SendMessagePayload = SendMessageBody & ({ conversationId: string; to?: never } | { to: string; conversationId?: never });

export interface ReadPayload {
  conversationId: string;
  /** The last seq shown to the user. */
  seq: number;
}

export interface ReadEvent {
  conversationId: string;
  /** Who read. The reader's own sockets and the peer (as a receipt) both get this. */
  userId: string;
  readSeq: number;
}

/** What the client holds of one conversation, sent in `sync`. */
export interface SyncCursor {
  conversationId: string;
  /** The newest seq the client holds with no gap below it (0: none). Messages after it are sent back. */
  seq: number;
  /** The caller's read cursor as the client knows it; omitted means unknown. */
  readSeq?: number;
  /** The peer's read cursor as the client knows it; omitted means unknown. */
  peerReadSeq?: number;
  /** The conversation's change counter the client holds every change up to; omitted: changes are not asked for. */
  changeSeq?: number;
}

export interface SyncPayload {
  cursors: SyncCursor[];
  /** Messages per conversation in this answer, at most `LIMITS.historyPageMax`. @default LIMITS.historyPageMax */
  limit?: number;
  /** Also answer every friend's presence and the caller's presence settings (a client asks on each connect). */
  presence?: boolean;
}

/** One conversation that moved since the client's cursor. */
export interface SyncedConversation {
  conversation: Conversation;
  /** Messages with seq > cursor.seq, ascending, at most `limit`; empty when the client sent no cursor for it. */
  messages: Message[];
  /** More messages follow: sync again with the cursor moved to the last one. */
  hasMore: boolean;
  /**
   * Only when the cursor had a `changeSeq`: messages recalled, edited or hidden (for the caller) after it,
   * in change order, at most `limit`; each replaces the message with its id.
   */
  changes?: Message[];
  /** With `changes`: the change counter they bring the client to (sync again from it when `hasMoreChanges`). */
  changeSeq?: number;
  hasMoreChanges?: boolean;
}

export interface SyncResult {
  /** Conversations whose lastSeq or read cursors differ from the client's cursors, and those it sent none for. */
  conversations: SyncedConversation[];
  /** The caller's settings of every conversation they ever changed any for (the rest have the defaults); omitted when none. */
  settings?: ConversationSettingsEvent[];
  /** Only when the payload asked for it: the friends' presence, as `GET /presence` answers. */
  presence?: PresenceListResponse;
}

export interface FriendAddedEvent {
  friend: Friend;
  conversation: DirectConversation;
}

export interface FriendRemovedEvent {
  userId: string;
  conversationId: string;
}

/** A piece of an AI reply's text, appended in `index` order (0, 1, 2, ...). */
export interface MessageDeltaEvent {
  conversationId: string;
  messageId: string;
  index: number;
  text: string;
}

/** Stop or retry an AI reply. */
export interface AiReplyPayload {
  messageId: string;
}

/** A group's name, description, avatar or policy changed (sent to its room; each member keeps their own role). */
export interface GroupUpdatedEvent {
  group: Pick<GroupSummary, 'id' | 'name' | 'description' | 'avatarUrl' | 'joinPolicy'>;
}

/** A membership changed: someone joined or was added, left, was removed, changed role; or the group was dissolved. */
export interface GroupMemberEvent {
  groupId: string;
  /** The member concerned (for `dissolved`, the owner). */
  userId: string;
  change: 'joined' | 'left' | 'removed' | 'role_changed' | 'dissolved';
  /** The member's role after a `joined` or `role_changed`. */
  role?: GroupRole;
  /** How many members the group has now (0 once dissolved). */
  memberCount: number;
  /**
   * Only in the copy sent to the member concerned (`userId`) on `joined`, `left`, `removed` and
   * `dissolved`: the conversation as they now see it, or null when they are no longer a member.
   */
  conversation?: GroupConversation | null;
}

export interface SessionExpiredEvent {
  reason: 'expired' | 'revoked';
}

/** Events the client emits; each takes an ack callback. */
export interface ClientToServerEvents {
  'message:send': (payload: SendMessagePayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  'conversation:read': (payload: ReadPayload, ack: (res: Ack<{ conversationId: string; readSeq: number; unread: number }>) => void) => void;
  /** Catch-up from the client's cursors, on every (re)connect. */
  sync: (payload: SyncPayload, ack: (res: Ack<SyncResult>) => void) => void;
  /** Stops a generating AI reply; the text so far is kept, marked `stopped`. */
  'ai:stop': (payload: AiReplyPayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  /** Generates an AI reply that ended in `error` or `stopped` again, in place. */
  'ai:retry': (payload: AiReplyPayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  /** Recalls a message for everyone: its content is deleted; it becomes a `recalled` message. */
  'message:recall': (payload: RecallPayload, ack: (res: Ack<{ message: Message; changeSeq: number }>) => void) => void;
  /** Replaces the text of the caller's own text message; it is marked edited. */
  'message:edit': (payload: EditPayload, ack: (res: Ack<{ message: Message; changeSeq: number }>) => void) => void;
  /** Adds or removes the caller's reaction; the message comes back with its reactions. */
  'message:react': (payload: ReactPayload, ack: (res: Ack<{ message: Message; changeSeq: number }>) => void) => void;
  /** Deletes a message for the caller only, on all of their devices. */
  'message:hide': (payload: HidePayload, ack: (res: Ack<{ message: Message; changeSeq: number }>) => void) => void;
  /** Pins, mutes, marks unread or hides a conversation for the caller, on all of their devices. */
  'conversation:settings': (payload: ConversationSettingsPayload, ack: (res: Ack<{ conversationId: string; settings: ConversationSettings }>) => void) => void;
  /** The caller is typing (nothing is stored; the other members are told). */
  typing: (payload: TypingPayload, ack: (res: Ack) => void) => void;
}

/** Events the server pushes. */
export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  /** A stored message changed (an AI reply finished, stopped, failed or restarted). */
  'message:updated': (message: Message) => void;
  'message:delta': (event: MessageDeltaEvent) => void;
  /** A message was recalled, edited or reacted to (to every member), or hidden (to the hider's sockets only). */
  'message:changed': (event: MessageChangedEvent) => void;
  'conversation:read': (event: ReadEvent) => void;
  'request:new': (request: Request) => void;
  'request:updated': (request: Request) => void;
  'friend:added': (event: FriendAddedEvent) => void;
  'friend:removed': (event: FriendRemovedEvent) => void;
  'session:expired': (event: SessionExpiredEvent) => void;
  'group:updated': (event: GroupUpdatedEvent) => void;
  'group:member': (event: GroupMemberEvent) => void;
  /** The user's settings of a conversation changed (on another device, or by reading a conversation marked unread). */
  'conversation:settings': (event: ConversationSettingsEvent) => void;
  /** A member is typing. */
  typing: (event: TypingEvent) => void;
  /** The user blocked or unblocked someone (on this device or another); never sent to the one blocked. */
  'block:changed': (event: BlockChangedEvent) => void;
  /** A friend came online (first socket) or went offline (last socket gone), or hid or showed their presence. */
  presence: (event: Presence) => void;
  /** The user's own presence settings changed (on another device). */
  'presence:settings': (event: PresenceSettingsResponse) => void;
}

/** socket.io handshake auth. */
export interface HandshakeAuth {
  token: string;
}
