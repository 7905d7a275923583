import type { MessageSearchResponse } from '@confab/protocol';
import { MessageSearchQuerySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /messages/search?q=&conversationId=&limit=. */
export function registerSearchRoutes(app: App, { messageSearch }: Services): void {
  app.get('/messages/search', { schema: { querystring: MessageSearchQuerySchema } }, async (request): Promise<MessageSearchResponse> =>
    messageSearch.search(request.userId, request.query),
  );
}
