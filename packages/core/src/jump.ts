import { LIMITS, type HistoryResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { contiguousSeq, hasGap } from './sync.js';
import { historyPath } from './timeline.js';
import type { ChatClient } from './types.js';

/** Pages fetched to close the gap after a jump, at most (each up to `historyPageMax`). */
const MAX_FILL_PAGES = 1_000;

/**
 * Jumping to a message older than the loaded timeline (a quote's original, a search result): the page
 * around it, then the pages between it and the loaded messages, so the timeline stays without gaps.
 * @internal
 */
export function createJump(context: ClientContext, openConversation: ChatClient['openConversation']): Pick<ChatClient, 'jumpTo'> {
  const { http, dispatch, inSession } = context;

  async function fetchPage(conversationId: string, query: Parameters<typeof historyPath>[1], apply: (page: HistoryResponse) => void): Promise<HistoryResponse> {
    return inSession(() => http.get<HistoryResponse>(historyPath(conversationId, query)), apply);
  }

  return {
    async jumpTo(conversationId, seq) {
      await openConversation(conversationId);
      const timeline = () => context.getState().messages[conversationId];
      const oldest = timeline()?.items.find((item) => item.state === 'sent')?.message.seq;
      if (oldest === undefined || seq >= oldest) return;
      dispatch({ type: 'history/requested', conversationId });
      try {
        await fetchPage(conversationId, { around: seq, limit: LIMITS.historyPageDefault }, ({ messages, hasMore }) =>
          dispatch({ type: 'history/loaded', conversationId, messages, hasOlder: hasMore }),
        );
        for (let page = 0; page < MAX_FILL_PAGES && hasGap(timeline()); page++) {
          const { messages } = await fetchPage(conversationId, { after: contiguousSeq(timeline()), limit: LIMITS.historyPageMax }, ({ messages: filled }) =>
            dispatch({ type: 'history/loaded', conversationId, messages: filled }),
          );
          if (messages.length === 0) break;
        }
      } catch (error) {
        dispatch({ type: 'history/failed', conversationId });
        throw error;
      }
    },
  };
}
