import type { ConversationResponse, ConversationsResponse, HistoryResponse, ReadResponse } from '@confab/protocol';
import { HistoryQuerySchema, IdParamsSchema, OpenConversationBodySchema, ReadBodySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /conversations, POST /conversations, GET /conversations/:id, GET /conversations/:id/messages, POST /conversations/:id/read. */
export function registerConversationRoutes(app: App, { messaging }: Services): void {
  app.get('/conversations', async (request): Promise<ConversationsResponse> => ({
    conversations: await messaging.listConversations(request.userId),
  }));

  app.post('/conversations', { schema: { body: OpenConversationBodySchema } }, async (request): Promise<ConversationResponse> => ({
    conversation: await messaging.openDirect(request.userId, request.body.userId),
  }));

  app.get('/conversations/:id', { schema: { params: IdParamsSchema } }, async (request): Promise<ConversationResponse> => ({
    conversation: await messaging.getConversation(request.userId, request.params.id),
  }));

  app.get(
    '/conversations/:id/messages',
    { schema: { params: IdParamsSchema, querystring: HistoryQuerySchema } },
    async (request): Promise<HistoryResponse> => messaging.history(request.userId, request.params.id, request.query),
  );

  app.post(
    '/conversations/:id/read',
    { schema: { params: IdParamsSchema, body: ReadBodySchema } },
    async (request): Promise<ReadResponse> =>
      messaging.markRead(request.userId, { conversationId: request.params.id, seq: request.body.seq }),
  );
}
