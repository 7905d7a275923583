import type { AuthResponse } from '@confab/protocol';
import { API_PREFIX } from '@confab/protocol';

const KEY_PREFIX = 'confab.embed.session:';

interface StoredSession {
  token: string;
  userId: string;
  expiresAt: number;
}

export interface HostSessionOptions {
  /** The frame's own (partitioned) storage. */
  storage: Storage;
  /** Asks the host page for a fresh host identity token. */
  requestHostToken: () => Promise<string>;
  fetch?: typeof fetch;
  now?: () => number;
}

/** `kid:sub` of a host token (read, not verified: the server verifies it), as the storage key of its session. */
function identityKey(hostToken: string): string {
  const [header, payload] = hostToken.split('.').map((part) => {
    try {
      return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    } catch {
      return {};
    }
  });
  return `${KEY_PREFIX}${String(header?.kid)}:${String(payload?.sub)}`;
}

/**
 * The frame's Confab session for the host's current user. Each `getToken` asks the host for its token;
 * the first call reuses the session kept for that identity (after a reload), later calls (the session
 * was refused or expired) exchange the host token for a new one. No cookies anywhere.
 */
export function createHostSession(options: HostSessionOptions) {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? fetch.bind(globalThis);
  let key: string | null = null;
  let reused = false;
  let token: string | null = null;

  async function exchange(hostToken: string): Promise<StoredSession> {
    const response = await fetchImpl(`${API_PREFIX}/auth/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: hostToken }),
    });
    const body = (await response.json()) as AuthResponse & { error?: { code: string; message: string } };
    if (!response.ok) throw body.error ?? { code: 'UNAUTHORIZED', message: `exchange failed (${response.status})` };
    return { token: body.token, userId: body.user.id, expiresAt: body.expiresAt };
  }

  return {
    /** The session token last handed to the client. */
    current: () => token,
    async getToken(): Promise<string> {
      const hostToken = await options.requestHostToken();
      key = identityKey(hostToken);
      const kept = JSON.parse(storage.getItem(key) ?? 'null') as StoredSession | null;
      if (!reused && kept && kept.expiresAt > now() + 5_000) {
        reused = true;
        return (token = kept.token);
      }
      reused = true;
      const fresh = await exchange(hostToken);
      storage.setItem(key, JSON.stringify(fresh));
      return (token = fresh.token);
    },
    /** Forgets the kept session (logout). */
    forget(): void {
      if (key) storage.removeItem(key);
      reused = false;
      token = null;
    },
  };
}

export type HostSession = ReturnType<typeof createHostSession>;
