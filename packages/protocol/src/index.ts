export { ErrorCode, ERROR_HTTP_STATUS, RETRYABLE_ERROR_CODES, isErrorCode } from './errors.js';
export type { ErrorBody, WireError } from './errors.js';
export { ASSISTANT_USER_ID, isAssistant } from './assistant.js';
export { LIMITS } from './limits.js';
export { REACTION_EMOJI } from './reactions.js';
export { mentionsUser } from './mentions.js';
export type { Mentions } from './mentions.js';
export { DEFAULT_CONVERSATION_SETTINGS, conversationSettingsOf } from './settings.js';
export type { ConversationSettings, ConversationSettingsEvent, ConversationSettingsPayload } from './settings.js';
export type { TypingEvent, TypingPayload } from './typing.js';
export type { BlockBody, BlockChangedEvent, BlockedUser, BlockResponse, BlocksResponse } from './blocks.js';
export { DEFAULT_PRESENCE_SETTINGS } from './presence.js';
export type { Presence, PresenceListResponse, PresenceResponse, PresenceSettings, PresenceSettingsBody, PresenceSettingsResponse } from './presence.js';
export type { ReactionEmoji } from './reactions.js';
export { NAME_PROBLEMS, hasBidiControls, isBlankText, nameProblem, textLength } from './text.js';
export type { NameProblem } from './text.js';
export { AiErrorCode } from './entities.js';
export type {
  AiReplyContent,
  AiReplyMessage,
  AiReplyStatus,
  Conversation,
  DirectConversation,
  FileContent,
  FileMessage,
  FileRef,
  Friend,
  FriendRequest,
  GroupConversation,
  GroupJoinRequest,
  GroupMember,
  GroupRole,
  GroupSummary,
  HiddenMessage,
  ImageMessage,
  JoinPolicy,
  Message,
  MessageType,
  Reaction,
  RecalledContent,
  RecalledMessage,
  ReplyRef,
  Request,
  RequestStatus,
  SystemContent,
  SystemEvent,
  SystemMessage,
  TextContent,
  TextMessage,
  Timestamp,
  User,
} from './entities.js';
export { API_PREFIX } from './rest.js';
export type {
  AddMemberBody,
  AuthResponse,
  ConversationResponse,
  ConversationsResponse,
  CreateFriendRequestBody,
  CreateGroupBody,
  CreateGroupRequestBody,
  CreateRequestBody,
  ExchangeBody,
  FileUrlResponse,
  FriendsResponse,
  GroupMembersResponse,
  GroupResponse,
  GroupsResponse,
  HistoryQuery,
  HistoryResponse,
  LoginBody,
  MemberRead,
  MeResponse,
  MessageSearchParams,
  MessageSearchResponse,
  MessageSearchResult,
  OkResponse,
  OpenConversationBody,
  ReadBody,
  ReadResponse,
  ReadsResponse,
  RegisterBody,
  RequestResponse,
  RequestsResponse,
  SearchSnippet,
  SetRoleBody,
  TransferOwnerBody,
  UpdateGroupBody,
  UploadResponse,
  UsersResponse,
} from './rest.js';
export type {
  Ack,
  AiReplyPayload,
  ClientToServerEvents,
  FileSendContent,
  FriendAddedEvent,
  FriendRemovedEvent,
  GroupMemberEvent,
  GroupUpdatedEvent,
  HandshakeAuth,
  MessageDeltaEvent,
  ReadEvent,
  ReadPayload,
  SendMessageBody,
  SendMessagePayload,
  ServerToClientEvents,
  SessionExpiredEvent,
  SyncCursor,
  SyncedConversation,
  SyncPayload,
  SyncResult,
} from './events.js';
export type { EditPayload, HidePayload, MessageChangedEvent, ReactPayload, RecallPayload } from './changes.js';
