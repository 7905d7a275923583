import type { Message, SendMessagePayload } from '@confab/protocol';

/** The wire form of a send: file messages carry only the uploaded file's id. @internal */
export function sendPayload(message: Message): SendMessagePayload {
  const { conversationId, clientMsgId } = message;
  switch (message.type) {
    case 'image':
    case 'file':
      return { conversationId, clientMsgId, type: message.type, content: { fileId: message.content.file.id } };
    default:
      // Only people's own messages are sent; an AI reply is never sent by a client.
      return {
        conversationId,
        clientMsgId,
        type: 'text',
        content: { text: 'text' in message.content ? message.content.text : '' },
        ...(message.type === 'text' && message.content.replyTo ? { replyTo: message.content.replyTo.messageId } : {}),
        ...(message.type === 'text' && message.content.mentions ? { mentions: message.content.mentions } : {}),
      };
  }
}
