import pg from 'pg';
import type { Pool, PoolConfig } from 'pg';

const { builtins } = pg.types;

/**
 * BIGINT (times in ms, counts) comes back as a number, and JSON as its text, so that rows have the
 * same shapes as SQLite's and the same mappers read them.
 */
const TYPES: NonNullable<PoolConfig['types']> = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === builtins.INT8) return (value: string) => Number(value);
    if (oid === builtins.JSONB || oid === builtins.JSON) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as NonNullable<PoolConfig['types']>['getTypeParser'],
};

export interface PoolOptions {
  /** Connections per node. @default 10 */
  max?: number;
  /** Called with errors of idle connections (a restarted database), which would otherwise crash the process. */
  onError?: (error: Error) => void;
}

/** A pool of connections to `url` (`postgres://user:password@host:port/database`). */
export function createPool(url: string, options: PoolOptions = {}): Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000, types: TYPES });
  pool.on('error', options.onError ?? (() => undefined));
  return pool;
}
