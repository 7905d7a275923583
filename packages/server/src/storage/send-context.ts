import type { SendContext, Store } from './store.js';

/**
 * The checks of a send in one round trip when the backend has `getSendContext`; otherwise the
 * conversation, the sender's friendship with the peer and the blocks between them, asked one after the other.
 */
export async function readSendContext(store: Store, userId: string, conversationId: string): Promise<SendContext | null> {
  if (store.getSendContext) return store.getSendContext(userId, conversationId);
  const conversation = await store.getConversation(conversationId);
  if (!conversation) return null;
  const peerId = conversation.kind === 'direct' ? conversation.memberIds.find((id) => id !== userId) : undefined;
  const friendsWithPeer = peerId !== undefined && (await store.getFriendship(userId, peerId)) !== null;
  const blocks = peerId === undefined ? { blocks: false, blockedBy: false } : await store.blocks.between(userId, peerId);
  return { conversation, isMember: conversation.memberIds.includes(userId), friendsWithPeer, blocksPeer: blocks.blocks, blockedByPeer: blocks.blockedBy };
}
