/** The storage contract of message search (part of {@link Store} as `store.messageSearch`). */
import type { Message } from '@confab/protocol';

/** Which messages to look for, on behalf of whom. */
export interface MessageSearchQuery {
  /** Only conversations this user is a member of now, and none of the messages they deleted for themselves. */
  userId: string;
  /** Found anywhere in a message's text, case-insensitively (not a word prefix: `ell` finds "hello", `世界` finds "你好世界"). */
  text: string;
  /** Only this conversation; absent: every conversation of the user. */
  conversationId?: string;
  limit: number;
}

export interface MessageSearchStore {
  /**
   * Text messages and AI replies holding `text`, newest first, at most `limit + 1` (so the caller can
   * tell there are more). Recalled messages are never found; an edited one is found by its new text only.
   */
  search(query: MessageSearchQuery): Promise<Message[]>;
}

/** Message types whose `content.text` is searchable. */
export const SEARCHABLE_TYPES = ['text', 'ai'] as const;
