/**
 * Error codes shared by REST responses and socket acks.
 * Every error on the wire is `{ error: { code, message, details? } }`.
 */
export const ErrorCode = {
  /** The payload does not match the schema (wrong type, missing field, bad format). */
  VALIDATION: 'VALIDATION',
  /** No token, a bad token, or an expired token. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The caller is known but not allowed to do this (not a member, not the target, ...). */
  FORBIDDEN: 'FORBIDDEN',
  /** The thing does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with the current state (already handled, already friends, name taken). */
  CONFLICT: 'CONFLICT',
  /** Too many requests; retry later. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A field or body is larger than the documented limit. */
  TOO_LARGE: 'TOO_LARGE',
  /** A direct message to someone who is not (or no longer) a friend. */
  NOT_FRIENDS: 'NOT_FRIENDS',
  /** The server failed; the request may be retried. */
  INTERNAL: 'INTERNAL',
  /** The server is shutting down or not ready; retry on another connection. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** The time to do this has passed (recall or edit after its window). */
  TOO_LATE: 'TOO_LATE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status that goes with each code on REST responses. */
export const ERROR_HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  NOT_FRIENDS: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  TOO_LATE: 403,
};

/** Codes worth retrying with the same request (the same `clientMsgId` for sends). */
export const RETRYABLE_ERROR_CODES: readonly ErrorCode[] = ['RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE'];

/** The error object inside an error response or a failed ack. */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** A REST error response body. */
export interface ErrorBody {
  error: WireError;
}

/** Tells whether a value is a valid error code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCode, value);
}
