/**
 * The AI assistant's user id. The server makes it a contact of every user, refuses to remove it and
 * never lets it into a group; clients use the id to leave out actions that cannot work for it.
 */
export const ASSISTANT_USER_ID = 'u_assistant';

/** Whether a user is the AI assistant. */
export function isAssistant(userId: string): boolean {
  return userId === ASSISTANT_USER_ID;
}
