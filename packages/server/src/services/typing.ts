import type { TypingInput } from '../schemas.js';
import type { ServiceContext } from './context.js';
import { pushToMembers, requireMember } from './members.js';

/** Typing indicators: nothing stored; told to the members through their rooms, so it crosses nodes. */
export function createTypingService(context: ServiceContext) {
  return {
    /** Tells every member (a group's room, or both users' rooms) that `userId` is typing. Members only. */
    async typing(userId: string, input: TypingInput): Promise<object> {
      const conversation = await requireMember(context, userId, input.conversationId);
      const peerId = conversation.kind === 'direct' ? conversation.memberIds.find((id) => id !== userId) : undefined;
      // A peer who blocks the typist is not told (nor is the typist told why).
      if (peerId !== undefined && (await context.store.blocks.between(userId, peerId)).blockedBy) return {};
      pushToMembers(context, conversation, 'typing', { conversationId: conversation.id, userId });
      return {};
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
