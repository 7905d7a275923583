import { LIMITS, isBlankText, textLength, type Message, type MessageChangedEvent } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { toConfabError } from './context.js';
import { ConfabError } from './errors.js';
import { heldChangeSeq } from './state/changes.js';
import type { ChatClient } from './types.js';

type ChangeOperations = Pick<ChatClient, 'recall' | 'edit' | 'deleteForMe'> & {
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
    const inStep = changeSeq === held + 1;
    context.dispatch({ type: 'messages/changed', conversationId: message.conversationId, messages: [message], ...(inStep ? { changeSeq } : {}) });
    if (changeSeq > held + 1) catchUp();
  }

  async function act(run: () => Promise<MessageChangedEvent>): Promise<Message> {
    try {
      const event = await run();
      onChanged(event);
      return event.message;
    } catch (caught) {
      const error = toConfabError(caught);
      context.emitError(error);
      throw error;
    }
  }

  function connection() {
    const open = context.connection();
    if (!open) throw new ConfabError('NETWORK', 'Not connected.');
    return open;
  }

  return {
    onChanged,
    recall: (messageId) => act(() => connection().request('message:recall', { messageId })),
    deleteForMe: (messageId) => act(() => connection().request('message:hide', { messageId })),
    async edit(messageId, text) {
      const body = text.trim();
      if (isBlankText(body)) throw new ConfabError('VALIDATION', 'A message needs some text.');
      if (textLength(body) > LIMITS.textMaxLength) throw new ConfabError('TOO_LARGE', `A message holds at most ${LIMITS.textMaxLength} characters.`);
      return act(() => connection().request('message:edit', { messageId, text: body }));
    },
  };
}
