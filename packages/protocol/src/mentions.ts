import type { Message } from './entities.js';

/**
 * Who a text message mentions, chosen by the sender's client: the ids of group members it names with
 * `@Name` in the text, and `all` for `@all` (the group's owner and admins only). The server checks
 * the ids and the right to `@all`; it never parses names out of the text.
 */
export interface Mentions {
  /** Members mentioned by id (deduplicated by the server, at most `LIMITS.mentionsMax`). */
  userIds: string[];
  /** `@all`: every member but the sender. */
  all?: boolean;
}

/** Whether `message` mentions `userId` (by id or by `@all`) and was sent by someone else. */
export function mentionsUser(message: Message, userId: string): boolean {
  if (message.type !== 'text' || message.senderId === userId) return false;
  const mentions = message.content.mentions;
  return mentions !== undefined && (mentions.all === true || mentions.userIds.includes(userId));
}
