/** The AI assistant's bot user: created by migration 3, a contact of every user. */
export { ASSISTANT_USER_ID, isAssistant } from '@confab/protocol';

/** Reserved: nobody can register it (the bot's row holds it) and nobody can log in as it. */
export const ASSISTANT_USERNAME = 'assistant';
