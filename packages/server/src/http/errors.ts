import { API_PREFIX, ERROR_HTTP_STATUS, type ErrorBody } from '@confab/protocol';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

/** Fastify's pre-routing errors (a URL that does not decode, ...) answered in the wire shape. */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const wire = wireErrorFor(error, request.log);
  const body: ErrorBody = { error: error.code === 'FST_ERR_BAD_URL' ? { code: 'VALIDATION', message: 'The URL is malformed' } : wire };
  void reply.status(ERROR_HTTP_STATUS[body.error.code]).send(body);
}

const PARSER_ERRORS: Readonly<Record<string, { status: number; body: ErrorBody }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, body: { error: { code: 'TOO_LARGE', message: 'The request line or headers are too large' } } },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, body: { error: { code: 'UNAVAILABLE', message: 'The request took too long to arrive' } } },
};
const MALFORMED = { status: 400, body: { error: { code: 'VALIDATION', message: 'The request is malformed' } } as ErrorBody };

/**
 * Requests that Node's HTTP parser refuses (headers over 16 KB, garbage) never reach Fastify's
 * routes; they are answered in the wire shape too, and the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const answer = PARSER_ERRORS[error.code ?? ''] ?? MALFORMED;
  const json = JSON.stringify(answer.body);
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
