import type { ServerConfig } from '../config.js';
import { StartupError } from '../errors.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { redactDatabaseUrl } from './postgres/pool.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Where the configured store lives, for the startup log: the SQLite file, or the PostgreSQL URL without its password. */
export function describeStorage(config: Pick<ServerConfig, 'databaseFile' | 'databaseUrl'>): { backend: 'sqlite' | 'postgres'; location: string } {
  return config.databaseUrl === null
    ? { backend: 'sqlite', location: config.databaseFile }
    : { backend: 'postgres', location: redactDatabaseUrl(config.databaseUrl) };
}

/**
 * Opens the configured store and brings its schema up to date: PostgreSQL when `databaseUrl` is
 * set, else the SQLite file `databaseFile`.
 */
export async function openStore(config: Pick<ServerConfig, 'databaseFile' | 'databaseUrl'>, onPoolError?: (error: Error) => void): Promise<Store> {
  if (config.databaseUrl === null) return openSqliteStore(config.databaseFile);
  const url = config.databaseUrl;
  return openPostgresStore(url, { onError: onPoolError }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !CONNECT_FAILURES.has(code)) throw error;
    const reason = (error as Error).message || code;
    throw new StartupError(`PostgreSQL at ${redactDatabaseUrl(url)} is not reachable (${reason}); check --database-url or CONFAB_DATABASE_URL.`, { cause: error });
  });
}

/** Error codes meaning the database cannot be reached or entered (network, login, missing database), not a fault of ours. */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '28P01', '28000', '3D000']);
