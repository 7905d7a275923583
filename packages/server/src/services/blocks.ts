import type { BlockedUser } from '@confab/protocol';
import { isAssistant } from '../ai/assistant-user.js';
import { ApiError } from '../errors.js';
import type { ServiceContext } from './context.js';

/**
 * Blocking: the blocker's own devices are told (`block:changed`); the one blocked never is. What a
 * block does to messages, requests and typing is decided where those are sent (messaging,
 * friendship, typing), from the state stored here, so it holds on every node.
 */
export function createBlockService(context: ServiceContext, onChange: (userId: string, otherId: string) => Promise<void> = async () => undefined) {
  const { store, notifier } = context;

  /** Refuses blocking oneself or the assistant (VALIDATION). */
  function checkTarget(userId: string, otherId: string): void {
    if (otherId === userId) throw new ApiError('VALIDATION', 'You cannot block yourself', { field: 'userId' });
    if (isAssistant(otherId)) throw new ApiError('VALIDATION', 'The assistant cannot be blocked', { field: 'userId' });
  }

  return {
    /** Blocks `otherId`; repeating it changes nothing and answers with the same block. */
    async block(userId: string, otherId: string): Promise<BlockedUser> {
      checkTarget(userId, otherId);
      const block = await store.blocks.block(userId, otherId, context.now());
      if (!block) throw new ApiError('NOT_FOUND', 'No such user', { field: 'userId' });
      notifier.toUser(userId, 'block:changed', { change: 'blocked', block });
      await onChange(userId, otherId);
      return block;
    },

    /** Lifts a block; unblocking someone not blocked changes nothing. Messages sent meanwhile stay undelivered. */
    async unblock(userId: string, otherId: string): Promise<void> {
      checkTarget(userId, otherId);
      if (await store.blocks.unblock(userId, otherId)) {
        notifier.toUser(userId, 'block:changed', { change: 'unblocked', userId: otherId });
        await onChange(userId, otherId);
      } else if (!(await store.getUser(otherId))) throw new ApiError('NOT_FOUND', 'No such user', { field: 'userId' });
    },

    list: (userId: string): Promise<BlockedUser[]> => store.blocks.list(userId),
  };
}

export type BlockService = ReturnType<typeof createBlockService>;
