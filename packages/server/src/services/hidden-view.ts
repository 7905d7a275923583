import { LIMITS, type Conversation, type HiddenMessage, type Message } from '@confab/protocol';
import type { Store } from '../storage/store.js';
import { withSettings } from './conversation-settings.js';

/** A message as its hider sees it: its place (id, seq, sender, time) without its content. */
export function hiddenView(message: Message): HiddenMessage {
  const { id, conversationId, seq, senderId, clientMsgId, createdAt } = message;
  return { id, conversationId, seq, senderId, clientMsgId, createdAt, type: 'hidden', content: {} };
}

/** The messages as `userId` sees them: with their reactions, and those they deleted for themselves hidden. */
export async function viewMessages(store: Store, userId: string, messages: Message[]): Promise<Message[]> {
  const ids = messages.map((message) => message.id);
  const [hidden, reactions] = await Promise.all([store.messageChanges.hiddenIds(userId, ids), store.reactions.listFor(ids)]);
  if (hidden.size === 0 && reactions.size === 0) return messages;
  return messages.map((message) => {
    if (hidden.has(message.id)) return hiddenView(message);
    const found = reactions.get(message.id);
    return found ? { ...message, reactions: found } : message;
  });
}

/**
 * Conversations as `userId` sees them: each with its change counter, their settings and their unread
 * mentions (one query for all), a last message they hid shown hidden, and, where a block kept the newest
 * messages from them, the newest one they may see.
 */
export async function viewConversations<C extends Conversation>(store: Store, userId: string, conversations: C[]): Promise<C[]> {
  const only = conversations.length === 1 ? conversations[0]?.id : undefined;
  const [changeSeqs, hidden, withTheirSettings, mentionSeqs] = await Promise.all([
    store.messageChanges.changeSeqs(userId),
    store.messageChanges.hiddenIds(userId, conversations.flatMap((conversation) => (conversation.lastMessage ? [conversation.lastMessage.id] : []))),
    withSettings(store, userId, conversations),
    conversations.length === 0 ? new Map<string, number[]>() : store.mentions.unreadSeqs(userId, LIMITS.mentionSeqsMax, only),
  ]);
  // Those whose newest messages a block kept from the user show the newest one they may see, at its time.
  const hiddenTails = conversations.filter((conversation) => conversation.kind === 'direct' && conversation.lastMessage && hidden.has(conversation.lastMessage.id));
  const visible = await store.blocks.visibleTails(userId, hiddenTails.map((conversation) => conversation.id));
  return withTheirSettings.map((conversation) => {
    const own = { changeSeq: changeSeqs.get(conversation.id) ?? 0, mentionSeqs: mentionSeqs.get(conversation.id) ?? [] };
    const tail = visible.get(conversation.id);
    if (tail) return { ...conversation, ...own, lastMessage: tail.lastMessage, activeAt: tail.activeAt };
    const lastMessage = conversation.lastMessage && hidden.has(conversation.lastMessage.id) ? hiddenView(conversation.lastMessage) : conversation.lastMessage;
    return { ...conversation, ...own, lastMessage };
  });
}
