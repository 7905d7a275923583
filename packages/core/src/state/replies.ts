import type { Message, MessageDeltaEvent } from '@confab/protocol';

/** Whether a message is an AI reply still being generated. */
export function isGenerating(message: Message): boolean {
  return message.type === 'ai' && message.content.status === 'streaming';
}

/**
 * Folds one `message:delta` into a streaming reply: the next index appends its text; a repeated or
 * older index changes nothing (`same`); a later one means deltas were missed (`gap`: fetch the message).
 */
export function applyDelta(message: Message, event: MessageDeltaEvent): { outcome: 'applied'; message: Message } | { outcome: 'same' | 'gap' } {
  if (message.type !== 'ai' || message.content.status !== 'streaming' || event.messageId !== message.id) return { outcome: 'same' };
  const { deltas, text } = message.content;
  if (event.index < deltas) return { outcome: 'same' };
  if (event.index > deltas) return { outcome: 'gap' };
  return { outcome: 'applied', message: { ...message, content: { text: text + event.text, status: 'streaming', deltas: deltas + 1 } } };
}
