/** The storage contract of reactions (part of {@link Store} as `store.reactions`). */
import type { Reaction } from '@confab/protocol';

export interface ReactionChange {
  messageId: string;
  userId: string;
  emoji: string;
  /** true adds the reaction, false removes it. */
  on: boolean;
  now: number;
}

export interface ReactionStore {
  /**
   * Adds or removes one reaction; when that changed anything, raises the conversation's change counter
   * and stamps the message with it, in one transaction. Returns the new counter, or null when nothing
   * changed (already there, or not there to remove) or the message is unknown.
   */
  set(change: ReactionChange): Promise<number | null>;
  /** The reactions of each of `messageIds` that has any: emoji in first-use order, users in reaction order. */
  listFor(messageIds: readonly string[]): Promise<Map<string, Reaction[]>>;
}
