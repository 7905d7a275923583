import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, tempDir, type TestServer } from './helpers.js';

let t: TestServer;

beforeAll(async () => {
  const webDir = tempDir();
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="app"></div>');
  t = await startServer(['--web-dir', webDir]);
});
afterAll(async () => {
  await t.stop();
});

/** A raw GET, so that headers and paths reach the server exactly as written. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('errors raised before routing keep the wire shape', () => {
  it('answers a URL that does not decode with VALIDATION', async () => {
    const result = await rawGet(t.url, '/api/v1/conversations/%FF');
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'VALIDATION', message: 'The URL is malformed' } });
  });

  it('answers headers over the parser limit with TOO_LARGE (431)', async () => {
    const result = await rawGet(t.url, '/api/v1/me', { 'x-padding': 'x'.repeat(20_000) });
    expect(result.status).toBe(431);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'TOO_LARGE' } });
  });

  it('answers a static path too long to exist with NOT_FOUND, not a misleading message', async () => {
    const result = await rawGet(t.url, `/assets/${'a'.repeat(5000)}.js`);
    expect(result.status).toBe(404);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });

  it('does not serve files outside the web directory through encoded traversal', async () => {
    const result = await rawGet(t.url, '/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect(result.body).not.toContain('root:');
    expect(result.status).toBe(404);
  });
});

describe('--web-dir', () => {
  it('refuses a folder without index.html at start instead of serving 404s', () => {
    expect(() => loadConfig(['--data-dir', tempDir(), '--web-dir', '/no/such/dir'], {})).toThrow(/index\.html does not exist/);
  });
});
