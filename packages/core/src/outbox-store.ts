import type { Message } from '@confab/protocol';
import type { KeyValueStorage } from './types.js';

/** One send the server has not acknowledged: kept until its ack, across reloads. */
export interface OutboxEntry {
  /** The pending message (`seq` 0, `id` `pending:<clientMsgId>`); re-sent with the same clientMsgId. */
  message: Message;
  /** Gave up (an error that retrying cannot fix, or no ack within the bounded time); waits for `retry`. */
  failed: boolean;
  /** When the current round of attempts began (ms); the send fails when it is older than `sendFailAfterMs`. */
  since: number;
}

/**
 * Where the outbox persists, per user. Sync or async; `save` replaces the user's whole list.
 * Browsers: {@link keyValueOutbox}(window.localStorage). Tests and servers: {@link memoryOutbox}().
 */
export interface OutboxStore {
  load(userId: string): readonly OutboxEntry[] | Promise<readonly OutboxEntry[]>;
  save(userId: string, entries: readonly OutboxEntry[]): void | Promise<void>;
}

/** The storage key prefix of {@link keyValueOutbox}. */
export const OUTBOX_KEY_PREFIX = 'confab.outbox.';

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.failed === 'boolean' &&
    typeof entry.since === 'number' &&
    typeof entry.message?.clientMsgId === 'string' &&
    typeof entry.message.conversationId === 'string'
  );
}

/**
 * An outbox in a key-value storage such as `window.localStorage` (one JSON key per user).
 * @example createChatClient({ outbox: keyValueOutbox(window.localStorage) })
 */
export function keyValueOutbox(storage: KeyValueStorage): OutboxStore {
  return {
    load(userId) {
      const raw = storage.getItem(OUTBOX_KEY_PREFIX + userId);
      if (raw == null) return [];
      try {
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        return [];
      }
    },
    save(userId, entries) {
      if (entries.length === 0) storage.removeItem(OUTBOX_KEY_PREFIX + userId);
      else storage.setItem(OUTBOX_KEY_PREFIX + userId, JSON.stringify(entries));
    },
  };
}

/** An outbox in memory: survives reconnects, not reloads. */
export function memoryOutbox(): OutboxStore {
  const lists = new Map<string, readonly OutboxEntry[]>();
  return {
    load: (userId) => lists.get(userId) ?? [],
    save: (userId, entries) => void lists.set(userId, [...entries]),
  };
}
