import type { FastifyRequest } from 'fastify';
import type { TokenService } from '../auth/tokens.js';
import type { App } from './types.js';

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Requires a valid `Authorization: Bearer <token>` on every route of `app` (UNAUTHORIZED otherwise). */
export function requireAuth(app: App, tokens: TokenService): void {
  app.addHook('onRequest', async (request) => {
    request.userId = (await tokens.verify(bearerToken(request))).userId;
  });
}
