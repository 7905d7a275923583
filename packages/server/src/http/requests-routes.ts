import type { RequestResponse, RequestsResponse } from '@confab/protocol';
import { CreateRequestBodySchema, IdParamsSchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /requests, POST /requests, POST /requests/:id/accept|reject|cancel. */
export function registerRequestRoutes(app: App, { requests }: Services): void {
  app.get('/requests', async (request): Promise<RequestsResponse> => ({ requests: await requests.list(request.userId) }));

  app.post('/requests', { schema: { body: CreateRequestBodySchema } }, async (request, reply): Promise<RequestResponse> => {
    const created = await requests.create(request.userId, request.body);
    reply.status(created.status === 'pending' ? 201 : 200);
    return { request: created };
  });

  const actions = {
    accept: requests.accept,
    reject: requests.reject,
    cancel: requests.cancel,
  } as const;
  for (const [action, handle] of Object.entries(actions)) {
    app.post(`/requests/:id/${action}`, { schema: { params: IdParamsSchema } }, async (request): Promise<RequestResponse> => ({
      request: await handle(request.userId, request.params.id),
    }));
  }
}
