import { createClient, type RedisClientType } from '@redis/client';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisConfig } from '../config/redis.js';
import { StartupError } from '../errors.js';

/** How long a readiness ping may take before Redis counts as unreachable. */
const PING_TIMEOUT_MS = 1000;
/** Attempts to reach Redis at start before giving up (about 3 s in all); after that, retries never stop. */
const START_ATTEMPTS = 5;

/** The Redis connections of one server node. */
export interface RedisConnection {
  /** Commands and publishing (the socket.io adapter publishes on it too). */
  readonly commands: RedisClientType;
  /** A second connection in subscriber mode, for the socket.io adapter. */
  readonly subscriber: RedisClientType;
  /** The configured prefix of every key and channel. */
  readonly prefix: string;
  /** Resolves when Redis answers PING in time; rejects otherwise (for `/readyz`). */
  ping(): Promise<void>;
  /** Closes both connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Connects to Redis twice (commands, subscriber). Redis unreachable at start fails the start with a
 * one-line StartupError after about 3 s (not a hang). A connection lost later is retried in the background and logged;
 * meanwhile `/readyz` answers 503.
 */
export async function connectRedis(config: RedisConfig, log: FastifyBaseLogger): Promise<RedisConnection> {
  let started = false;
  const reconnectStrategy = (retries: number, cause: Error): number | Error => {
    if (!started && retries >= START_ATTEMPTS) return cause;
    return Math.min(100 * 2 ** retries, 3000);
  };
  const commands: RedisClientType = createClient({ url: config.url, socket: { reconnectStrategy } });
  const subscriber: RedisClientType = commands.duplicate();
  for (const [role, client] of [['commands', commands], ['subscriber', subscriber]] as const) {
    // At start the failure is reported once, by the StartupError below.
    client.on('error', (error: unknown) => {
      if (started) log.warn({ err: error, redis: role }, 'redis connection error');
    });
  }
  try {
    await Promise.all([commands.connect(), subscriber.connect()]);
  } catch (error) {
    await Promise.allSettled([commands, subscriber].map((client) => (client.isOpen ? client.disconnect() : undefined)));
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`Redis at ${redactedUrl(config.url)} is not reachable (${reason}); check --redis-url or CONFAB_REDIS_URL.`, { cause: error });
  }
  started = true;
  let closing: Promise<void> | undefined;
  return {
    commands,
    subscriber,
    prefix: config.prefix,
    async ping() {
      // A disconnected client queues commands until it reconnects: answer "not ready" at once instead.
      if (!commands.isReady) throw new Error('Redis is not connected');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer PING within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      });
      try {
        await Promise.race([commands.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closing ??= Promise.all(
        [commands, subscriber].map((client) => (client.isOpen ? client.quit().then(() => undefined, () => client.disconnect()) : Promise.resolve())),
      ).then(() => undefined);
      return closing;
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  return url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');
}
