import { messagePreview, type ChatClient } from '@confab/core';
import type { Message } from '@confab/protocol';
import type { PortChannel } from '../src/channel.js';
import type { EmbedEvents } from '../src/protocol.js';

const PREVIEW_LENGTH = 100;

/** Sends the host the widget's events: unread (the server's total), message summaries, errors, content height. */
export function forwardEvents(client: ChatClient, host: PortChannel): () => void {
  const emit = <E extends keyof EmbedEvents>(event: E, payload: EmbedEvents[E]) => host.emit(event, payload);
  let lastTotal: number | null = null;
  let waiting: Message[] = [];
  const announce = () => {
    const list = client.getState().conversations.list;
    waiting = waiting.filter((message) => {
      const conversation = list.find((candidate) => candidate.id === message.conversationId);
      if (!conversation) return true;
      // A group's sender is named by the group's name (members' names are not in the list state).
      const senderName =
        conversation.kind === 'group' ? conversation.group.name : conversation.peer.id === message.senderId ? conversation.peer.displayName : '';
      emit('message', { conversationId: message.conversationId, senderName, preview: messagePreview(message, PREVIEW_LENGTH) });
      return false;
    });
  };
  const stops = [
    client.on('state', (state) => {
      // Only once the list came from the server: right after a reload the total is the server's, never a 0 before loading.
      const total = state.conversations.loaded ? state.conversations.unreadTotal : state.me ? null : 0;
      if (total === null || total === lastTotal) return;
      lastTotal = total;
      emit('unread', { total });
    }),
    client.on('message', (message) => {
      waiting.push(message);
      announce();
    }),
    // A message of a new conversation comes before its row; its summary waits for the sender's name.
    client.on('state', () => announce()),
    client.on('error', (error) => emit('error', { code: error.code, message: error.message })),
  ];
  let lastHeight = 0;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) emit('resize', { height: (lastHeight = height) });
  });
  observer.observe(document.body);
  return () => {
    for (const stop of stops) stop();
    observer.disconnect();
  };
}
