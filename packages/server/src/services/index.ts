import { createAssistantService, type AssistantOptions, type AssistantService } from '../ai/replies.js';
import type { TokenService } from '../auth/tokens.js';
import { createAccountService, type AccountService } from './accounts.js';
import type { ServiceContext } from './context.js';
import { createFileService, type FileService, type FileServiceOptions } from './files.js';
import { createFriendshipService, type FriendshipService } from './friendship.js';
import { createMessagingService, type MessagingService } from './messaging.js';
import { createSyncService, type SyncService } from './sync.js';

/** The domain services, shared by REST routes and socket handlers. */
export interface Services {
  accounts: AccountService;
  friendship: FriendshipService;
  messaging: MessagingService;
  sync: SyncService;
  files: FileService;
  assistant: AssistantService;
}

export interface ServiceOptions {
  files: FileServiceOptions;
  assistant: AssistantOptions;
}

export function createServices(context: ServiceContext, tokens: TokenService, options: ServiceOptions): Services {
  const files = createFileService(context, options.files);
  const assistant = createAssistantService(context, options.assistant);
  return {
    accounts: createAccountService(context, tokens),
    friendship: createFriendshipService(context),
    messaging: createMessagingService(context, { files, onMessageCreated: assistant.onMessageCreated }),
    sync: createSyncService(context),
    files,
    assistant,
  };
}
