import type { HistoryResponse, Message, MessageDeltaEvent } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { path, reportedRequest, toConfabError } from './context.js';
import { applyDelta, isGenerating } from './state/replies.js';
import type { ChatClient } from './types.js';

type ReplyOperations = Pick<ChatClient, 'stopReply' | 'retryReply'> & {
  /** `message:delta`: folded in order; a gap re-fetches the message. */
  onDelta(event: MessageDeltaEvent): void;
  /** After a reconnect: re-fetches every reply still generating (its text so far; deltas follow). */
  refreshGenerating(): Promise<void>;
};

/** Stopping, retrying and following AI replies. @internal */
export function createReplyOperations(context: ClientContext): ReplyOperations {
  const { http, dispatch } = context;
  const fetching = new Set<string>();

  const find = (conversationId: string, messageId: string): Message | undefined =>
    context.getState().messages[conversationId]?.items.find((item) => item.message.id === messageId)?.message;

  /** The stored copy of one message (by its seq), applied in place. */
  async function refetch(message: Message): Promise<void> {
    if (fetching.has(message.id)) return;
    fetching.add(message.id);
    try {
      const query = `after=${message.seq - 1}&limit=1`;
      await context.inSession(
        () => http.get<HistoryResponse>(`${path`/conversations/${message.conversationId}`}/messages?${query}`),
        ({ messages }) => {
          const fresh = messages.find((candidate) => candidate.id === message.id);
          if (fresh) dispatch({ type: 'message/updated', message: fresh });
        },
      );
    } catch (error) {
      context.emitError(toConfabError(error));
    } finally {
      fetching.delete(message.id);
    }
  }

  async function act(event: 'ai:stop' | 'ai:retry', messageId: string): Promise<Message> {
    const { message } = await reportedRequest(context, (connection) => connection.request(event, { messageId }));
    dispatch({ type: 'message/updated', message });
    return message;
  }

  return {
    stopReply: (messageId) => act('ai:stop', messageId),
    retryReply: (messageId) => act('ai:retry', messageId),

    onDelta(event) {
      const known = find(event.conversationId, event.messageId);
      if (!known) return;
      if (applyDelta(known, event).outcome === 'gap') void refetch(known);
      else dispatch({ type: 'message/delta', event });
    },

    async refreshGenerating() {
      const generating = Object.values(context.getState().messages).flatMap((timeline) =>
        timeline.items.filter((item) => isGenerating(item.message)).map((item) => item.message),
      );
      await Promise.all(generating.map(refetch));
    },
  };
}
