export { ErrorCode, ERROR_HTTP_STATUS, RETRYABLE_ERROR_CODES, isErrorCode } from './errors.js';
export type { ErrorBody, WireError } from './errors.js';
export { LIMITS } from './limits.js';
export type {
  Conversation,
  DirectConversation,
  Friend,
  FriendRequest,
  Message,
  MessageType,
  Request,
  RequestStatus,
  TextContent,
  TextMessage,
  Timestamp,
  User,
} from './entities.js';
export { API_PREFIX } from './rest.js';
export type {
  AuthResponse,
  ConversationResponse,
  ConversationsResponse,
  CreateFriendRequestBody,
  CreateRequestBody,
  ExchangeBody,
  FriendsResponse,
  HistoryQuery,
  HistoryResponse,
  LoginBody,
  MeResponse,
  OkResponse,
  OpenConversationBody,
  ReadBody,
  ReadResponse,
  RegisterBody,
  RequestResponse,
  RequestsResponse,
  UsersResponse,
} from './rest.js';
export type {
  Ack,
  ClientToServerEvents,
  FriendAddedEvent,
  FriendRemovedEvent,
  HandshakeAuth,
  ReadEvent,
  ReadPayload,
  SendMessagePayload,
  ServerToClientEvents,
  SessionExpiredEvent,
} from './events.js';
