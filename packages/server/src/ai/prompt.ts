import type { Message } from '@confab/protocol';
import type { AiConfig } from '../config.js';
import type { Store } from '../storage/store.js';
import { isAssistant } from './assistant-user.js';
import type { ChatTurn } from './provider.js';

/** What the assistant says when no provider is configured. It never pretends to be a model. */
export const NOT_CONFIGURED_TEXT = [
  'No language model is configured on this server, so I cannot answer yet.',
  '',
  'To connect one, set `CONFAB_AI_BASE_URL` (an OpenAI-compatible endpoint, such as `https://api.openai.com/v1`, or `http://127.0.0.1:11434/v1` for Ollama), `CONFAB_AI_API_KEY` and `CONFAB_AI_MODEL`, then restart the server. The guide docs/guide/ai.md ("AI assistant" in the documentation) has the details.',
].join('\n');

/** Text worth sending as context: user text, and the assistant's finished or stopped replies. */
function turnText(message: Message): string | null {
  if (message.type === 'text') return message.content.text;
  if (message.type !== 'ai') return null;
  const { content } = message;
  return (content.status === 'complete' || content.status === 'stopped') && content.text !== '' ? content.text : null;
}

/** The system prompt, then the last `contextMessages` messages before `reply`, oldest first. */
export async function buildContext(store: Store, ai: AiConfig, reply: Message): Promise<ChatTurn[]> {
  const page = await store.listMessages(reply.conversationId, { before: reply.seq, limit: ai.contextMessages });
  const turns: ChatTurn[] = [{ role: 'system', content: ai.systemPrompt }];
  for (const message of page.messages) {
    const content = turnText(message);
    if (content !== null) turns.push({ role: isAssistant(message.senderId) ? 'assistant' : 'user', content });
  }
  return turns;
}
