import type { SendContext, Store } from './store.js';

/**
 * The checks of a send in one round trip when the backend has `getSendContext`; otherwise the
 * conversation and the sender's friendship with the peer, asked one after the other.
 */
export async function readSendContext(store: Store, userId: string, conversationId: string): Promise<SendContext | null> {
  if (store.getSendContext) return store.getSendContext(userId, conversationId);
  const conversation = await store.getConversation(conversationId);
  if (!conversation) return null;
  const peerId = conversation.kind === 'direct' ? conversation.memberIds.find((id) => id !== userId) : undefined;
  const friendsWithPeer = peerId !== undefined && (await store.getFriendship(userId, peerId)) !== null;
  return { conversation, isMember: conversation.memberIds.includes(userId), friendsWithPeer };
}
