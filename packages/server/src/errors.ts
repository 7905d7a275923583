import { ERROR_HTTP_STATUS, type ErrorCode, type WireError } from '@confab/protocol';

const API_ERROR_BRAND = Symbol.for('confab.ApiError');

/**
 * The one error type of the server. Services throw it; the HTTP error handler and the socket ack
 * wrapper turn it into `{ error: { code, message, details? } }`.
 */
export class ApiError extends Error {
  readonly [API_ERROR_BRAND] = true;
  override readonly name = 'ApiError';
  /** The HTTP status that goes with the code. */
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = ERROR_HTTP_STATUS[code];
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Brand check instead of `instanceof`, so copies of the module still agree. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && API_ERROR_BRAND in value;
}

/** The wire error for an unexpected failure: nothing from the cause leaks to the client. */
export const INTERNAL_ERROR: WireError = { code: 'INTERNAL', message: 'Internal server error' };

interface ErrorLogger {
  error(object: object, message: string): void;
}

/** Fastify's own client errors (bad JSON, body too large, bad content type) have a 4xx statusCode. */
function clientErrorCode(error: { statusCode?: unknown }): WireError['code'] | null {
  const status = typeof error.statusCode === 'number' ? error.statusCode : 0;
  if (status === 413) return 'TOO_LARGE';
  // A static file the server will not serve (a path too long or outside the root) is simply not there.
  if (status === 404 || status === 403) return 'NOT_FOUND';
  if (status >= 400 && status < 500) return 'VALIDATION';
  return null;
}

/**
 * The wire error for anything thrown in a route or socket handler. Unexpected errors are logged
 * and answered as INTERNAL without their message.
 */
export function wireErrorFor(error: unknown, log: ErrorLogger): WireError {
  if (isApiError(error)) return error.toWire();
  if (error instanceof Error) {
    const code = clientErrorCode(error as { statusCode?: unknown });
    if (code) return { code, message: code === 'NOT_FOUND' ? 'Not found' : error.message };
  }
  log.error({ err: error }, 'unexpected error');
  return INTERNAL_ERROR;
}

/**
 * A service the server needs (PostgreSQL, Redis) could not be reached at start. Its message is one
 * line naming the service, the reason and the setting to check; the CLI prints it and exits 1.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
