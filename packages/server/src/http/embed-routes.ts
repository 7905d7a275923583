import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from './types.js';

/** The `<meta>` through which the frame page learns which parent origins it may talk to. */
export const EMBED_ORIGINS_META = 'confab-embed-origins';

/** `frame-ancestors` for the allowed origins; none configured means the server's own origin only. */
export function frameAncestors(origins: readonly string[]): string {
  return `frame-ancestors ${origins.length > 0 ? origins.join(' ') : "'self'"}`;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves the embed: the loader at `/embed.js`, the frame page at `/embed/` (with the allowed parent
 * origins injected and `Content-Security-Policy: frame-ancestors` set to the same list) and its assets.
 */
export async function registerEmbedRoutes(app: App, embedDir: string, origins: readonly string[]): Promise<void> {
  await app.register(fastifyStatic, { root: join(embedDir, 'assets'), prefix: '/embed/assets/', decorateReply: false });

  app.get('/embed.js', async (_request, reply) => {
    const script = await readFile(join(embedDir, 'embed.js'), 'utf8');
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(script);
  });

  const framePage = async (_request: unknown, reply: FastifyReply) => {
    const html = await readFile(join(embedDir, 'index.html'), 'utf8');
    const meta = `<meta name="${EMBED_ORIGINS_META}" content="${escapeAttribute(origins.join(' '))}">`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', frameAncestors(origins))
      .header('cache-control', 'no-cache')
      .header('referrer-policy', 'no-referrer')
      .send(html.replace('<head>', `<head>\n    ${meta}`));
  };
  app.get('/embed/', framePage);
  app.get('/embed', (_request, reply) => reply.redirect('/embed/'));
}
