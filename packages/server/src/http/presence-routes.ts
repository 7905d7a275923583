import type { PresenceListResponse, PresenceResponse, PresenceSettingsResponse } from '@confab/protocol';
import { PresenceSettingsBodySchema, UserIdParamsSchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /presence, GET /presence/:userId (friends only), PATCH /me/presence. */
export function registerPresenceRoutes(app: App, { presence }: Services): void {
  app.get('/presence', async (request): Promise<PresenceListResponse> => presence.list(request.userId));

  app.get('/presence/:userId', { schema: { params: UserIdParamsSchema } }, async (request): Promise<PresenceResponse> => ({
    presence: await presence.get(request.userId, request.params.userId),
  }));

  app.patch('/me/presence', { schema: { body: PresenceSettingsBodySchema } }, async (request): Promise<PresenceSettingsResponse> => presence.setShowPresence(request.userId, request.body.showPresence));
}
