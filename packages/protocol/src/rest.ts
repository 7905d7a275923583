import type { Conversation, FileRef, Friend, Message, Request, User } from './entities.js';

/** REST base path. */
export const API_PREFIX = '/api/v1';

export interface RegisterBody {
  username: string;
  password: string;
  /** Defaults to the username. */
  displayName?: string;
}

export interface LoginBody {
  username: string;
  password: string;
}

/** `POST /auth/exchange`: a short-lived HS256 JWT signed by the host application's backend. */
export interface ExchangeBody {
  token: string;
}

export interface AuthResponse {
  user: User;
  token: string;
  /** When the token expires (ms since epoch). */
  expiresAt: number;
}

export interface MeResponse {
  user: User;
}

export interface UsersResponse {
  users: User[];
}

export interface FriendsResponse {
  friends: Friend[];
}

export interface RequestsResponse {
  requests: Request[];
}

export interface CreateFriendRequestBody {
  kind: 'friend';
  targetId: string;
  note?: string;
}

export type CreateRequestBody = CreateFriendRequestBody;

export interface RequestResponse {
  request: Request;
}

export interface ConversationsResponse {
  conversations: Conversation[];
}

/** `POST /conversations`: opens (or returns) the direct conversation with a user. */
export interface OpenConversationBody {
  kind: 'direct';
  userId: string;
}

export interface ConversationResponse {
  conversation: Conversation;
}

/** Query of `GET /conversations/:id/messages`: at most one of `before` / `after`. */
export interface HistoryQuery {
  /** Messages with seq < before, newest page first (returned in ascending order). */
  before?: number;
  /** Messages with seq > after, oldest first. */
  after?: number;
  limit?: number;
}

export interface HistoryResponse {
  /** Ascending by seq. */
  messages: Message[];
  /** More messages exist beyond this page in the direction asked. */
  hasMore: boolean;
}

export interface ReadBody {
  seq: number;
}

export interface ReadResponse {
  conversationId: string;
  readSeq: number;
  unread: number;
}

export interface OkResponse {
  ok: true;
}

/** `POST /files` (multipart, one part named `file`). */
export interface UploadResponse {
  file: FileRef;
}

/** `GET /files/:id/url`: a signed URL of the file's bytes, valid until `expiresAt`. */
export interface FileUrlResponse {
  /** Path and query under the server's origin: `/api/v1/files/:id/content?exp=...&sig=...`. */
  url: string;
  /** When the URL stops working (ms since epoch). */
  expiresAt: number;
}
