import { LIMITS } from '@confab/protocol';
import { createAssistantService, type AssistantOptions, type AssistantService } from '../ai/replies.js';
import type { TokenService } from '../auth/tokens.js';
import { createMemoryPresenceTracker, type PresenceTracker } from '../realtime/presence-tracker.js';
import { createAccountService, type AccountService } from './accounts.js';
import type { ServiceContext } from './context.js';
import { createConversationSettingsService, type ConversationSettingsService } from './conversation-settings.js';
import { createFileService, type FileService, type FileServiceOptions } from './files.js';
import { createFriendshipService, type FriendshipService } from './friendship.js';
import { createGroupAccess } from './group-access.js';
import { createGroupRequestService } from './group-requests.js';
import { createGroupService, type GroupService } from './groups.js';
import { createRequestService, type RequestService } from './requests.js';
import { createMessageChangeService, type MessageChangeOptions, type MessageChangeService } from './message-changes.js';
import { createMessageSearchService, type MessageSearchService } from './message-search.js';
import { createMessagingService, type MessagingService } from './messaging.js';
import { createPresenceService, type PresenceService } from './presence.js';
import { createSyncService, type SyncService } from './sync.js';
import { createTypingService, type TypingService } from './typing.js';

/** The domain services, shared by REST routes and socket handlers. */
export interface Services {
  accounts: AccountService;
  friendship: FriendshipService;
  groups: GroupService;
  /** Friend and group requests as one model. */
  requests: RequestService;
  messaging: MessagingService;
  /** Recall, edit and delete-for-me. */
  messageChanges: MessageChangeService;
  /** Messages found by their text. */
  messageSearch: MessageSearchService;
  /** Pin, mute, mark unread, hide: one user's settings of their conversations. */
  conversationSettings: ConversationSettingsService;
  sync: SyncService;
  /** Typing indicators (nothing stored). */
  typing: TypingService;
  /** Online / last seen for friends, and its privacy setting. */
  presence: PresenceService;
  files: FileService;
  assistant: AssistantService;
}

export interface ServiceOptions {
  files: FileServiceOptions;
  assistant: AssistantOptions;
  /** Recall and edit windows. @default LIMITS.recallWindowMs and LIMITS.editWindowMs */
  messageChanges?: MessageChangeOptions;
  /** Who is online, and where presence failures are reported. @default one node's sockets in memory; failures ignored */
  presence?: { tracker: PresenceTracker; onError: (error: unknown, userId: string) => void };
}

export function createServices(context: ServiceContext, tokens: TokenService, options: ServiceOptions): Services {
  const files = createFileService(context, options.files);
  const assistant = createAssistantService(context, options.assistant);
  const presence = createPresenceService(context, options.presence?.tracker ?? createMemoryPresenceTracker(), options.presence?.onError ?? (() => undefined));
  const friendship = createFriendshipService(context, presence.befriended);
  const groupAccess = createGroupAccess(context);
  const conversationSettings = createConversationSettingsService(context);
  const messaging = createMessagingService(context, { files, onMessageCreated: assistant.onMessageCreated, onRead: conversationSettings.onRead });
  return {
    accounts: createAccountService(context, tokens),
    friendship,
    groups: createGroupService(context, groupAccess),
    requests: createRequestService(friendship, createGroupRequestService(context, groupAccess)),
    messaging,
    messageChanges: createMessageChangeService(context, options.messageChanges ?? { recallWindowMs: LIMITS.recallWindowMs, editWindowMs: LIMITS.editWindowMs }),
    messageSearch: createMessageSearchService(context),
    conversationSettings,
    sync: createSyncService(context, messaging, presence),
    typing: createTypingService(context),
    presence,
    files,
    assistant,
  };
}
