import type { AiConfig } from '../config.js';
import type { Store } from '../storage/store.js';
import { ASSISTANT_USER_ID } from './assistant-user.js';

/**
 * At startup: the assistant's name and avatar from the configuration, and replies a previous
 * process left `streaming` end as INTERRUPTED (so no client waits for them forever).
 */
export async function prepareAssistant(store: Store, ai: AiConfig): Promise<void> {
  await store.updateUserProfile(ASSISTANT_USER_ID, { displayName: ai.name, avatarUrl: ai.avatarUrl });
  await store.endStreamingReplies({ code: 'INTERRUPTED', message: 'The server stopped while answering. Retry.' });
}
