import type { Conversation, HiddenMessage, Message } from '@confab/protocol';
import type { Store } from '../storage/store.js';

/** A message as its hider sees it: its place (id, seq, sender, time) without its content. */
export function hiddenView(message: Message): HiddenMessage {
  const { id, conversationId, seq, senderId, clientMsgId, createdAt } = message;
  return { id, conversationId, seq, senderId, clientMsgId, createdAt, type: 'hidden', content: {} };
}

/** The messages as `userId` sees them: those they deleted for themselves hidden. */
export async function viewMessages(store: Store, userId: string, messages: Message[]): Promise<Message[]> {
  const hidden = await store.messageChanges.hiddenIds(userId, messages.map((message) => message.id));
  return hidden.size === 0 ? messages : messages.map((message) => (hidden.has(message.id) ? hiddenView(message) : message));
}

/** Conversations as `userId` sees them: each with its change counter, a last message they hid shown hidden. */
export async function viewConversations<C extends Conversation>(store: Store, userId: string, conversations: C[]): Promise<C[]> {
  const [changeSeqs, hidden] = await Promise.all([
    store.messageChanges.changeSeqs(userId),
    store.messageChanges.hiddenIds(userId, conversations.flatMap((conversation) => (conversation.lastMessage ? [conversation.lastMessage.id] : []))),
  ]);
  return conversations.map((conversation) => {
    const lastMessage = conversation.lastMessage && hidden.has(conversation.lastMessage.id) ? hiddenView(conversation.lastMessage) : conversation.lastMessage;
    return { ...conversation, lastMessage, changeSeq: changeSeqs.get(conversation.id) ?? 0 };
  });
}
