import { LIMITS, conversationSettingsOf, type SyncResult, type SyncedConversation } from '@confab/protocol';
import type { SyncInput } from '../schemas.js';
import type { ServiceContext } from './context.js';
import { viewMessages } from './hidden-view.js';
import type { MessagingService } from './messaging.js';
import type { PresenceService } from './presence.js';

/**
 * Catch-up from a client's cursors. Only conversations the caller is a member of are considered
 * (cursors for others are ignored); the answer lists those that moved, each with the messages
 * after the client's `seq`, one bounded page at a time, and (for cursors with a `changeSeq`) the
 * messages recalled, edited or hidden since, so a device that was away sees every change; and the
 * caller's settings of every conversation (pin, mute, mark unread, hide made on another device); and,
 * when asked, the friends' presence.
 */
export function createSyncService({ store }: ServiceContext, messaging: Pick<MessagingService, 'listConversations'>, presence: Pick<PresenceService, 'list'>) {
  return {
    async sync(userId: string, input: SyncInput): Promise<SyncResult> {
      const limit = Math.min(input.limit ?? LIMITS.historyPageMax, LIMITS.historyPageMax);
      const cursors = new Map(input.cursors.map((cursor) => [cursor.conversationId, cursor]));
      const conversations: SyncedConversation[] = [];
      const all = await messaging.listConversations(userId);
      for (const conversation of all) {
        const cursor = cursors.get(conversation.id);
        if (!cursor) {
          conversations.push({ conversation, messages: [], hasMore: false });
          continue;
        }
        const peerReadSeq = conversation.kind === 'direct' ? conversation.peerReadSeq : undefined;
        const changeSeq = conversation.changeSeq ?? 0;
        const changed = cursor.changeSeq !== undefined && cursor.changeSeq < changeSeq;
        const moved = changed || cursor.seq !== conversation.lastSeq || cursor.readSeq !== conversation.readSeq || cursor.peerReadSeq !== peerReadSeq;
        if (!moved) continue;
        const page =
          cursor.seq < conversation.lastSeq
            ? await store.listMessages(conversation.id, { after: cursor.seq, limit })
            : { messages: [], hasMore: false };
        const entry: SyncedConversation = { conversation, messages: await viewMessages(store, userId, page.messages), hasMore: page.hasMore };
        if (cursor.changeSeq !== undefined) {
          const changes = changed
            ? await store.messageChanges.listChanges(userId, conversation.id, cursor.changeSeq, limit)
            : { messages: [], changeSeq: cursor.changeSeq, hasMore: false };
          Object.assign(entry, { changes: await viewMessages(store, userId, changes.messages), changeSeq: changes.changeSeq, hasMoreChanges: changes.hasMore });
        }
        conversations.push(entry);
      }
      // Settings: those of every conversation the caller ever changed any for (the rest are the defaults).
      const changed = await store.conversationSettings.listFor(userId);
      const settings = all.filter((conversation) => changed.has(conversation.id)).map((conversation) => ({ conversationId: conversation.id, settings: conversationSettingsOf(conversation) }));
      const result: SyncResult = settings.length > 0 ? { conversations, settings } : { conversations };
      if (input.presence) result.presence = await presence.list(userId);
      return result;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
