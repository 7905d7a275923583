import type { RequestResponse, RequestsResponse } from '@confab/protocol';
import { CreateRequestBodySchema, IdParamsSchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /requests, POST /requests, POST /requests/:id/accept|reject|cancel. */
export function registerRequestRoutes(app: App, { friendship }: Services): void {
  app.get('/requests', async (request): Promise<RequestsResponse> => ({ requests: await friendship.listRequests(request.userId) }));

  app.post('/requests', { schema: { body: CreateRequestBodySchema } }, async (request, reply): Promise<RequestResponse> => {
    const created = await friendship.createRequest(request.userId, request.body);
    reply.status(created.status === 'pending' ? 201 : 200);
    return { request: created };
  });

  const actions = {
    accept: friendship.acceptRequest,
    reject: friendship.rejectRequest,
    cancel: friendship.cancelRequest,
  } as const;
  for (const [action, handle] of Object.entries(actions)) {
    app.post(`/requests/:id/${action}`, { schema: { params: IdParamsSchema } }, async (request): Promise<RequestResponse> => ({
      request: await handle(request.userId, request.params.id),
    }));
  }
}
