import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, helpText, loadConfig, parseCliArgs, CONFIG_OPTIONS } from '../src/index.js';
import { describeStorage } from '../src/storage/open-store.js';
import { tempDir } from './helpers.js';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('uses the defaults when nothing is given', () => {
    const dataDir = freshDir();
    const config = loadConfig([], { CONFAB_DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir,
      databaseFile: join(dataDir, 'confab.db'),
      tokenTtlSeconds: 604800,
      webDir: null,
      demo: false,
      logLevel: 'info',
    });
  });

  it('merges CONFAB_* variables and flags, flags winning', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, 'index.html'), '<!doctype html>');
    const config = loadConfig(['--port', '4100', '--demo', '--log-level', 'warn'], {
      CONFAB_PORT: '5000',
      CONFAB_HOST: '0.0.0.0',
      CONFAB_DATA_DIR: dataDir,
      CONFAB_DATABASE_FILE: join(dataDir, 'other.db'),
      CONFAB_JWT_SECRET: 'an-explicit-secret-from-the-environment',
      CONFAB_TOKEN_TTL: '60',
      CONFAB_WEB_DIR: dataDir,
      CONFAB_LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 4100,
      host: '0.0.0.0',
      databaseFile: join(dataDir, 'other.db'),
      jwtSecret: 'an-explicit-secret-from-the-environment',
      tokenTtlSeconds: 60,
      webDir: dataDir,
      demo: true,
      logLevel: 'warn',
    });
    expect(loadConfig([], { CONFAB_DATA_DIR: dataDir, CONFAB_DEMO: '1' }).demo).toBe(true);
  });

  it('generates the JWT secret once, stores it with mode 0600, and reuses it on restart', () => {
    const dataDir = freshDir();
    const first = loadConfig(['--data-dir', dataDir], {});
    const file = join(dataDir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(Buffer.from(first.jwtSecret, 'base64url')).toHaveLength(32);
    expect(loadConfig(['--data-dir', dataDir], {}).jwtSecret).toBe(first.jwtSecret);
    expect(loadConfig(['--data-dir', freshDir()], {}).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('refuses a port that is not a number, an unknown flag, and a bad log level with a ConfigError', () => {
    const dataDir = freshDir();
    expect(() => loadConfig(['--port', 'abc', '--data-dir', dataDir], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--port', 'abc', '--data-dir', dataDir], {})).toThrow(/--port "abc"/);
    expect(() => loadConfig([], { CONFAB_PORT: '70000', CONFAB_DATA_DIR: dataDir })).toThrow(ConfigError);
    expect(() => loadConfig(['--nope'], {})).toThrow(/Unknown option '--nope'/);
    expect(() => loadConfig(['--log-level', 'loud', '--data-dir', dataDir], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--token-ttl', '0', '--data-dir', dataDir], {})).toThrow(ConfigError);
  });
});

describe('the database choice', () => {
  it('stays on SQLite unless a PostgreSQL URL is given, by flag or CONFAB_DATABASE_URL', () => {
    const dataDir = freshDir();
    expect(loadConfig(['--data-dir', dataDir], {}).databaseUrl).toBeNull();
    expect(loadConfig(['--data-dir', dataDir], { CONFAB_DATABASE_URL: 'postgres://confab:pw@db:5432/confab' }).databaseUrl).toBe('postgres://confab:pw@db:5432/confab');
    expect(loadConfig(['--data-dir', dataDir, '--database-url', 'postgresql://db/confab'], { CONFAB_DATABASE_URL: 'postgres://other/x' }).databaseUrl).toBe('postgresql://db/confab');
  });

  it('refuses a URL of another kind without repeating it (it may hold a password)', () => {
    const dataDir = freshDir();
    const load = () => loadConfig(['--data-dir', dataDir], { CONFAB_DATABASE_URL: 'mysql://root:hunter2@db/confab' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/expected postgres:\/\//);
    expect(load).not.toThrow(/hunter2/);
  });

  it('names the database in the startup log without its password', () => {
    expect(describeStorage({ databaseFile: '/data/confab.db', databaseUrl: null })).toEqual({ backend: 'sqlite', location: '/data/confab.db' });
    const described = describeStorage({ databaseFile: '/data/confab.db', databaseUrl: 'postgres://confab:s3cret@db.internal:5432/confab?sslmode=require' });
    expect(described).toEqual({ backend: 'postgres', location: 'postgres://confab:***@db.internal:5432/confab?sslmode=require' });
  });
});

describe('command-line parsing', () => {
  it('recognises --help and -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
    expect(parseCliArgs(['-h'])).toEqual({ help: true });
    expect(parseCliArgs(['--port', '1', '--demo'])).toEqual({ help: false, flags: { port: '1', demo: true } });
  });

  it('refuses stray arguments', () => {
    expect(() => parseCliArgs(['serve'])).toThrow(ConfigError);
  });

  it('lists every option with its environment variable in the help text', () => {
    const help = helpText();
    for (const option of CONFIG_OPTIONS) {
      expect(help).toContain(`--${option.flag}`);
      expect(help).toContain(option.env);
    }
  });
});
