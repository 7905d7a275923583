import type { ServerConfig } from '../config.js';
import { redactUrl } from '../redact-url.js';
import { storeOpenError } from './open-failure.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Where the configured store lives, for the startup log: the SQLite file, or the PostgreSQL URL without its password. */
export function describeStorage(config: Pick<ServerConfig, 'databaseFile' | 'databaseUrl'>): { backend: 'sqlite' | 'postgres'; location: string } {
  return config.databaseUrl === null
    ? { backend: 'sqlite', location: config.databaseFile }
    : { backend: 'postgres', location: redactUrl(config.databaseUrl) };
}

/**
 * Opens the configured store and brings its schema up to date: PostgreSQL when `databaseUrl` is
 * set, else the SQLite file `databaseFile`. A failure is a one-line StoreOpenError (a StartupError).
 */
export async function openStore(config: Pick<ServerConfig, 'databaseFile' | 'databaseUrl'>, onPoolError?: (error: Error) => void): Promise<Store> {
  try {
    if (config.databaseUrl === null) return openSqliteStore(config.databaseFile);
    // Loaded only for PostgreSQL: a SQLite server starts without the pg driver.
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return await openPostgresStore(config.databaseUrl, { onError: onPoolError });
  } catch (error) {
    const { backend, location } = describeStorage(config);
    throw storeOpenError(`${backend === 'postgres' ? 'PostgreSQL' : 'SQLite'} at ${location}`, error);
  }
}
