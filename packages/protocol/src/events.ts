import type { WireError } from './errors.js';
import type { Conversation, Friend, Message, Request, TextContent } from './entities.js';

/** The reply to every client -> server event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: WireError };

/** The content of an `image` or `file` send: the id of a file the sender uploaded. The server fills in the {@link FileRef}. */
export interface FileSendContent {
  fileId: string;
}

/** The message part of a send, a discriminated union on `type`. */
export type SendMessageBody =
  | { clientMsgId: string; type: 'text'; content: TextContent }
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

export interface FriendAddedEvent {
  friend: Friend;
  conversation: Conversation;
}

export interface FriendRemovedEvent {
  userId: string;
  conversationId: string;
}

export interface SessionExpiredEvent {
  reason: 'expired' | 'revoked';
}

/** Events the client emits; each takes an ack callback. */
export interface ClientToServerEvents {
  'message:send': (payload: SendMessagePayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  'conversation:read': (payload: ReadPayload, ack: (res: Ack<{ conversationId: string; readSeq: number; unread: number }>) => void) => void;
}

/** Events the server pushes. */
export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  'conversation:read': (event: ReadEvent) => void;
  'request:new': (request: Request) => void;
  'request:updated': (request: Request) => void;
  'friend:added': (event: FriendAddedEvent) => void;
  'friend:removed': (event: FriendRemovedEvent) => void;
  'session:expired': (event: SessionExpiredEvent) => void;
}

/** socket.io handshake auth. */
export interface HandshakeAuth {
  token: string;
}
