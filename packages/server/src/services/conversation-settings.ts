import { DEFAULT_CONVERSATION_SETTINGS, type Conversation, type ConversationSettingsEvent } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { ConversationSettingsInput } from '../schemas.js';
import type { ConversationSettingsChange } from '../storage/conversation-settings-store.js';
import type { Store } from '../storage/store.js';
import type { ServiceContext } from './context.js';
import { requireMember } from './members.js';

/** Conversations as `userId` set them: each with its settings. */
export async function withSettings<C extends Conversation>(store: Store, userId: string, conversations: C[]): Promise<C[]> {
  if (conversations.length === 0) return conversations;
  const settings = await store.conversationSettings.listFor(userId);
  return conversations.map((conversation) => {
    const { hiddenSeq, ...flags } = settings.get(conversation.id) ?? DEFAULT_CONVERSATION_SETTINGS;
    return { ...conversation, ...flags, hiddenSeq };
  });
}

/** List order: pinned first, then newest activity (ties by id). */
export function compareListOrder(a: Conversation, b: Conversation): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.activeAt - a.activeAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Pin, mute, mark unread and hide, for one user on all of their devices. Members only. */
export function createConversationSettingsService(context: ServiceContext) {
  const { store, notifier } = context;

  async function write(userId: string, conversationId: string, change: ConversationSettingsChange): Promise<ConversationSettingsEvent> {
    const settings = await store.conversationSettings.update(userId, conversationId, change, context.now());
    const event = { conversationId, settings };
    notifier.toUser(userId, 'conversation:settings', event);
    return event;
  }

  return {
    async update(userId: string, input: ConversationSettingsInput): Promise<ConversationSettingsEvent> {
      const { conversationId, hidden, ...flags } = input;
      if (hidden === undefined && Object.keys(flags).length === 0) {
        throw new ApiError('VALIDATION', 'Give at least one of pinned, muted, markedUnread and hidden', { field: 'pinned' });
      }
      const conversation = await requireMember(context, userId, conversationId);
      const change: ConversationSettingsChange = { ...flags };
      if (hidden !== undefined) change.hiddenSeq = hidden ? conversation.lastSeq : null;
      return write(userId, conversation.id, change);
    },

    /** Reading a conversation marked unread clears the mark (on every device). */
    async onRead(userId: string, conversationId: string): Promise<void> {
      const settings = await store.conversationSettings.get(userId, conversationId);
      if (settings.markedUnread) await write(userId, conversationId, { markedUnread: false });
    },
  };
}

export type ConversationSettingsService = ReturnType<typeof createConversationSettingsService>;
