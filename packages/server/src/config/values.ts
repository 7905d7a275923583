import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from './options.js';

/** A web app folder must hold an index.html; a wrong path stops the start instead of serving 404s. */
export function webDirOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  const dir = resolve(value);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new ConfigError(`Invalid --web-dir "${value}": ${join(dir, 'index.html')} does not exist (build the web app with "pnpm build").`);
  }
  return dir;
}

/** A PostgreSQL URL (`postgres://` or `postgresql://`); the message never repeats it, since it may hold a password. */
export function databaseUrlOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError('Invalid --database-url: expected postgres://user:password@host:port/database.');
  }
  return value;
}

export function listOption(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = value.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
  return items.length === 0 ? null : items;
}

export function integerOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`Invalid --${name} "${value}": expected a whole number from ${min} to ${max}.`);
  }
  return number;
}

export function booleanOption(value: string | boolean | undefined, name: string): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`Invalid --${name} "${value}": expected 1 or 0.`);
}

/** Shortest accepted token secret, as for the generated `<dataDir>/jwt-secret`. */
export const JWT_SECRET_MIN_LENGTH = 32;

/** A given token secret must be at least 32 characters; the message never repeats it. */
export function jwtSecretOption(value: string | undefined): string | undefined {
  if (value === undefined || value.length >= JWT_SECRET_MIN_LENGTH) return value;
  throw new ConfigError(`Invalid --jwt-secret: use at least ${JWT_SECRET_MIN_LENGTH} characters (e.g. openssl rand -base64 48), not ${value.length}.`);
}

/** Reads `<dataDir>/jwt-secret`, or writes 32 random bytes there (mode 0600) on first start. */
export function loadOrCreateJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= JWT_SECRET_MIN_LENGTH) return secret;
    throw new ConfigError(`${file} holds a secret shorter than ${JWT_SECRET_MIN_LENGTH} characters; delete it to generate a new one.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
