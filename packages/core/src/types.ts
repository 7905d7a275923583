import type {
  BlockedUser,
  Conversation,
  ConversationSettings,
  ConversationSettingsPayload,
  CreateGroupBody,
  Friend,
  GroupMember,
  GroupSummary,
  Mentions,
  Message,
  MessageSearchResponse,
  Presence,
  PresenceSettings,
  UpdateGroupBody,
  Request,
  User,
  WireError,
} from '@confab/protocol';
import type { io } from 'socket.io-client';
import type { ConfabError } from './errors.js';
import type { OutboxStore } from './outbox-store.js';

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
  /** A file send whose bytes are still uploading: bytes sent so far of `total`. */
  upload?: UploadProgress;
}

/** Progress of a file upload. */
export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send. */
  total: number;
}

/** Messages of one conversation, in order: stored messages by seq, then pending ones. */
export interface MessagesState {
  /** Stored messages ascending by seq, then our unacknowledged sends in send order. */
  items: readonly TimelineMessage[];
  /** Older messages exist on the server (load with `loadOlder`). */
  hasOlder: boolean;
  /** A history page is being fetched. */
  loading: boolean;
  /** The conversation's change counter this timeline holds every change up to (recalls, edits, hides); sync asks from it. */
  changeSeq?: number;
}

/** The settings to change (see `setConversationSettings`); the others stay as they are. */
export type ConversationSettingsChange = Omit<ConversationSettingsPayload, 'conversationId'>;

/** Conversations, pinned first then by activity (newest first), with unread per conversation and in total. */
export interface ConversationsState {
  /** Pinned first, then by `activeAt`, newest first. Holds hidden ones too: show those `isHiddenFromList` leaves. */
  list: readonly Conversation[];
  /** Sum of `unread` over `list`, muted conversations left out; one marked unread with nothing unread counts 1. */
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
  /** Incoming and outgoing requests (friend and group), newest first. */
  requests: readonly Request[];
  /** Users we block, most recent first: their direct messages, requests and typing never reach us. */
  blocked: readonly BlockedUser[];
  /** Members' read cursors by conversation id, then user id; only conversations whose reads were loaded. */
  reads: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Who is typing: conversation id, then user id -> when it stops showing (ms). Never us. */
  typing: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Friends' presence by user id (the assistant has none), fetched on every connect and kept live;
   * all hidden (`online: false, lastSeenAt: null`) while `showPresence` is false: hiding ours, we see
   * nobody's. Read it with `presenceOf`.
   */
  presence: { readonly byUser: Readonly<Record<string, Presence>>; readonly showPresence: boolean };
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

/** A file to upload: a browser `File` fits (its `name`, `size` and `type` are read; the object is sent as is). */
export interface UploadableFile {
  readonly name: string;
  readonly size: number;
  /** The MIME type the platform guessed; the server detects the real one from the bytes. */
  readonly type: string;
}

/** The part of `XMLHttpRequest` the client uses for uploads (declared here: the core has no DOM types). */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: unknown): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/** Options of {@link ChatClient.sendText}. */
export interface SendTextOptions {
  /** A stored message of the same conversation this one replies to (it is quoted). */
  replyTo?: Message;
  /**
   * Group members the text mentions, each written as `@Name` in the text, and `all` for `@all`
   * (the group's owner and admins only; the server refuses it from others with FORBIDDEN).
   * @example client.sendText(groupId, '@Bob can you look?', { mentions: { userIds: [bob.id] } })
   */
  mentions?: Mentions;
}

/** Options of {@link ChatClient.sendFile}. */
export interface SendFileOptions {
  /** Called as bytes go up (also reflected as `upload` on the pending timeline item). */
  onProgress?: (progress: UploadProgress) => void;
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
  /**
   * Where unacknowledged sends are kept, so they survive a reload and are re-sent.
   * @default keyValueOutbox(storage) when `storage` is given, else memoryOutbox()
   * @example keyValueOutbox(window.localStorage)
   */
  outbox?: OutboxStore;
  /** A send without an ack for this long (ms) becomes `failed`, with `retry`. @default 30_000 */
  sendFailAfterMs?: number;
  /** How long one socket request waits for its ack (ms); a send is then retried. @default 10_000 */
  ackTimeoutMs?: number;
  /** Makes the XMLHttpRequest of an upload. @default () => new globalThis.XMLHttpRequest() */
  xhr?: () => XhrLike;
  /**
   * Largest file `sendFile` accepts; bigger ones fail with TOO_LARGE before any upload. Set it to the
   * server's `--max-file-bytes` when that was changed.
   * @default LIMITS.fileMaxBytes (20 MB)
   */
  maxFileBytes?: number;
}

export interface SearchMessagesOptions {
  /** Only this conversation. @default all of ours */
  conversationId?: string;
  /** @default LIMITS.messageSearchResultsDefault (at most LIMITS.messageSearchResultsMax) */
  limit?: number;
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
  /**
   * Sends a text message through the durable outbox: `sending` until acked (re-sent with the same
   * clientMsgId after reconnects), `failed` after `sendFailAfterMs`. Resolves with the stored message.
   */
  sendText(conversationId: string, text: string, options?: SendTextOptions): Promise<Message>;
  /**
   * Makes sure the message at `seq` is in the timeline: when it is older than what is loaded, loads the
   * page around it, then the messages between it and the loaded ones, so the timeline has no gap.
   * Resolves once the message is there (or the conversation has no such seq).
   */
  jumpTo(conversationId: string, seq: number): Promise<void>;
  /**
   * Uploads a file (with progress) and sends it as an `image` message when the server found an inline
   * image type in its bytes, else as a `file` message. The pending message shows in the timeline with
   * `upload` progress meanwhile. Rejects with TOO_LARGE before uploading a file over `maxFileBytes`.
   * @example await client.sendFile(conversationId, input.files[0], { onProgress: ({ loaded, total }) => ... })
   */
  sendFile(conversationId: string, file: UploadableFile, options?: SendFileOptions): Promise<Message>;
  /** Stops the upload of a pending file send and removes it from the timeline. */
  cancelUpload(conversationId: string, clientMsgId: string): void;
  /**
   * A signed URL of a file's bytes (absolute when the client has a `url`). Cached until shortly
   * before it expires; pass `{ fresh: true }` after an image failed to load with it.
   */
  fileUrl(fileId: string, options?: { fresh?: boolean }): Promise<string>;
  /** Re-sends a failed message with its original clientMsgId (re-uploading a file that did not finish). */
  retry(conversationId: string, clientMsgId: string): Promise<Message>;
  /** Moves the read cursor to `seq` (default: the newest loaded seq). No-op when already there. */
  markRead(conversationId: string, seq?: number): Promise<void>;
  /** Stops a generating AI reply; resolves with it, its text so far kept and marked `stopped`. */
  stopReply(messageId: string): Promise<Message>;
  /** Generates an AI reply that ended in `error` or `stopped` again, in place. */
  retryReply(messageId: string): Promise<Message>;
  /**
   * Recalls a message for everyone (ours within the server's recall window, default 2 minutes; any
   * member's as a group's owner or admin). Resolves with the `recalled` message that replaced it.
   */
  recall(messageId: string): Promise<Message>;
  /** Replaces the text of our own text message (within the server's edit window); it shows as edited. */
  edit(messageId: string, text: string): Promise<Message>;
  /** Hides a message for us only, on all of our devices (it becomes `hidden`). */
  deleteForMe(messageId: string): Promise<Message>;
  /** Adds (`on`) or removes our reaction with one of `REACTION_EMOJI`; resolves with the message and its reactions. */
  react(messageId: string, emoji: string, on: boolean): Promise<Message>;
  /**
   * Changes our settings of a conversation on all of our devices: `pinned` (first in the list),
   * `muted` (no notifications, out of the unread total), `markedUnread` (reading clears it),
   * `hidden` (out of the list until its next message).
   * @example await client.setConversationSettings(conversationId, { pinned: true })
   */
  setConversationSettings(conversationId: string, change: ConversationSettingsChange): Promise<ConversationSettings>;
  /**
   * Tells the other members we are typing; call it on every keystroke: it sends at most once per
   * `LIMITS.typingThrottleMs` per conversation, and never fails (typing is best effort).
   */
  notifyTyping(conversationId: string): void;
  /**
   * Shows or hides our presence (online / last seen) to our friends, on all of our devices. Reciprocal:
   * while ours is hidden we see nobody's.
   * @example await client.setShowPresence(false)
   */
  setShowPresence(showPresence: boolean): Promise<PresenceSettings>;

  /**
   * Messages holding `query` (anywhere in their text, case-insensitively) in the conversations we are a
   * member of, newest first, each with a plain-text snippet around the match; `conversationId` narrows it to one.
   * Recalled messages and those we deleted for ourselves are never found. Open a result with
   * `openConversation` and `jumpTo(result.message.conversationId, result.message.seq)`.
   * @example const { results } = await client.searchMessages('station', { conversationId })
   */
  searchMessages(query: string, options?: SearchMessagesOptions): Promise<MessageSearchResponse>;
  searchUsers(query: string): Promise<User[]>;
  sendFriendRequest(targetId: string, note?: string): Promise<Request>;
  acceptRequest(requestId: string): Promise<Request>;
  rejectRequest(requestId: string): Promise<Request>;
  cancelRequest(requestId: string): Promise<Request>;
  removeFriend(userId: string): Promise<void>;
  /**
   * Blocks a user, on all of our devices: their direct messages and friend requests no longer reach us
   * (they are not told), and ours to them are refused until `unblock`. Groups are not affected.
   */
  block(userId: string): Promise<BlockedUser>;
  /** Lifts a block: their next messages arrive again (those sent meanwhile never do). */
  unblock(userId: string): Promise<void>;
  /** Creates a group owned by us with friends as members; it enters the list. */
  createGroup(input: CreateGroupBody): Promise<GroupSummary>;
  searchGroups(query: string): Promise<GroupSummary[]>;
  getGroup(groupId: string): Promise<GroupSummary>;
  updateGroup(groupId: string, changes: UpdateGroupBody): Promise<GroupSummary>;
  /** Owner only: deletes the group for everyone. */
  dissolveGroup(groupId: string): Promise<void>;
  groupMembers(groupId: string): Promise<GroupMember[]>;
  addGroupMember(groupId: string, userId: string): Promise<GroupMember[]>;
  /** Removes a member; our own id means leaving (the group leaves the list). */
  removeGroupMember(groupId: string, userId: string): Promise<void>;
  setGroupRole(groupId: string, userId: string, role: 'admin' | 'member'): Promise<GroupMember[]>;
  transferGroupOwner(groupId: string, userId: string): Promise<GroupMember[]>;
  /** Asks to join a group (an `open` group lets us in at once: the request comes back accepted). */
  requestToJoin(groupId: string, note?: string): Promise<Request>;
  /** Loads every member's read cursor into `state.reads` (then kept live). */
  loadReads(conversationId: string): Promise<void>;
  /** Re-fetches conversations, friends, requests and blocks from the server. */
  refresh(): Promise<void>;
}
