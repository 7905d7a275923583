/** The AI assistant's user id: the server makes it everyone's contact and refuses to remove it. @internal */
export const ASSISTANT_USER_ID = 'u_assistant';

/** Whether a user is the AI assistant (a contact that cannot be removed). @internal */
export function isAssistant(userId: string): boolean {
  return userId === ASSISTANT_USER_ID;
}
