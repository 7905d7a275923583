import { LIMITS, type Message } from '@confab/protocol';

/** What the signed-in user may do to a message, as the UI offers it (the server decides again). */
export interface MessagePermissions {
  reply: boolean;
  recall: boolean;
  edit: boolean;
  deleteForMe: boolean;
}

/**
 * Recall: our own message within the recall window, or any as a group's owner or admin; edit: our own
 * text within the edit window; delete for me: any stored message; reply: any stored message with content.
 */
export function messagePermissions(message: Message, options: { mine: boolean; moderator: boolean; now: number }): MessagePermissions {
  const content = message.type === 'text' || message.type === 'image' || message.type === 'file' || message.type === 'ai';
  const age = options.now - message.createdAt;
  return {
    reply: message.seq > 0 && content,
    recall: content && message.seq > 0 && ((options.mine && age <= LIMITS.recallWindowMs) || options.moderator),
    edit: message.type === 'text' && message.seq > 0 && options.mine && age <= LIMITS.editWindowMs,
    deleteForMe: message.seq > 0 && message.type !== 'hidden',
  };
}
