import { isBlankText, type EditPayload, type GroupRole, type Message, type MessageChangedEvent, type ReactPayload } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { ConversationRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';
import { hiddenView } from './hidden-view.js';
import { pushToMembers } from './members.js';

export interface MessageChangeOptions {
  /** How long after sending the sender may recall, in ms. */
  recallWindowMs: number;
  /** How long after sending the sender may edit a text, in ms. */
  editWindowMs: number;
}

/** Types whose content a recall deletes (system notices and what is already recalled stay). */
const RECALLABLE: readonly Message['type'][] = ['text', 'image', 'file', 'ai'];

/** Who may recall someone else's message in a group: the owner anyone's, an admin a member's. */
function mayRecallOthers(role: GroupRole | null, senderRole: GroupRole | null): boolean {
  return role === 'owner' || (role === 'admin' && senderRole !== 'owner');
}

/**
 * Recall, edit and delete-for-me. Every change is stamped with the conversation's change counter
 * and pushed as `message:changed`; sync carries it to devices that were away. Nothing is written on
 * a refusal.
 */
export function createMessageChangeService(context: ServiceContext, options: MessageChangeOptions) {
  const { store, notifier } = context;

  /** The message and its conversation; NOT_FOUND for a caller who is not a member (no hint it exists). */
  async function messageFor(userId: string, messageId: string): Promise<{ message: Message; conversation: ConversationRecord }> {
    const message = await store.getMessage(messageId);
    const conversation = message ? await store.getConversation(message.conversationId) : null;
    if (!message || !conversation?.memberIds.includes(userId)) throw new ApiError('NOT_FOUND', 'No such message', { field: 'messageId' });
    return { message, conversation };
  }

  function refuseRecalled(message: Message): void {
    if (message.type === 'recalled') throw new ApiError('CONFLICT', 'The message was recalled', { field: 'messageId' });
  }

  /** Pushes the change to every member, the message with its reactions as they are now. */
  async function publish(conversation: ConversationRecord, { message, changeSeq }: MessageChangedEvent): Promise<MessageChangedEvent> {
    const reactions = (await store.reactions.listFor([message.id])).get(message.id);
    const event = { message: reactions && message.type !== 'recalled' ? { ...message, reactions } : message, changeSeq };
    // A message a block kept from its recipient stays unknown to them, whatever becomes of it.
    const keptFrom = conversation.kind === 'direct' ? await store.blocks.keptFrom(message.id) : [];
    if (keptFrom.length === 0) pushToMembers(context, conversation, 'message:changed', event);
    else notifier.toUsers(conversation.memberIds.filter((id) => !keptFrom.includes(id)), 'message:changed', event);
    return event;
  }

  async function checkRecall(userId: string, message: Message, conversation: ConversationRecord): Promise<void> {
    refuseRecalled(message);
    if (!RECALLABLE.includes(message.type)) throw new ApiError('FORBIDDEN', 'System notices cannot be recalled', { field: 'messageId' });
    if (message.senderId === userId) {
      if (context.now() - message.createdAt > options.recallWindowMs) {
        throw new ApiError('TOO_LATE', `Messages can be recalled within ${Math.round(options.recallWindowMs / 1000)} seconds of sending`, { windowMs: options.recallWindowMs });
      }
      return;
    }
    if (conversation.kind === 'group') {
      const [role, senderRole] = await Promise.all([store.groups.getRole(conversation.id, userId), store.groups.getRole(conversation.id, message.senderId)]);
      if (mayRecallOthers(role, senderRole)) return;
    }
    throw new ApiError('FORBIDDEN', "You may not recall someone else's message", { field: 'messageId' });
  }

  return {
    /**
     * Recalls a message for everyone: the sender within the recall window; in a group the owner any
     * message and an admin any but the owner's, at any time. The content is deleted from storage.
     */
    async recall(userId: string, messageId: string): Promise<MessageChangedEvent> {
      const { message, conversation } = await messageFor(userId, messageId);
      await checkRecall(userId, message, conversation);
      const byName = (await store.getUser(userId))?.displayName ?? 'Someone';
      const changed = await store.messageChanges.rewrite({
        messageId,
        type: 'recalled',
        content: { byId: userId, byName, recalledAt: context.now() },
        fromTypes: RECALLABLE,
      });
      if (!changed) throw new ApiError('CONFLICT', 'The message was recalled', { field: 'messageId' });
      return publish(conversation, changed);
    },

    /** Replaces the text of the caller's own text message within the edit window; it is marked edited. */
    async edit(userId: string, input: EditPayload): Promise<MessageChangedEvent> {
      const { message, conversation } = await messageFor(userId, input.messageId);
      refuseRecalled(message);
      if (message.senderId !== userId) throw new ApiError('FORBIDDEN', 'You may only edit your own messages', { field: 'messageId' });
      if (message.type !== 'text') throw new ApiError('VALIDATION', 'Only text messages can be edited', { field: 'messageId' });
      if (isBlankText(input.text)) throw new ApiError('VALIDATION', 'The message text is blank', { fields: [{ field: 'text', problem: 'has no visible characters' }] });
      if (context.now() - message.createdAt > options.editWindowMs) {
        throw new ApiError('TOO_LATE', `Messages can be edited within ${Math.round(options.editWindowMs / 60_000)} minutes of sending`, { windowMs: options.editWindowMs });
      }
      const changed = await store.messageChanges.rewrite({ messageId: message.id, type: 'text', content: { ...message.content, text: input.text, editedAt: context.now() }, fromTypes: ['text'] });
      if (!changed) throw new ApiError('CONFLICT', 'The message was recalled', { field: 'messageId' });
      return publish(conversation, changed);
    },

    /**
     * Adds or removes the caller's reaction (one of `REACTION_EMOJI`, checked by the schema) to a
     * message with content; repeating it changes nothing and answers the message as it is.
     */
    async react(userId: string, input: ReactPayload): Promise<MessageChangedEvent> {
      const { message, conversation } = await messageFor(userId, input.messageId);
      refuseRecalled(message);
      if (!RECALLABLE.includes(message.type)) throw new ApiError('FORBIDDEN', 'System notices take no reactions', { field: 'messageId' });
      const changeSeq = await store.messageChanges.changeSeq(conversation.id);
      const changed = await store.reactions.set({ messageId: message.id, userId, emoji: input.emoji, on: input.on, now: context.now() });
      if (changed === null) {
        const reactions = (await store.reactions.listFor([message.id])).get(message.id);
        return { message: reactions ? { ...message, reactions } : message, changeSeq };
      }
      return publish(conversation, { message, changeSeq: changed });
    },

    /** Deletes a message for the caller only: hidden on every device of theirs, nobody else is told. Idempotent. */
    async hide(userId: string, messageId: string): Promise<MessageChangedEvent> {
      const { message, conversation } = await messageFor(userId, messageId);
      const changed = await store.messageChanges.hide(userId, messageId);
      const event = { message: hiddenView(message), changeSeq: changed?.changeSeq ?? (await store.messageChanges.changeSeq(conversation.id)) };
      if (changed) notifier.toUser(userId, 'message:changed', event);
      return event;
    },
  };
}

export type MessageChangeService = ReturnType<typeof createMessageChangeService>;
