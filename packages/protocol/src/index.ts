export { ErrorCode, ERROR_HTTP_STATUS, RETRYABLE_ERROR_CODES, isErrorCode } from './errors.js';
export type { ErrorBody, WireError } from './errors.js';
export { LIMITS } from './limits.js';
export { AiErrorCode } from './entities.js';
export type {
  AiReplyContent,
  AiReplyMessage,
  AiReplyStatus,
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
  FriendsResponse,
  HistoryQuery,
  HistoryResponse,
  LoginBody,
  MeResponse,
  OkResponse,
  ReadBody,
  ReadResponse,
  RegisterBody,
  RequestResponse,
  RequestsResponse,
  UsersResponse,
} from './rest.js';
export type {
  Ack,
  AiReplyPayload,
  ClientToServerEvents,
  FriendAddedEvent,
  FriendRemovedEvent,
  HandshakeAuth,
  MessageDeltaEvent,
  ReadEvent,
  ReadPayload,
  SendMessagePayload,
  ServerToClientEvents,
  SessionExpiredEvent,
} from './events.js';
