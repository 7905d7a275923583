/** The AI assistant's bot user: created by migration 2, a contact of every user. */
export const ASSISTANT_USER_ID = 'u_assistant';

/** Reserved: nobody can register it (the bot's row holds it) and nobody can log in as it. */
export const ASSISTANT_USERNAME = 'assistant';

export function isAssistant(userId: string): boolean {
  return userId === ASSISTANT_USER_ID;
}
