import type { ServerToClientEvents } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { ConversationRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';

/** The conversation, if it exists (else NOT_FOUND) and `isMember` says the caller is a member (else FORBIDDEN). */
export function checkMember(conversation: ConversationRecord | null, isMember: (conversation: ConversationRecord) => boolean): ConversationRecord {
  if (!conversation) throw new ApiError('NOT_FOUND', 'No such conversation');
  if (!isMember(conversation)) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
  return conversation;
}

/** The conversation, if it exists (else NOT_FOUND) and `userId` is a member (else FORBIDDEN), read from storage each time. */
export async function requireMember({ store }: ServiceContext, userId: string, conversationId: string): Promise<ConversationRecord> {
  return checkMember(await store.getConversation(conversationId), (conversation) => conversation.memberIds.includes(userId));
}

/** Pushes to every member: a group's room, or the members' sockets of a direct conversation in one emit. */
export function pushToMembers<E extends keyof ServerToClientEvents>(
  { notifier }: Pick<ServiceContext, 'notifier'>,
  conversation: ConversationRecord,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  if (conversation.kind === 'group') notifier.toGroup(conversation.id, event, ...args);
  else notifier.toUsers(conversation.memberIds, event, ...args);
}
