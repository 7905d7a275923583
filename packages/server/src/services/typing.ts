import type { TypingInput } from '../schemas.js';
import type { ServiceContext } from './context.js';
import { pushToMembers, requireMember } from './members.js';

/** Typing indicators: nothing stored; told to the members through their rooms, so it crosses nodes. */
export function createTypingService(context: ServiceContext) {
  return {
    /** Tells every member (a group's room, or both users' rooms) that `userId` is typing. Members only. */
    async typing(userId: string, input: TypingInput): Promise<object> {
      const conversation = await requireMember(context, userId, input.conversationId);
      pushToMembers(context, conversation, 'typing', { conversationId: conversation.id, userId });
      return {};
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
