import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DmPolicy, EmbedApp } from './config.js';
import { ConfigError } from './config/options.js';

/** Minimum length of an application secret (HS256 wants at least 256 bits). */
export const MIN_APP_SECRET_LENGTH = 32;

/** `@confab/embed`'s built frame beside this package (workspace or node_modules), or null when it is not there. */
export function defaultEmbedDir(): string | null {
  const candidate = fileURLToPath(new URL('../../embed/dist/frame', import.meta.url));
  return existsSync(candidate) ? candidate : null;
}

/** `https://a.example, http://127.0.0.1:4001` -> exact origins; anything but a bare origin is a ConfigError. */
export function parseOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== entry.replace(/\/$/, '')) {
      throw new ConfigError(`Invalid embed origin "${entry}": expected scheme://host[:port], e.g. https://shop.example.`);
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** `shop:secret1,blog:secret2` -> apps; ids are unique and secrets at least 32 characters. */
export function parseEmbedApps(value: string | undefined): EmbedApp[] {
  if (value === undefined) return [];
  const apps: EmbedApp[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const secret = colon > 0 ? entry.slice(colon + 1) : '';
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ConfigError(`Invalid embed app "${id || entry}": expected appId:secret with an id of letters, digits, _ or -.`);
    if (secret.length < MIN_APP_SECRET_LENGTH) throw new ConfigError(`The secret of embed app "${id}" is shorter than ${MIN_APP_SECRET_LENGTH} characters.`);
    if (apps.some((app) => app.id === id)) throw new ConfigError(`Embed app "${id}" is listed twice.`);
    apps.push({ id, secret });
  }
  return apps;
}

export function parseDmPolicy(value: string | undefined): DmPolicy {
  if (value === undefined || value === 'friends' || value === 'anyone') return value ?? 'friends';
  throw new ConfigError(`Invalid --dm-policy "${value}": use friends or anyone.`);
}
