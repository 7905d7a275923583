import type { Message, MessageChangedEvent } from '@confab/protocol';
import type { ClientContext } from './context.js';
import type { Connection } from './connection.js';
import { reportedRequest } from './context.js';
import { heldChangeSeq } from './state/changes.js';
import { checkedText } from './timeline.js';
import type { ChatClient } from './types.js';

type ChangeOperations = Pick<ChatClient, 'recall' | 'edit' | 'deleteForMe' | 'react'> & {
  /** `message:changed` (and our own acks): applied at once; a change past a gap makes `catchUp` run. */
  onChanged(event: MessageChangedEvent): void;
};

/** Recall, edit and delete-for-me, and following other devices' and members' changes. @internal */
export function createChangeOperations(context: ClientContext, catchUp: () => void): ChangeOperations {
  function onChanged({ message, changeSeq }: MessageChangedEvent): void {
    const state = context.getState();
    const conversation = state.conversations.list.find((candidate) => candidate.id === message.conversationId);
    const held = heldChangeSeq(state.messages[message.conversationId]?.changeSeq, conversation?.changeSeq);
    // In step only when this is the next change; otherwise the message still shows at once and sync fills the gap.
    context.dispatch({ type: 'messages/changed', conversationId: message.conversationId, messages: [message], changeSeq: changeSeq === held + 1 ? changeSeq : undefined });
    if (changeSeq > held + 1) catchUp();
  }

  async function act(run: (connection: Connection) => Promise<MessageChangedEvent>): Promise<Message> {
    const event = await reportedRequest(context, run);
    onChanged(event);
    return event.message;
  }

  return {
    onChanged,
    recall: (messageId) => act((connection) => connection.request('message:recall', { messageId })),
    deleteForMe: (messageId) => act((connection) => connection.request('message:hide', { messageId })),
    react: (messageId, emoji, on) => act((connection) => connection.request('message:react', { messageId, emoji, on })),
    async edit(messageId, text) {
      const body = checkedText(text);
      return act((connection) => connection.request('message:edit', { messageId, text: body }));
    },
  };
}
