import type { AuthResponse, MeResponse } from '@confab/protocol';
import { ExchangeBodySchema, LoginBodySchema, RegisterBodySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** Public: POST /auth/register, POST /auth/login, POST /auth/exchange. */
export function registerAuthRoutes(app: App, { accounts }: Services): void {
  app.post('/auth/register', { schema: { body: RegisterBodySchema } }, async (request, reply): Promise<AuthResponse> => {
    reply.status(201);
    return accounts.register(request.body);
  });
  app.post('/auth/login', { schema: { body: LoginBodySchema } }, async (request): Promise<AuthResponse> => accounts.login(request.body));
  app.post('/auth/exchange', { schema: { body: ExchangeBodySchema } }, async (request): Promise<AuthResponse> => accounts.exchange(request.body.token));
}

/** Authenticated: GET /me. */
export function registerMeRoutes(app: App, { accounts, presence }: Services): void {
  app.get('/me', async (request): Promise<MeResponse> => {
    const user = await accounts.me(request.userId);
    return { user, presenceSettings: await presence.settings(request.userId) };
  });
}
