import type { AuthResponse } from '@confab/protocol';
import type { FetchLike, KeyValueStorage } from './types.js';

/** The storage key of the kept session. */
export const SESSION_KEY = 'confab.session';

interface StoredSession {
  token: string;
  userId: string;
  expiresAt: number;
}

/** Keeps the session from `login` / `register` in storage (when given). @internal */
export function keepSession(storage: KeyValueStorage | undefined, auth: AuthResponse): void {
  const session: StoredSession = { token: auth.token, userId: auth.user.id, expiresAt: auth.expiresAt };
  storage?.setItem(SESSION_KEY, JSON.stringify(session));
}

/** The kept token, or null; a malformed entry is removed. @internal */
export function readSessionToken(storage: KeyValueStorage | undefined): string | null {
  const raw = storage?.getItem(SESSION_KEY);
  if (!storage || raw == null) return null;
  try {
    const token = (JSON.parse(raw) as Partial<StoredSession> | null)?.token;
    if (typeof token === 'string' && token !== '') return token;
  } catch {
    // fall through: not JSON
  }
  storage.removeItem(SESSION_KEY);
  return null;
}

/** `globalThis.fetch`, read loosely because the core is built without DOM or Node types. @internal */
export function defaultFetch(): FetchLike {
  const fetchImpl = (globalThis as { fetch?: FetchLike }).fetch;
  if (!fetchImpl) {
    return () => Promise.reject(new Error('No fetch in this environment; pass `fetch` to createChatClient.'));
  }
  return fetchImpl;
}

/** `crypto.randomUUID`, else (insecure origins lack it) a random id from the clock and Math.random. @internal */
export function defaultCreateId(now: () => number): () => string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const randomUUID = crypto?.randomUUID;
  if (randomUUID) return () => randomUUID.call(crypto);
  return () => `${now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 12)}`;
}
