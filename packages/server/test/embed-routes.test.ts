import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type TestServer } from './helpers.js';

describe('the embed routes', () => {
  let t: TestServer;
  const embedDir = tempDir();
  beforeAll(async () => {
    mkdirSync(join(embedDir, 'assets'));
    writeFileSync(join(embedDir, 'index.html'), '<!doctype html><html><head><title>frame</title></head><body></body></html>');
    writeFileSync(join(embedDir, 'embed.js'), 'window.Confab={};');
    writeFileSync(join(embedDir, 'assets', 'frame.js'), 'console.info(1)');
    t = await startServer(['--embed-dir', embedDir, '--embed-origins', 'http://127.0.0.1:4001,https://shop.example']);
  });
  afterAll(() => t.stop());

  it('serves /embed/ with frame-ancestors and the same origins injected into the page', async () => {
    const response = await fetch(`${t.url}/embed/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe('frame-ancestors http://127.0.0.1:4001 https://shop.example');
    const html = await response.text();
    expect(html).toContain('<meta name="confab-embed-origins" content="http://127.0.0.1:4001 https://shop.example">');
    expect(html).toContain('<title>frame</title>');
  });

  it('serves the loader at /embed.js and the frame assets', async () => {
    const loader = await fetch(`${t.url}/embed.js`);
    expect(loader.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await loader.text()).toBe('window.Confab={};');
    expect(await (await fetch(`${t.url}/embed/assets/frame.js`)).text()).toBe('console.info(1)');
  });

  it('allows only the server’s own origin when no origins are configured', async () => {
    const own = await startServer(['--embed-dir', embedDir]);
    try {
      const response = await fetch(`${own.url}/embed/`);
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
      expect(await response.text()).toContain('<meta name="confab-embed-origins" content="">');
    } finally {
      await own.stop();
    }
  });
});
