import type {
  Conversation,
  Friend,
  Message,
  Request,
  User,
  WireError,
} from '@confab/protocol';
import type { io } from 'socket.io-client';
import type { ConfabError } from './errors.js';

/** Connection state of the client's socket. */
export type ConnectionState =
  /** No session yet (not logged in). */
  | 'idle'
  | 'connecting'
  | 'connected'
  /** Lost the connection; socket.io reconnects by itself. */
  | 'reconnecting'
  /** The token was refused or expired and `getToken` gave no new one. Log in again. */
  | 'expired';

/** Delivery state of a message shown in the timeline. */
export type DeliveryState = 'sending' | 'sent' | 'failed';

/**
 * A message as the UI shows it: a stored message (`state: 'sent'`), or one of ours that the server
 * has not acknowledged yet (`state: 'sending'` / `'failed'`, `seq` is 0 until acked).
 */
export interface TimelineMessage {
  message: Message;
  state: DeliveryState;
  /** The error of a failed send. */
  error?: WireError;
}

/** Messages of one conversation, in order: stored messages by seq, then pending ones. */
export interface MessagesState {
  /** Stored messages ascending by seq, then our unacknowledged sends in send order. */
  items: readonly TimelineMessage[];
  /** Older messages exist on the server (load with `loadOlder`). */
  hasOlder: boolean;
  /** A history page is being fetched. */
  loading: boolean;
}

/** Conversations, sorted by activity (newest first), with unread per conversation and in total. */
export interface ConversationsState {
  /** Sorted by `activeAt`, newest first. */
  list: readonly Conversation[];
  /** Sum of `unread` over `list`. */
  unreadTotal: number;
  /** The conversation list has been loaded from the server at least once. */
  loaded: boolean;
}

/** Everything the client knows, as one immutable snapshot. A new object on every change. */
export interface ChatState {
  connection: ConnectionState;
  /** The signed-in user, or null before login. */
  me: User | null;
  conversations: ConversationsState;
  /** By conversation id; only conversations that were opened or received messages. */
  messages: Readonly<Record<string, MessagesState>>;
  /** Friends sorted by display name. */
  friends: readonly Friend[];
  /** Incoming and outgoing requests, newest first. */
  requests: readonly Request[];
}

/** Events the client emits (in addition to state changes). */
export interface ChatClientEvents {
  /** Any state change; the new snapshot. */
  state: ChatState;
  /** A message arrived from someone else (live). */
  message: Message;
  /** A request arrived or changed. */
  request: Request;
  /** The connection state changed. */
  connection: ConnectionState;
  /** An error worth showing to the person (failed send, rejected read, network trouble). */
  error: ConfabError;
}

/** The part of a fetch `Response` the client reads. */
export interface FetchResponseLike {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

/**
 * The part of `fetch` the client calls. `globalThis.fetch` (browser or Node 18+) fits it; declared here because
 * the core is built without DOM types.
 */
export type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<FetchResponseLike>;

/** Storage the client may use to keep the session (token) across reloads. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ChatClientOptions {
  /**
   * Base URL of the Confab server (REST under `/api/v1`, socket.io on the same origin).
   * @example 'http://127.0.0.1:3000'
   * @default the empty string: same origin as the page
   */
  url?: string;
  /**
   * Called when the client needs a token (first connect, reconnect after expiry) and it has none
   * from `login`/`register`. Return null to give up (the connection becomes `expired`).
   */
  getToken?: () => string | null | Promise<string | null>;
  /**
   * Where the session token is kept across reloads; omit to keep it in memory only.
   * @example window.localStorage
   */
  storage?: KeyValueStorage;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: FetchLike;
  /** socket.io-client's `io`, injectable for tests. @default io from socket.io-client */
  io?: typeof io;
  /** The clock. @default Date.now */
  now?: () => number;
  /** Makes client message ids. @default crypto.randomUUID */
  createId?: () => string;
}

export interface ChatClient {
  /** The current snapshot. */
  getState(): ChatState;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof ChatClientEvents>(event: E, handler: (payload: ChatClientEvents[E]) => void): () => void;

  /** Creates an account, keeps the session and connects. */
  register(input: { username: string; password: string; displayName?: string }): Promise<User>;
  /** Logs in, keeps the session and connects. */
  login(username: string, password: string): Promise<User>;
  /** Restores a kept session (storage or getToken) and connects; resolves to null when there is none. */
  resume(): Promise<User | null>;
  /** Disconnects and forgets the session and all state. */
  logout(): void;

  /** Loads the newest page of a conversation if not loaded yet. */
  openConversation(conversationId: string): Promise<void>;
  /** Loads the page before the oldest loaded message. */
  loadOlder(conversationId: string): Promise<void>;
  /** Sends a text message; resolves with the stored message (rejects with ConfabError). */
  sendText(conversationId: string, text: string): Promise<Message>;
  /** Re-sends a failed message with its original clientMsgId. */
  retry(conversationId: string, clientMsgId: string): Promise<Message>;
  /** Moves the read cursor to `seq` (default: the newest loaded seq). No-op when already there. */
  markRead(conversationId: string, seq?: number): Promise<void>;
  /** Stops a generating AI reply; resolves with it, its text so far kept and marked `stopped`. */
  stopReply(messageId: string): Promise<Message>;
  /** Generates an AI reply that ended in `error` or `stopped` again, in place. */
  retryReply(messageId: string): Promise<Message>;

  searchUsers(query: string): Promise<User[]>;
  sendFriendRequest(targetId: string, note?: string): Promise<Request>;
  acceptRequest(requestId: string): Promise<Request>;
  rejectRequest(requestId: string): Promise<Request>;
  cancelRequest(requestId: string): Promise<Request>;
  removeFriend(userId: string): Promise<void>;
  /** Re-fetches conversations, friends and requests from the server. */
  refresh(): Promise<void>;
}
