/**
 * The storage contract. Every method is async and each one is a whole unit of work (its own
 * transaction where it writes more than one row), so a PostgreSQL backend can implement the same
 * interface without SQL leaking into the services.
 */
import type { AiErrorCode, DirectConversation, FileRef, Friend, FriendRequest, Message, User } from '@confab/protocol';
import type { BlockStore } from './block-store.js';
import type { ConversationSettingsStore } from './conversation-settings-store.js';
import type { PresenceStore } from './presence-store.js';
import type { GroupStore } from './group-store.js';
import type { MentionStore } from './mention-store.js';
import type { MessageChangeStore } from './message-change-store.js';
import type { MessageSearchStore } from './message-search-store.js';
import type { ReactionStore } from './reaction-store.js';

/** A user row with its password hash; never sent to clients. */
export interface UserRecord extends User {
  passwordHash: string;
  createdAt: number;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  createdAt: number;
}

/** A user signed in by a host application: (appId, subject) maps to one Confab user. */
export interface ExternalUserInput {
  appId: string;
  subject: string;
  /** Used only when the user is created. */
  newUser: { id: string; username: string; createdAt: number };
  displayName: string;
  avatarUrl: string | null;
}

export interface NewFriendRequest {
  id: string;
  fromId: string;
  toId: string;
  note: string;
  createdAt: number;
}

/** The friendship from one user's side. */
export interface FriendshipRecord {
  conversationId: string;
  since: number;
}

export interface ConversationRecord {
  id: string;
  kind: 'direct' | 'group';
  lastSeq: number;
  memberIds: string[];
}

/** What a send is checked against, read together: see {@link Store.getSendContext}. */
export interface SendContext {
  conversation: ConversationRecord;
  /** Whether the sender is a member of the conversation. */
  isMember: boolean;
  /** For a direct conversation: whether the sender has a friendship with its other member (false for groups). */
  friendsWithPeer: boolean;
  /** For a direct conversation: whether the sender blocks its other member (false for groups). */
  blocksPeer: boolean;
  /** For a direct conversation: whether its other member blocks the sender (false for groups). */
  blockedByPeer: boolean;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  senderId: string;
  clientMsgId: string;
  type: Message['type'];
  content: Message['content'];
  createdAt: number;
  /**
   * The recipient who blocks the sender: the message is stored (the sender sees it) and hidden from
   * this user in the same transaction, its seq kept in `message_hides.blocked_seq`.
   */
  hiddenFor?: string;
}

/**
 * What `appendMessage` did: stored it (`created`), found the same `clientMsgId` already stored in
 * this conversation (`duplicate`, the original returned), or found it used for another conversation.
 */
/**
 * Thrown by `appendMessage` when the conversation does not exist: never created, or removed while the
 * message was on its way (a group dissolved meanwhile, perhaps on another node). Nothing was written.
 */
export class ConversationMissingError extends Error {
  readonly code = 'CONVERSATION_MISSING';
  constructor(conversationId: string) {
    super(`Conversation ${conversationId} does not exist`);
    this.name = 'ConversationMissingError';
  }
}

/** Whether `error` is a {@link ConversationMissingError} (by its code, across module copies). */
export function isConversationMissing(error: unknown): error is ConversationMissingError {
  return error instanceof Error && (error as { code?: unknown }).code === 'CONVERSATION_MISSING';
}

export type AppendResult =
  | { outcome: 'created'; message: Message }
  | { outcome: 'duplicate'; message: Message }
  | { outcome: 'conflict'; message: Message };

export interface HistoryPage {
  /** Ascending by seq. */
  messages: Message[];
  hasMore: boolean;
}

export interface HistoryRange {
  before?: number;
  after?: number;
  limit: number;
}

export interface ReadCursorResult {
  readSeq: number;
  lastSeq: number;
  /** Whether the cursor moved forward. */
  moved: boolean;
  /**
   * Messages after `readSeq` a block kept from the reader: the cursor never passes one unless a
   * message the reader may see follows it, and unread is `lastSeq - readSeq - skipped`.
   */
  skipped: number;
}

/** An uploaded file's record: its reference, who uploaded it, and when. */
export interface FileRecord extends FileRef {
  uploaderId: string;
  createdAt: number;
}

/** What `requestFriendship` did, decided in one transaction. */
export type FriendshipRequestResult =
  | { outcome: 'created'; request: FriendRequest }
  | { outcome: 'accepted'; request: FriendRequest; conversationId: string }
  | { outcome: 'pending' }
  | { outcome: 'friends' };

export interface Store {
  /** Groups, their members and join requests. */
  readonly groups: GroupStore;
  /** Recalls, edits and per-user hides of stored messages, with the change counter sync follows. */
  readonly messageChanges: MessageChangeStore;
  /** Who reacted to which message with which emoji. */
  readonly reactions: ReactionStore;
  /** Messages found by their text, in the caller's conversations. */
  readonly messageSearch: MessageSearchStore;
  /** Each user's pin, mute, mark-unread and hide of their conversations. */
  readonly conversationSettings: ConversationSettingsStore;
  /** Who blocks whom, and what a block kept from its recipient. */
  readonly blocks: BlockStore;
  /** Each member's unread mentions (the rows are written by the database with the messages). */
  readonly mentions: MentionStore;
  /** Each user's presence privacy and when they were last seen. */
  readonly presence: PresenceStore;

  // users
  /** Inserts a user; returns false when the username (case-insensitive) is taken. */
  createUser(user: NewUser): Promise<boolean>;
  getUser(id: string): Promise<User | null>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  /** Users whose username or display name contains `query` (case-insensitive), prefix matches first. */
  searchUsers(query: string, excludeId: string, limit: number): Promise<User[]>;

  /**
   * The user of (appId, subject), its name and avatar updated; or a new user with that mapping, in one
   * transaction. Null when the new user's username is taken (the caller retries with another).
   */
  upsertExternalUser(input: ExternalUserInput): Promise<User | null>;

  // friends
  getFriendship(userId: string, friendId: string): Promise<FriendshipRecord | null>;
  listFriends(userId: string): Promise<Friend[]>;
  /**
   * Makes two users friends in one transaction: both friendship rows, and their direct conversation
   * (reused when the pair had one) with both as members. Idempotent. Returns the conversation id.
   */
  makeFriends(userA: string, userB: string, now: number, newConversationId: string): Promise<string>;
  /** Deletes both friendship rows in one transaction; returns the conversation id, or null if they were not friends. */
  removeFriendship(userId: string, friendId: string): Promise<string | null>;

  // requests
  /** Inserts a pending request; returns null when one from `fromId` to `toId` is already pending. */
  createFriendRequest(request: NewFriendRequest): Promise<FriendRequest | null>;
  /**
   * In one transaction: refuses when already friends or already pending from `fromId`; accepts the
   * reverse pending request (making them friends) when there is one; else inserts the request.
   */
  requestFriendship(request: NewFriendRequest, newConversationId: string): Promise<FriendshipRequestResult>;
  getRequest(id: string): Promise<FriendRequest | null>;
  findPendingRequest(fromId: string, toId: string): Promise<FriendRequest | null>;
  /** Incoming and outgoing requests of a user, newest first. */
  listRequests(userId: string): Promise<FriendRequest[]>;
  /** Moves a pending request to rejected/cancelled; returns null when it was not pending. */
  settleRequest(id: string, status: 'rejected' | 'cancelled', now: number): Promise<FriendRequest | null>;
  /**
   * Accepts a pending request and makes both users friends, all in one transaction. Returns null
   * when the request was not pending (handled once).
   */
  acceptFriendRequest(id: string, now: number, newConversationId: string): Promise<{ request: FriendRequest; conversationId: string } | null>;

  // conversations and messages
  getConversation(id: string): Promise<ConversationRecord | null>;
  /**
   * Optional fast path for the check of every send: the conversation, the sender's membership and, for
   * a direct conversation, the friendship with the peer, in one round trip; null when the conversation
   * does not exist. Backends without it are asked `getConversation` and `getFriendship` instead.
   */
  getSendContext?(userId: string, conversationId: string): Promise<SendContext | null>;
  /** The conversation as `userId` sees it, or null if unknown or not a member. */
  getConversationView(userId: string, conversationId: string): Promise<DirectConversation | null>;
  /** Direct conversations with current friends, newest activity first, in one query. */
  listConversationViews(userId: string): Promise<DirectConversation[]>;
  /** Every direct conversation the user is a member of, friend or not, newest activity first. */
  listMemberConversationViews(userId: string): Promise<DirectConversation[]>;
  /**
   * The direct conversation of two users, created with both as members when missing (no friendship
   * rows). Idempotent, guarded by the unique direct key. Returns the conversation id.
   */
  openDirectConversation(userA: string, userB: string, now: number, newConversationId: string): Promise<string>;
  /**
   * Stores a message with the next seq (lastSeq + 1) and moves the sender's read cursor to it, in
   * one transaction. Idempotent on (senderId, clientMsgId), guarded by a unique constraint.
   */
  appendMessage(message: NewMessage): Promise<AppendResult>;
  listMessages(conversationId: string, range: HistoryRange): Promise<HistoryPage>;
  /**
   * cursor = max(old, min(seq, lastSeq)), stepped back over messages a block kept from the user at the
   * end of that range (see {@link ReadCursorResult.skipped}); null when the user is not a member.
   */
  advanceReadCursor(conversationId: string, userId: string, seq: number): Promise<ReadCursorResult | null>;

  // files
  createFile(file: FileRecord): Promise<void>;
  getFile(id: string): Promise<FileRecord | null>;
  /** Whether `userId` is a member of a conversation holding a message that carries file `fileId`. */
  isFileSharedWith(fileId: string, userId: string): Promise<boolean>;
  getMessage(id: string): Promise<Message | null>;
  /**
   * Replaces a message's content (an AI reply growing or ending); returns it, or null when unknown.
   * `flushedAt` (ms), for a `streaming` content: when its node wrote it, renewing the node's lease on
   * the reply (see {@link endStreamingReplies}); never part of the content returned.
   */
  updateMessageContent(id: string, content: Message['content'], flushedAt?: number): Promise<Message | null>;
  /**
   * {@link updateMessageContent} for an AI reply that is still `streaming` only: null when it is not
   * (ended meanwhile, by a sweep of {@link endStreamingReplies} on any node) or unknown, and then
   * nothing is written, so an ended reply never streams again.
   */
  updateStreamingReply(id: string, content: Message['content'], flushedAt?: number): Promise<Message | null>;
  /**
   * Ends with `error` the AI replies still `streaming` whose last write (`flushedAt`, else the
   * message's `createdAt`) is before `flushedBefore`: their node stopped or died without ending them.
   * Replies written since are another live node's and are left alone. Returns the replies ended.
   */
  endStreamingReplies(error: { code: AiErrorCode; message: string }, flushedBefore: number): Promise<Message[]>;
  /** Sets a user's display name and avatar (the assistant's come from the configuration). */
  updateUserProfile(id: string, profile: { displayName: string; avatarUrl: string | null }): Promise<void>;

  /** Runs a trivial query; throws when the database is unusable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
