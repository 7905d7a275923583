import type { Message } from './entities.js';

/** `message:recall`: the sender within the recall window, or a group's owner or admin at any time. */
export interface RecallPayload {
  messageId: string;
}

/** `message:edit`: the sender's own text message, within the edit window. */
export interface EditPayload {
  messageId: string;
  text: string;
}

/** `message:hide` ("delete for me"): hides a message of a conversation of the caller's, for the caller only. */
export interface HidePayload {
  messageId: string;
}

/** `message:react`: adds (`on: true`) or removes the caller's reaction with one of `REACTION_EMOJI`. */
export interface ReactPayload {
  messageId: string;
  emoji: string;
  on: boolean;
}

/**
 * A stored message changed (recalled, edited, or hidden for the receiving user). `changeSeq` is the
 * conversation's change counter after the change: a client that holds every change up to
 * `changeSeq - 1` is in step; one that is further behind syncs.
 */
export interface MessageChangedEvent {
  message: Message;
  changeSeq: number;
}
