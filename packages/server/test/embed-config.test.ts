import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { tempDir } from './helpers.js';

const SECRET = 'a-shop-secret-of-at-least-32-characters';
const load = (env: Record<string, string>, argv: string[] = []) => loadConfig(argv, { CONFAB_DATA_DIR: tempDir(), CONFAB_JWT_SECRET: SECRET, ...env });

describe('embed configuration', () => {
  it('defaults to no extra origins, no apps and the friends DM policy', () => {
    expect(load({})).toMatchObject({ embedOrigins: [], embedApps: [], dmPolicy: 'friends' });
  });

  it('reads CONFAB_EMBED_ORIGINS, CONFAB_EMBED_APPS and CONFAB_DM_POLICY, flags winning', () => {
    const config = load(
      { CONFAB_EMBED_ORIGINS: 'https://shop.example, http://127.0.0.1:4001/', CONFAB_EMBED_APPS: `shop:${SECRET},blog:${SECRET}x`, CONFAB_DM_POLICY: 'friends' },
      ['--dm-policy', 'anyone', '--embed-dir', '/srv/embed'],
    );
    expect(config.embedOrigins).toEqual(['https://shop.example', 'http://127.0.0.1:4001']);
    expect(config.embedApps).toEqual([{ id: 'shop', secret: SECRET }, { id: 'blog', secret: `${SECRET}x` }]);
    expect(config.dmPolicy).toBe('anyone');
    expect(config.embedDir).toBe('/srv/embed');
  });

  it.each([
    [{ CONFAB_EMBED_ORIGINS: '*' }, /Invalid embed origin "\*"/],
    [{ CONFAB_EMBED_ORIGINS: 'https://shop.example/path' }, /Invalid embed origin/],
    [{ CONFAB_EMBED_APPS: 'shop:short' }, /shorter than 32/],
    [{ CONFAB_EMBED_APPS: `no-secret` }, /Invalid embed app/],
    [{ CONFAB_EMBED_APPS: `shop:${SECRET},shop:${SECRET}` }, /listed twice/],
    [{ CONFAB_DM_POLICY: 'everyone' }, /use friends or anyone/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });
});
