export { createChatClient } from './client.js';
export { cutText, messagePreview } from './preview.js';
export { systemNoticeText } from './notices.js';
export { readCount } from './state/reads.js';
export { ClientErrorCode, ConfabError, isConfabError, isRetryableCode } from './errors.js';
export { keyValueOutbox, memoryOutbox, OUTBOX_KEY_PREFIX } from './outbox-store.js';
export type { OutboxEntry, OutboxStore } from './outbox-store.js';
export type { ConfabErrorCode } from './errors.js';
export { formatBytes } from './files.js';
export { applyMessageToList, applyMessagesToList, buildHomeList, unreadCount } from './state/home.js';
export type { HomeConversation, HomeRow } from './state/home.js';
export { isHiddenFromList, unreadTotalShare } from './state/settings.js';
export { mentionCount } from './state/mentions.js';
export { typingUserIds } from './state/typing.js';
export { isBlocked } from './state/contacts.js';
export { presenceOf } from './state/presence.js';
export { chatReducer, initialChatState } from './state/chat.js';
export { applyDelta, isGenerating } from './state/replies.js';
export type { ChatAction } from './state/actions.js';
export type {
  ChatClient,
  ChatClientEvents,
  ChatClientOptions,
  ChatState,
  ConnectionState,
  ConversationSettingsChange,
  ConversationsState,
  DeliveryState,
  FetchLike,
  FetchResponseLike,
  KeyValueStorage,
  MessagesState,
  SearchMessagesOptions,
  SendFileOptions,
  SendTextOptions,
  TimelineMessage,
  UploadableFile,
  UploadProgress,
  XhrLike,
} from './types.js';
