import { createServer, type Server } from 'node:http';
import type { App } from '../http/types.js';
import type { Metrics } from './metrics.js';

const ERROR_CODE = /^\{"error":\{"code":"([A-Z_]+)"/;

/**
 * Times every HTTP request (labelled by its route pattern, never the raw URL, so ids do not make
 * new series) and counts error bodies by code; serves the registry at `GET /metrics` unless
 * `serve` is false (it is then served by {@link createMetricsListener} on a port of its own).
 */
export function registerMetrics(app: App, metrics: Metrics, serve = true): void {
  const errorCodes = new WeakMap<object, string>();
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const match = ERROR_CODE.exec(payload);
      if (match) errorCodes.set(request, match[1] as string);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.http(request.method, route, reply.statusCode, reply.elapsedTime / 1000, errorCodes.get(request) ?? null);
  });
  if (!serve) return;
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}

/** A plain HTTP server answering `GET /metrics` with the registry and 404 to anything else; not listening yet. */
export function createMetricsListener(metrics: Metrics): Server {
  return createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics failed\n'),
    );
  });
}
