import { LIMITS, textLength, type MessageSearchResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { ConfabError } from './errors.js';
import type { ChatClient } from './types.js';

type SearchOperations = Pick<ChatClient, 'searchMessages'>;

/** Message search over REST; the results are not kept in the state (a search panel holds its own). @internal */
export function createSearchOperations({ http }: ClientContext): SearchOperations {
  return {
    async searchMessages(query, options = {}) {
      const text = query.trim();
      if (text === '') throw new ConfabError('VALIDATION', 'The search text is empty');
      if (textLength(text) > LIMITS.messageSearchQueryMaxLength) throw new ConfabError('TOO_LARGE', `The search text is longer than ${LIMITS.messageSearchQueryMaxLength} characters`);
      const params: [string, string | number | undefined][] = [['q', text], ['conversationId', options.conversationId], ['limit', options.limit]];
      const queryString = params.flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`])).join('&');
      return http.get<MessageSearchResponse>(`/messages/search?${queryString}`);
    },
  };
}
