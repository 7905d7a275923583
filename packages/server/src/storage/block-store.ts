/** The storage contract of blocks (part of {@link Store} as `store.blocks`). */
import type { BlockedUser, Message } from '@confab/protocol';

/** Who of two users blocks the other, read together. */
export interface BlocksBetween {
  /** The first user blocks the second. */
  blocks: boolean;
  /** The second user blocks the first. */
  blockedBy: boolean;
}

/** What a conversation shows a user when its newest messages were kept from them by a block. */
export interface VisibleTail {
  /** The newest message the user may see, or null. */
  lastMessage: Message | null;
  /** Its time, or the conversation's creation when there is none. */
  activeAt: number;
}

export interface BlockStore {
  /** `userId` blocks `blockedId` (idempotent: a repeat keeps the first time); returns the block. Null when `blockedId` is unknown. */
  block(userId: string, blockedId: string, now: number): Promise<BlockedUser | null>;
  /** Lifts the block; false when there was none. */
  unblock(userId: string, blockedId: string): Promise<boolean>;
  /** The users `userId` blocks, most recent first. */
  list(userId: string): Promise<BlockedUser[]>;
  /** The users `userId` blocks or is blocked by, in one query (presence is hidden between them both ways). */
  blockedEither(userId: string): Promise<string[]>;
  /** Whether `userId` blocks `otherId` and whether `otherId` blocks `userId`, in one query. */
  between(userId: string, otherId: string): Promise<BlocksBetween>;
  /**
   * For those of `conversationIds` whose newest message a block kept from `userId`: the newest one
   * they may see and its time, in one query. Conversations not in that state are left out.
   */
  visibleTails(userId: string, conversationIds: readonly string[]): Promise<Map<string, VisibleTail>>;
  /** The users a block kept message `messageId` from (its recipient, while the sender was blocked). */
  keptFrom(messageId: string): Promise<string[]>;
}
