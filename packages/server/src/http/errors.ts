import { API_PREFIX, ERROR_HTTP_STATUS, type ErrorBody } from '@confab/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { wireErrorFor } from '../errors.js';
import type { App } from './types.js';

function wantsSpa(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    request.method === 'GET' &&
    !path.startsWith(`${API_PREFIX}/`) && path !== API_PREFIX &&
    !path.startsWith('/socket.io') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/**
 * Every error leaves as `{ error: { code, message, details? } }` with the matching status; unknown
 * routes are NOT_FOUND, except page loads of the web app, which get its index.html.
 */
export function installErrorHandling(app: App, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error, request, reply) => {
    const wire = wireErrorFor(error, request.log);
    const body: ErrorBody = { error: wire };
    return reply.status(ERROR_HTTP_STATUS[wire.code]).send(body);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (options.spaFallback && wantsSpa(request)) return reply.type('text/html').sendFile('index.html');
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } };
    return reply.status(404).send(body);
  });
}
