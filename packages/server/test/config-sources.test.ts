import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { describeStorage } from '../src/storage/open-store.js';
import { redactUrl } from '../src/redact-url.js';
import { tempDir } from './helpers.js';

const dataDir = tempDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const SECRET = 'a-token-secret-of-at-least-32-characters';
const load = (env: Record<string, string>, argv: string[] = []) => () => loadConfig(argv, { CONFAB_DATA_DIR: dataDir, CONFAB_JWT_SECRET: SECRET, ...env });

describe('URLs in logs and errors', () => {
  it('masks the userinfo password and every credential query parameter of database and Redis URLs', () => {
    expect(redactUrl('postgres://app@db:5432/app?password=S3cret&sslmode=require')).toBe('postgres://app@db:5432/app?password=***&sslmode=require');
    expect(redactUrl('postgres://app:S3cret@db/app?sslpassword=KeyPw&sslkey=%2Fk.pem&options=-c%20search_path%3Dconfab')).toBe(
      'postgres://app:***@db/app?sslpassword=***&sslkey=%2Fk.pem&options=-c%20search_path%3Dconfab',
    );
    expect(redactUrl('redis://127.0.0.1:6391?password=RedisPw')).toBe('redis://127.0.0.1:6391?password=***');
    expect(redactUrl('rediss://default:RedisPw@cache:6380/2')).toBe('rediss://default:***@cache:6380/2');
    expect(redactUrl('postgres://u:p@[bad')).toBe('postgres://(unparsable URL)');
  });

  it('the startup log of a PostgreSQL store does not show a ?password= parameter', () => {
    const described = describeStorage({ databaseFile: '/x.db', databaseUrl: 'postgres://confab@db:5432/confab?password=hunter2' });
    expect(described.location).toBe('postgres://confab@db:5432/confab?password=***');
  });

  it('a bad Redis URL error does not repeat its password', () => {
    const bad = load({ CONFAB_REDIS_URL: 'redis://u:hunter2@cache:6379/?password=hunter3 x' });
    expect(bad).toThrow(/Invalid CONFAB_REDIS_URL "redis:\/\/u:\*\*\*@cache:6379/);
    expect(bad).not.toThrow(/hunter/);
  });
});

describe('values from the environment', () => {
  it('refuses an empty CONFAB_DATABASE_URL, CONFAB_REDIS_URL, CONFAB_AI_BASE_URL, CONFAB_REDIS_PREFIX or CONFAB_JWT_SECRET', () => {
    for (const name of ['CONFAB_DATABASE_URL', 'CONFAB_REDIS_URL', 'CONFAB_AI_BASE_URL', 'CONFAB_REDIS_PREFIX', 'CONFAB_JWT_SECRET']) {
      expect(load({ [name]: '' }), name).toThrow(new ConfigError(`${name} is set but empty: give it a value, or unset it for the default.`));
    }
  });

  it('still reads an empty value of other variables as not set', () => {
    expect(load({ CONFAB_PORT: '', CONFAB_HOST: '' })()).toMatchObject({ port: 3000, host: '127.0.0.1' });
  });

  it('names the variable, not the flag, when the bad value came from the environment', () => {
    expect(load({ CONFAB_DATABASE_URL: 'mysql://x' })).toThrow(/^Invalid CONFAB_DATABASE_URL: expected postgres:\/\//);
    expect(load({}, ['--database-url', 'mysql://x'])).toThrow(/^Invalid --database-url: expected/);
    expect(load({ CONFAB_PORT: 'abc' })).toThrow(/^Invalid CONFAB_PORT "abc"/);
  });

  it('refuses a token secret shorter than 32 characters without repeating it', () => {
    expect(load({ CONFAB_JWT_SECRET: 'short-secret' })).toThrow('Invalid CONFAB_JWT_SECRET: use at least 32 characters (e.g. openssl rand -base64 48), not 12.');
    expect(load({}, ['--jwt-secret', 'x'.repeat(31)])).toThrow(/^Invalid --jwt-secret: use at least 32/);
    expect(load({}, ['--jwt-secret', 'x'.repeat(32)])().jwtSecret).toBe('x'.repeat(32));
  });
});
