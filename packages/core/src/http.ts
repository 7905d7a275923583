import { API_PREFIX, ERROR_HTTP_STATUS, ErrorCode, isErrorCode } from '@confab/protocol';
import { ConfabError } from './errors.js';
import type { FetchLike } from './types.js';

/** A small JSON client for the REST API. @internal */
export interface Http {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

/** @internal */
export interface HttpOptions {
  url: string;
  fetch: FetchLike;
  /** The current token, sent as `Authorization: Bearer`. */
  getToken: () => string | null;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Maps an `{ error: { code, message, details } }` body (or anything else) to a ConfabError. */
/** @internal */
export function toError(status: number, body: unknown): ConfabError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && isErrorCode(error.code)) {
    return new ConfabError(error.code, typeof error.message === 'string' ? error.message : error.code, { details: error.details });
  }
  const code =
    Object.values(ErrorCode).find((candidate) => ERROR_HTTP_STATUS[candidate] === status) ??
    (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION);
  return new ConfabError(code, `HTTP ${status}`, { details: body });
}

/** @internal */
export function createHttp(options: HttpOptions): Http {
  const base = `${options.url.replace(/\/+$/, '')}${API_PREFIX}`;
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const fetchImpl = options.fetch;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let status: number;
    let ok: boolean;
    let text: string;
    try {
      const response = await fetchImpl(`${base}${path}`, init);
      ({ status, ok } = response);
      text = await response.text();
    } catch (cause) {
      throw new ConfabError('NETWORK', `${method} ${path} failed: the server could not be reached`, { cause });
    }
    const parsed = parseJson(text);
    if (!ok) throw toError(status, parsed);
    return parsed as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    patch: (path, body) => request('PATCH', path, body),
  };
}
