import { LIMITS, isBlankText, type MessageSearchResponse } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { MessageSearchInput } from '../schemas.js';
import type { ServiceContext } from './context.js';
import { requireMember } from './members.js';
import { searchSnippet } from './snippet.js';

export interface MessageSearchService {
  /**
   * Messages holding `q` in the caller's conversations (those they are a member of now; in one of them when
   * `conversationId` is given: NOT_FOUND / FORBIDDEN as for history), newest first, each with its snippet.
   * A blank query is VALIDATION.
   */
  search(userId: string, input: MessageSearchInput): Promise<MessageSearchResponse>;
}

export function createMessageSearchService(context: ServiceContext): MessageSearchService {
  return {
    async search(userId, input) {
      const text = input.q.trim();
      if (isBlankText(text)) throw new ApiError('VALIDATION', 'The search text is blank', { fields: [{ field: 'q', problem: 'has no visible characters' }] });
      if (input.conversationId !== undefined) await requireMember(context, userId, input.conversationId);
      const limit = input.limit ?? LIMITS.messageSearchResultsDefault;
      const found = await context.store.messageSearch.search({ userId, text, conversationId: input.conversationId, limit });
      return {
        results: found.slice(0, limit).map((message) => ({ message, snippet: searchSnippet('text' in message.content ? message.content.text : '', text) })),
        hasMore: found.length > limit,
      };
    },
  };
}
