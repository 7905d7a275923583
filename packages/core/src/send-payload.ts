import type { Message, SendMessagePayload } from '@confab/protocol';

/** The wire form of a send: file messages carry only the uploaded file's id. @internal */
export function sendPayload({ conversationId, clientMsgId, type, content }: Message): SendMessagePayload {
  if ('file' in content) return { conversationId, clientMsgId, type: type as 'image' | 'file', content: { fileId: content.file.id } };
  return { conversationId, clientMsgId, type: 'text', content };
}
