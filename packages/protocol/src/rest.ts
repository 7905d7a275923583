import type { PresenceSettings } from './presence.js';
import type { Conversation, FileRef, Friend, GroupMember, GroupSummary, JoinPolicy, Message, Request, User } from './entities.js';

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
  /** The caller's presence privacy. */
  presenceSettings: PresenceSettings;
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

/** Ask to join a group (under `open`, joins at once: the request comes back `accepted`). */
export interface CreateGroupRequestBody {
  kind: 'group';
  groupId: string;
  note?: string;
}

export type CreateRequestBody = CreateFriendRequestBody | CreateGroupRequestBody;

/** `POST /groups`: the caller becomes the owner; `memberIds` (friends of the caller) join at once. */
export interface CreateGroupBody {
  name: string;
  description?: string;
  avatarUrl?: string | null;
  joinPolicy?: JoinPolicy;
  memberIds?: string[];
}

/** `PATCH /groups/:id` (owner or admin): the fields to change. */
export interface UpdateGroupBody {
  name?: string;
  description?: string;
  avatarUrl?: string | null;
  joinPolicy?: JoinPolicy;
}

export interface GroupResponse {
  group: GroupSummary;
}

export interface GroupsResponse {
  groups: GroupSummary[];
}

export interface GroupMembersResponse {
  members: GroupMember[];
}

/** `POST /groups/:id/members`: adds a friend of the caller. */
export interface AddMemberBody {
  userId: string;
}

/** `PATCH /groups/:id/members/:userId` (owner only). */
export interface SetRoleBody {
  role: 'admin' | 'member';
}

/** `POST /groups/:id/owner` (owner only): the old owner becomes an admin. */
export interface TransferOwnerBody {
  userId: string;
}

/** One member's read cursor. */
export interface MemberRead {
  userId: string;
  readSeq: number;
}

/** `GET /conversations/:id/reads`: every member's cursor; how many read a message = cursors at or above its seq. */
export interface ReadsResponse {
  reads: MemberRead[];
}

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
  /** The page around a seq: `seq` itself, up to half of `limit` older before it and the rest newer after it. */
  around?: number;
  limit?: number;
}

export interface HistoryResponse {
  /** Ascending by seq. */
  messages: Message[];
  /** More messages exist beyond this page in the direction asked. */
  hasMore: boolean;
  /** The conversation's change counter when the page was read: sync changes from it. */
  changeSeq?: number;
  /** Only for `around`: newer messages exist after this page (`hasMore` then tells of older ones). */
  hasNewer?: boolean;
}

/** `GET /messages/search?q=&conversationId=&limit=`: messages of the caller's conversations holding `q`. */
export interface MessageSearchParams {
  /** Looked for anywhere in a message's text, case-insensitively; 1 to `LIMITS.messageSearchQueryMaxLength` code points, not blank. */
  q: string;
  /** Only this conversation (the caller must be a member); absent: all of the caller's conversations. */
  conversationId?: string;
  /** @default LIMITS.messageSearchResultsDefault (at most `LIMITS.messageSearchResultsMax`) */
  limit?: number;
}

/**
 * The part of a found message's text around the first match, as plain text in three pieces, so a client
 * shows `match` highlighted without ever parsing HTML. `before` starts with `…` when text was cut there,
 * `after` ends with it.
 */
export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}

/** One found message: as stored (text or AI reply), where it matched, to open with `around=<seq>`. */
export interface MessageSearchResult {
  message: Message;
  snippet: SearchSnippet;
}

export interface MessageSearchResponse {
  /** Newest first. */
  results: MessageSearchResult[];
  /** More messages match than were returned. */
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
