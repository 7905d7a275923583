import type { ReplyRef } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { Store } from '../storage/store.js';

/** The place of the message a reply quotes; VALIDATION unless it is a message of the same conversation. */
export async function replyRefFor(store: Store, conversationId: string, messageId: string): Promise<ReplyRef> {
  const quoted = await store.getMessage(messageId);
  if (!quoted || quoted.conversationId !== conversationId) {
    throw new ApiError('VALIDATION', 'replyTo must be a message of this conversation', { fields: [{ field: 'replyTo', problem: 'is not a message of this conversation' }] });
  }
  return { messageId: quoted.id, seq: quoted.seq, senderId: quoted.senderId };
}
