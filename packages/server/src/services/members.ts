import type { ServerToClientEvents } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { ConversationRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';

/** The conversation, if it exists (else NOT_FOUND) and `userId` is a member (else FORBIDDEN), read from storage each time. */
export async function requireMember({ store }: ServiceContext, userId: string, conversationId: string): Promise<ConversationRecord> {
  const conversation = await store.getConversation(conversationId);
  if (!conversation) throw new ApiError('NOT_FOUND', 'No such conversation');
  if (!conversation.memberIds.includes(userId)) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
  return conversation;
}

/** Pushes to every member: a group's room, or each member's sockets of a direct conversation. */
export function pushToMembers<E extends keyof ServerToClientEvents>(
  { notifier }: ServiceContext,
  conversation: ConversationRecord,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  if (conversation.kind === 'group') notifier.toGroup(conversation.id, event, ...args);
  else for (const memberId of conversation.memberIds) notifier.toUser(memberId, event, ...args);
}
