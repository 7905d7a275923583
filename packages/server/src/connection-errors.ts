/** Node socket errors of a database connection that could not be made or was lost. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** PostgreSQL SQLSTATEs outside class 08 that mean "the server is going away or not accepting connections". */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres throws, without a code, when a connection is cut, times out or cannot be used. */
const PG_CONNECTION_MESSAGE = /^Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable/;

/** SQLite gave up waiting for the write lock (after busy_timeout). */
const SQLITE_BUSY = /^SQLITE_BUSY/;

function codeOf(error: object): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** The error itself, then what it wraps (`cause`, an AggregateError's `errors`), a few levels deep. */
export function errorChain(error: unknown, depth = 0): object[] {
  if (typeof error !== 'object' || error === null || depth > 3) return [];
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  const nested = [cause, ...(Array.isArray(errors) ? errors : [])];
  return [error, ...nested.flatMap((inner) => errorChain(inner, depth + 1))];
}

function isOwnConnectionError(error: object): boolean {
  const code = codeOf(error);
  if (code.startsWith('08') || PG_UNAVAILABLE.has(code) || SOCKET_CODES.has(code) || SQLITE_BUSY.test(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && PG_CONNECTION_MESSAGE.test(message);
}

/**
 * True when the store failed because the database cannot be reached right now, on either backend:
 * a PostgreSQL connection error (SQLSTATE class 08, 57P01–57P03, 53300, a refused, reset or timed-out
 * socket, a terminated connection), or SQLite still busy after its busy timeout. Such a failure is
 * worth retrying, so it is answered UNAVAILABLE (503) rather than INTERNAL. Looks through `cause`
 * and the errors of an AggregateError (a refused connection tried on IPv4 and IPv6).
 */
export function isConnectionError(error: unknown): boolean {
  return errorChain(error).some(isOwnConnectionError);
}
