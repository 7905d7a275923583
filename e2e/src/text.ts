import type { Message } from '@confab/protocol';

/** The text a message carries ('' for image and file messages). */
export function textOf(message: Message): string {
  return 'text' in message.content ? message.content.text : '';
}
