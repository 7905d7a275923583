import type { ConversationSettings, ConversationSettingsEvent } from '@confab/protocol';
import { reportedRequest, type ClientContext } from './context.js';
import type { ChatClient } from './types.js';

type SettingsOperations = Pick<ChatClient, 'setConversationSettings'> & {
  /** `conversation:settings` from the server (another device, or reading cleared a mark) and `sync`'s list. */
  onSettings(event: ConversationSettingsEvent): void;
};

/** Pin, mute, mark unread and hide: our settings of each conversation, the same on all of our devices. @internal */
export function createSettingsOperations(context: ClientContext): SettingsOperations {
  function onSettings({ conversationId, settings }: ConversationSettingsEvent): void {
    context.dispatch({ type: 'conversation/settings', conversationId, settings });
  }

  return {
    onSettings,
    async setConversationSettings(conversationId, change): Promise<ConversationSettings> {
      const event = await reportedRequest(context, (connection) => connection.request('conversation:settings', { conversationId, ...change }));
      onSettings(event);
      return event.settings;
    },
  };
}
