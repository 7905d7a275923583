/** The storage contract of changes to stored messages (part of {@link Store} as `store.messageChanges`). */
import type { Message } from '@confab/protocol';

/** A message as it is after a change, and the conversation's change counter that stamped it. */
export interface ChangedMessage {
  message: Message;
  changeSeq: number;
}

/** A rewrite of a stored message: its new type and content, applied only while its type is one of `fromTypes`. */
export interface MessageRewrite {
  messageId: string;
  type: 'text' | 'recalled';
  content: Message['content'];
  /** The types the message may have now; any other (already recalled, say) changes nothing. */
  fromTypes: readonly Message['type'][];
}

/** A page of changes after a change cursor. */
export interface ChangePage {
  /** In change order; hidden ones as stored (the service shows them hidden). */
  messages: Message[];
  /** The counter these bring the reader to. */
  changeSeq: number;
  hasMore: boolean;
}

export interface MessageChangeStore {
  /**
   * Raises the conversation's change counter and rewrites the message with it, in one transaction.
   * Null (nothing written) when the message is unknown or its type is not in `fromTypes`.
   */
  rewrite(rewrite: MessageRewrite): Promise<ChangedMessage | null>;
  /**
   * Hides a message for one user, stamped with the conversation's next change counter. Null (nothing
   * written) when the message is unknown or already hidden for the user.
   */
  hide(userId: string, messageId: string): Promise<ChangedMessage | null>;
  /** Which of `messageIds` the user hid. */
  hiddenIds(userId: string, messageIds: readonly string[]): Promise<Set<string>>;
  /** The change counter of every conversation the user is a member of. */
  changeSeqs(userId: string): Promise<Map<string, number>>;
  /** The change counter of one conversation (0 when unknown). */
  changeSeq(conversationId: string): Promise<number>;
  /** Messages changed after `after` (and those the user hid after it), in change order, at most `limit`. */
  listChanges(userId: string, conversationId: string, after: number, limit: number): Promise<ChangePage>;
}
