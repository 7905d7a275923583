import type { MessageSearchResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import type { ChatClient } from './types.js';

/**
 * Message search over REST; the results are not kept in the state (a search panel holds its own). The
 * server checks the text (blank: VALIDATION, too long: TOO_LARGE) and the limit. @internal
 */
export function createSearchOperations({ http }: ClientContext): Pick<ChatClient, 'searchMessages'> {
  return {
    searchMessages: (query, { conversationId, limit } = {}) =>
      http.get<MessageSearchResponse>(
        `/messages/search?q=${encodeURIComponent(query.trim())}${conversationId === undefined ? '' : `&conversationId=${encodeURIComponent(conversationId)}`}${limit === undefined ? '' : `&limit=${limit}`}`,
      ),
  };
}
