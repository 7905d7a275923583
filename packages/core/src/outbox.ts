import type { Message } from '@confab/protocol';
import { sendPayload } from './send-payload.js';
import type { ClientContext } from './context.js';
import { toConfabError } from './context.js';
import { ConfabError } from './errors.js';
import { timers } from './timers.js';
import type { OutboxEntry, OutboxStore } from './outbox-store.js';

/** @internal */
export interface OutboxOptions {
  store: OutboxStore;
  now: () => number;
  /** A send without an ack for this long becomes `failed`. */
  failAfterMs: number;
  /** Backoff before attempt n+1 (n >= 1). */
  backoffMs?: (attempt: number) => number;
}

/** @internal */
export interface Outbox {
  /** Queues a new send; resolves with the stored message on its ack, rejects when it fails. */
  send(message: Message): Promise<Message>;
  /** Puts a failed send back in the queue with the same clientMsgId. */
  retry(clientMsgId: string): Promise<Message> | null;
  /** Loads the user's kept sends (after a reload) and shows them as pending or failed. */
  restore(userId: string): Promise<void>;
  /** The socket is connected: send what waits. */
  online(): void;
  /** The socket dropped: attempts in flight are given up (their ack, if late, is harmless). */
  offline(): void;
  /** The session ended: forget everything in memory (`clear` also empties the store). */
  reset(clear: boolean): void;
}

const defaultBackoff = (attempt: number): number => Math.min(250 * 2 ** (attempt - 1), 5_000) * (0.5 + Math.random() / 2);
const sleep = (ms: number) => new Promise<void>((resolve) => void timers.setTimeout(resolve, ms));

/**
 * The durable outbox. Sends of one conversation go one at a time, in send order, so they are stored
 * in that order; each is retried with its clientMsgId (the server answers a repeat with the original
 * message) until acked, or failed after `failAfterMs`. Nothing is shown as sent without an ack.
 * @internal
 */
export function createOutbox(context: ClientContext, options: OutboxOptions): Outbox {
  const backoff = options.backoffMs ?? defaultBackoff;
  let entries: OutboxEntry[] = [];
  let userId: string | null = null;
  const waiters = new Map<string, { resolve: (message: Message) => void; reject: (error: ConfabError) => void }[]>();
  const pumping = new Set<string>();
  const deadlines = new Map<string, unknown>();
  let abortInFlight = new Set<(error: ConfabError) => void>();

  const persist = () => {
    if (userId) void Promise.resolve(options.store.save(userId, entries)).catch((error) => context.emitError(toConfabError(error)));
  };

  function settle(clientMsgId: string, outcome: { message: Message } | { error: ConfabError }): void {
    for (const waiter of waiters.get(clientMsgId) ?? []) {
      if ('message' in outcome) waiter.resolve(outcome.message);
      else waiter.reject(outcome.error);
    }
    waiters.delete(clientMsgId);
  }

  function wait(clientMsgId: string): Promise<Message> {
    return new Promise((resolve, reject) => waiters.set(clientMsgId, [...(waiters.get(clientMsgId) ?? []), { resolve, reject }]));
  }

  function arm(entry: OutboxEntry): void {
    timers.clearTimeout(deadlines.get(entry.message.clientMsgId));
    const left = Math.max(0, entry.since + options.failAfterMs - options.now());
    const timer = timers.setTimeout(() => fail(entry, new ConfabError('TIMEOUT', 'The message could not be sent in time.')), left);
    deadlines.set(entry.message.clientMsgId, timer);
  }

  function fail(entry: OutboxEntry, error: ConfabError): void {
    if (!entries.includes(entry) || entry.failed) return;
    timers.clearTimeout(deadlines.get(entry.message.clientMsgId));
    entry.failed = true;
    persist();
    const { conversationId, clientMsgId } = entry.message;
    context.dispatch({ type: 'send/failed', conversationId, clientMsgId, error: error.toWire() });
    context.emitError(error);
    settle(clientMsgId, { error });
  }

  function acked(entry: OutboxEntry, message: Message): void {
    timers.clearTimeout(deadlines.get(entry.message.clientMsgId));
    entries = entries.filter((candidate) => candidate !== entry);
    persist();
    context.receive(message);
    settle(entry.message.clientMsgId, { message });
  }

  /** One attempt; rejects NETWORK when the socket drops meanwhile. */
  function attempt(entry: OutboxEntry): Promise<Message> {
    const connection = context.connection();
    if (!connection) return Promise.reject(new ConfabError('NETWORK', 'Not connected.'));
    return new Promise<Message>((resolve, reject) => {
      abortInFlight.add(reject);
      connection
        .request('message:send', sendPayload(entry.message))
        .then((reply) => resolve(reply.message), reject)
        .finally(() => abortInFlight.delete(reject));
    });
  }

  async function pump(conversationId: string): Promise<void> {
    if (pumping.has(conversationId)) return;
    pumping.add(conversationId);
    const session = context.session();
    try {
      let tries = 0;
      for (;;) {
        const entry = entries.find((candidate) => candidate.message.conversationId === conversationId && !candidate.failed);
        if (!entry || session !== context.session() || context.getState().connection !== 'connected') return;
        try {
          const message = await attempt(entry);
          if (session !== context.session()) return;
          acked(entry, message);
          tries = 0;
        } catch (caught) {
          const error = toConfabError(caught);
          if (session !== context.session()) return;
          if (!error.isRetryable() && error.code !== 'UNAUTHORIZED') fail(entry, error);
          else await sleep(backoff(++tries));
        }
      }
    } finally {
      pumping.delete(conversationId);
    }
  }

  function enqueue(entry: OutboxEntry): Promise<Message> {
    const done = wait(entry.message.clientMsgId);
    arm(entry);
    void pump(entry.message.conversationId);
    return done;
  }

  return {
    send(message) {
      const entry: OutboxEntry = { message, failed: false, since: options.now() };
      entries.push(entry);
      persist();
      context.dispatch({ type: 'send/started', message });
      return enqueue(entry);
    },

    retry(clientMsgId) {
      const entry = entries.find((candidate) => candidate.message.clientMsgId === clientMsgId);
      if (!entry?.failed) return null;
      entry.failed = false;
      entry.since = options.now();
      // To the end of the queue: once acked it takes its server order.
      entries = [...entries.filter((candidate) => candidate !== entry), entry];
      persist();
      context.dispatch({ type: 'send/started', message: entry.message });
      return enqueue(entry);
    },

    async restore(user) {
      userId = user;
      const kept = await options.store.load(user);
      entries = kept.map((entry) => ({ ...entry, message: { ...entry.message } }));
      for (const entry of entries) {
        context.dispatch({ type: 'send/started', message: entry.message });
        const { conversationId, clientMsgId } = entry.message;
        if (entry.failed) context.dispatch({ type: 'send/failed', conversationId, clientMsgId, error: { code: 'UNAVAILABLE', message: 'Not sent.' } });
        else arm(entry);
      }
    },

    online() {
      for (const conversationId of new Set(entries.map((entry) => entry.message.conversationId))) void pump(conversationId);
    },

    offline() {
      const aborts = abortInFlight;
      abortInFlight = new Set();
      for (const abort of aborts) abort(new ConfabError('NETWORK', 'The connection dropped before the ack.'));
    },

    reset(clear) {
      for (const timer of deadlines.values()) timers.clearTimeout(timer);
      deadlines.clear();
      if (clear && userId) void options.store.save(userId, []);
      for (const clientMsgId of [...waiters.keys()]) settle(clientMsgId, { error: new ConfabError('UNAUTHORIZED', 'The session ended.') });
      entries = [];
      userId = null;
    },
  };
}
