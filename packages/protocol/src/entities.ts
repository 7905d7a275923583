import type { Mentions } from './mentions.js';

/** Server time in milliseconds since the Unix epoch. */
export type Timestamp = number;

/** A user as others see them. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

/** A friend of the current user: the friend's profile and the direct conversation with them. */
export interface Friend {
  user: User;
  conversationId: string;
  since: Timestamp;
}

export type RequestStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled';

/** A friend request. `from` sent it to `to`. */
export interface FriendRequest {
  id: string;
  kind: 'friend';
  from: User;
  to: User;
  note: string;
  status: RequestStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A group's role of a member: one owner; admins approve requests and manage members. */
export type GroupRole = 'owner' | 'admin' | 'member';

/** Who may join: anyone at once (`open`), by a request an owner/admin approves (`approval`), or only when added (`invite`). */
export type JoinPolicy = 'open' | 'approval' | 'invite';

/** A group as anyone signed in may see it. Its id is the id of its conversation. */
export interface GroupSummary {
  id: string;
  name: string;
  avatarUrl: string | null;
  description: string;
  memberCount: number;
  /** The caller's role, or null when the caller is not a member. */
  myRole: GroupRole | null;
  joinPolicy: JoinPolicy;
}

/** One member of a group. */
export interface GroupMember {
  user: User;
  role: GroupRole;
  joinedAt: Timestamp;
}

/** A request by `from` to join `group`; any owner or admin decides it, once. */
export interface GroupJoinRequest {
  id: string;
  kind: 'group';
  group: Pick<GroupSummary, 'id' | 'name' | 'avatarUrl'>;
  from: User;
  note: string;
  status: RequestStatus;
  /** The owner or admin who accepted or rejected it. */
  decidedBy: User | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Every kind of request: friend requests and group join requests share this model (and one list). */
export type Request = FriendRequest | GroupJoinRequest;

/**
 * What a reply quotes: the place of another message of the same conversation. No copy of its content
 * is kept, so a recall of the original leaves nothing behind in the replies; clients show the original
 * as they hold it (and load it, by `seq`, when they do not).
 */
export interface ReplyRef {
  messageId: string;
  seq: number;
  senderId: string;
}

export interface TextContent {
  text: string;
  /** Who the text mentions (`@Name`, `@all`); groups only. Kept by an edit, gone with a recall. */
  mentions?: Mentions;
  /** The message this one replies to (quotes). */
  replyTo?: ReplyRef;
  /** When the sender last edited the text (absent: never edited). Clients show "edited". */
  editedAt?: Timestamp;
}

interface MessageBase {
  id: string;
  conversationId: string;
  /** Allocated by the server; strictly increasing by 1 within a conversation, starting at 1. */
  seq: number;
  senderId: string;
  /** Chosen by the sending client; the same id from the same sender always maps to this message. */
  clientMsgId: string;
  /** Server time when the message was stored. */
  createdAt: Timestamp;
  /** Reactions, each emoji with who reacted (in reaction order); absent when none. */
  reactions?: Reaction[];
}

/** One emoji of `REACTION_EMOJI` on a message, and who reacted with it. */
export interface Reaction {
  emoji: string;
  userIds: string[];
}

export interface TextMessage extends MessageBase {
  type: 'text';
  content: TextContent;
}

/**
 * A stored file as messages carry it. Every field is set by the server from the uploaded bytes:
 * `mimeType` is sniffed from the content (never taken from the name or the upload's header).
 */
export interface FileRef {
  /** Server-made id (`f_...`). */
  id: string;
  /** The uploader's file name, shown as text only; never trusted for the type. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** The type detected from the bytes; `application/octet-stream` when unknown. */
  mimeType: string;
  /** Pixel width, for images whose header was readable. */
  width?: number;
  /** Pixel height, for images whose header was readable. */
  height?: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
}

/** Content of `image` and `file` messages. */
export interface FileContent {
  file: FileRef;
}

/** An image (PNG, JPEG, GIF or WebP, by its bytes), shown inline. */
export interface ImageMessage extends MessageBase {
  type: 'image';
  content: FileContent;
}

/** Any other file, shown as a card with a download link. */
export interface FileMessage extends MessageBase {
  type: 'file';
  content: FileContent;
}

/** Why an AI reply ended in error. */
export const AiErrorCode = {
  /** The caller asked for more replies per minute than the server allows. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The server is already generating as many replies as it allows at once. */
  BUSY: 'BUSY',
  /** The provider refused for its own rate limit (HTTP 429). */
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  /** The provider answered with an error, or broke off the stream. */
  PROVIDER_ERROR: 'PROVIDER_ERROR',
  /** The provider sent nothing for longer than the configured timeout. */
  TIMEOUT: 'TIMEOUT',
  /** The server stopped or restarted while the reply was being generated. */
  INTERRUPTED: 'INTERRUPTED',
} as const;

export type AiErrorCode = (typeof AiErrorCode)[keyof typeof AiErrorCode];

/**
 * The state of an AI reply, a discriminated union on `status`. While `streaming`, `deltas` counts the
 * `message:delta` events already folded into `text`: the next delta to apply has `index === deltas`.
 */
export type AiReplyContent =
  | { text: string; status: 'streaming'; deltas: number }
  | { text: string; status: 'complete' | 'stopped' }
  | { text: string; status: 'error'; error: { code: AiErrorCode; message: string } };

export type AiReplyStatus = AiReplyContent['status'];

/** A reply written by the AI assistant. Its text grows while `content.status` is `streaming`. */
export interface AiReplyMessage extends MessageBase {
  type: 'ai';
  content: AiReplyContent;
}

/** What a system notice in a group's timeline records. */
export type SystemEvent = 'created' | 'member_joined' | 'member_added' | 'member_left' | 'member_removed' | 'renamed' | 'role_changed' | 'owner_transferred';

/** Content of a `system` message; clients render it as text ("carol joined", "alice renamed the group to X"). */
export interface SystemContent {
  event: SystemEvent;
  /** Who did it (the joiner for `member_joined`). */
  actorId: string;
  /** The actor's display name when the notice was written (notices keep the names of their time). */
  actorName: string;
  /** Whom it was done to (added, removed, role changed, new owner). */
  targetId?: string;
  /** The target's display name when the notice was written. */
  targetName?: string;
  /** The group's name for `created` and `renamed`. */
  name?: string;
  /** The new role for `role_changed`. */
  role?: GroupRole;
}

/** A notice written by the server into a group's timeline; `senderId` is the actor. */
export interface SystemMessage extends MessageBase {
  type: 'system';
  content: SystemContent;
}

/** Content of a recalled message: the original content is gone from storage; who recalled it stays. */
export interface RecalledContent {
  /** Who recalled it: the sender, or an owner or admin of the group. */
  byId: string;
  /** Their display name when they recalled it ("alice recalled a message"). */
  byName: string;
  recalledAt: Timestamp;
}

/** A message its sender (or a group's owner or admin) recalled; shown to everyone as "alice recalled a message". */
export interface RecalledMessage extends MessageBase {
  type: 'recalled';
  content: RecalledContent;
}

/**
 * A message the caller deleted for themselves ("delete for me"): only that user's view has it, on
 * all of their devices; it keeps its seq (no gap) and shows nothing. Never sent to anyone else.
 */
export interface HiddenMessage extends MessageBase {
  type: 'hidden';
  content: Record<string, never>;
}

/** A stored message. A discriminated union on `type`. */
export type Message = TextMessage | ImageMessage | FileMessage | AiReplyMessage | SystemMessage | RecalledMessage | HiddenMessage;
export type MessageType = Message['type'];

interface ConversationBase {
  id: string;
  /** The newest message, or null when none has been sent. */
  lastMessage: Message | null;
  /** The newest seq in the conversation (0 when empty). */
  lastSeq: number;
  /** The caller's read cursor: every seq at or below it is read. Only moves forward. */
  readSeq: number;
  /**
   * Messages after `readSeq` not sent by the caller: `lastSeq - readSeq`, since sending moves the
   * sender's own cursor to the message sent (a reply also marks what came before it read).
   */
  unread: number;
  /** The caller's settings (see {@link ConversationSettings}): pinned first in the list. */
  pinned: boolean;
  /** No notifications; unread left out of the total and shown as a dot. */
  muted: boolean;
  /** Shown unread until read again. Set by the server on every conversation it sends; absent: false. */
  markedUnread?: boolean;
  /** Hidden from the list while `lastSeq` is at or below it. Set by the server; absent: not hidden. */
  hiddenSeq?: number | null;
  /**
   * The seqs of the unread messages (after `readSeq`) that mention the caller, by id or `@all`, from
   * others, ascending: the newest `LIMITS.mentionSeqsMax` at most. Counted even when muted; a recall or
   * the caller's delete-for-me takes a message out. Set by the server on every conversation it sends.
   */
  mentionSeqs?: number[];
  /** When the conversation last had activity (the last message, else its creation). */
  activeAt: Timestamp;
  /**
   * The conversation's change counter as the caller sees it: it grows by one with every recall, edit
   * (and delete-for-me of the caller's own); sync sends back the messages changed after a client's
   * `changeSeq`. Set by the server on every conversation it sends.
   */
  changeSeq?: number;
}

/** A one-to-one conversation between two friends. */
export interface DirectConversation extends ConversationBase {
  kind: 'direct';
  peer: User;
  /** The peer's read cursor (for read receipts). */
  peerReadSeq: number;
}

/** A group's conversation, as one member sees it. Its id is the group's id. */
export interface GroupConversation extends ConversationBase {
  kind: 'group';
  group: GroupSummary;
}

/** A conversation as the caller sees it. A discriminated union on `kind`. */
export type Conversation = DirectConversation | GroupConversation;
