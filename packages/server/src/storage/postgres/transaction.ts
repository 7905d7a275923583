import type { Pool, PoolClient } from 'pg';

/** What runs a query: the pool (one statement, autocommit) or a client inside a transaction. */
export type Queryable = Pool | PoolClient;

/** Thrown inside {@link inTransaction}'s work to roll the transaction back and return `value`. */
export class RollBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

/** SQLSTATEs after which the whole transaction may simply run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection: commits what it returns,
 * rolls back on a throw ({@link RollBack} returns its value instead of throwing), and runs it again
 * (up to 3 times) when PostgreSQL aborted it for a deadlock or a serialization failure.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      if (error instanceof RollBack) return error.value as T;
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw error;
    } finally {
      // A connection whose ROLLBACK failed is discarded, not returned to the pool.
      client.release(broken);
    }
  }
}
