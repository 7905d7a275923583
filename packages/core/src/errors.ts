import { ErrorCode, RETRYABLE_ERROR_CODES, isErrorCode } from '@confab/protocol';
import type { WireError } from '@confab/protocol';

const BRAND = Symbol.for('confab.error');

/** Codes of client-side failures, beside the server's codes. */
export const ClientErrorCode = {
  /** The server could not be reached. */
  NETWORK: 'NETWORK',
  /** No answer in time. */
  TIMEOUT: 'TIMEOUT',
  /** Cancelled by the person (an upload). */
  ABORTED: 'ABORTED',
} as const;

export type ConfabErrorCode = ErrorCode | (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** The one error type of the client. Check with `isConfabError`, not `instanceof`. */
export class ConfabError extends Error {
  readonly [BRAND] = true;
  override readonly name = 'ConfabError';
  readonly code: ConfabErrorCode;
  readonly details: unknown;

  constructor(code: ConfabErrorCode, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  /** Whether the same request may succeed when tried again. */
  isRetryable(): boolean {
    return isRetryableCode(this.code);
  }

  /** The error as it would travel on the wire. */
  toWire(): WireError {
    return { code: isErrorCode(this.code) ? this.code : ErrorCode.INTERNAL, message: this.message, details: this.details };
  }

  static fromWire(error: WireError): ConfabError {
    return new ConfabError(error.code, error.message, { details: error.details });
  }
}

/** Whether an error with this code may go away when the same request is tried again. */
export function isRetryableCode(code: string): boolean {
  return code === 'NETWORK' || code === 'TIMEOUT' || (RETRYABLE_ERROR_CODES as readonly string[]).includes(code);
}

/** Brand check that works across bundles and realms. */
export function isConfabError(value: unknown): value is ConfabError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
