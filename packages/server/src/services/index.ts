import { createAssistantService, type AssistantOptions, type AssistantService } from '../ai/replies.js';
import type { TokenService } from '../auth/tokens.js';
import { createAccountService, type AccountService } from './accounts.js';
import type { ServiceContext } from './context.js';
import { createFriendshipService, type FriendshipService } from './friendship.js';
import { createMessagingService, type MessagingService } from './messaging.js';

/** The domain services, shared by REST routes and socket handlers. */
export interface Services {
  accounts: AccountService;
  friendship: FriendshipService;
  messaging: MessagingService;
  assistant: AssistantService;
}

export function createServices(context: ServiceContext, tokens: TokenService, assistantOptions: AssistantOptions): Services {
  const assistant = createAssistantService(context, assistantOptions);
  return {
    accounts: createAccountService(context, tokens),
    friendship: createFriendshipService(context),
    messaging: createMessagingService(context, { onMessageCreated: assistant.onMessageCreated }),
    assistant,
  };
}
