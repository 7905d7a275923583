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

/** Every kind of request (friend now; group join requests later share this model). */
export type Request = FriendRequest;

export interface TextContent {
  text: string;
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

/** A stored message. A discriminated union on `type`. */
export type Message = TextMessage | ImageMessage | FileMessage;
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
  pinned: boolean;
  muted: boolean;
  /** When the conversation last had activity (the last message, else its creation). */
  activeAt: Timestamp;
}

/** A one-to-one conversation between two friends. */
export interface DirectConversation extends ConversationBase {
  kind: 'direct';
  peer: User;
  /** The peer's read cursor (for read receipts). */
  peerReadSeq: number;
}

/** A conversation as the caller sees it. A discriminated union on `kind`. */
export type Conversation = DirectConversation;
