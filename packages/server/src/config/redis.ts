import { redactUrl } from '../redact-url.js';
import { ConfigError, type OptionFlag } from './options.js';

/** Redis, when several server nodes share the load. */
export interface RedisConfig {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. @example 'redis://127.0.0.1:6379' */
  url: string;
  /**
   * Starts every key and pub/sub channel this server uses, so several deployments (or test runs)
   * can share one Redis. Nodes of one deployment must use the same prefix. @default 'confab'
   */
  prefix: string;
}

const DEFAULT_PREFIX = 'confab';

/** The `--redis-*` options; null when no Redis URL is configured (one node, everything in memory). */
export function redisConfig(text: (flag: OptionFlag) => string | undefined): RedisConfig | null {
  const url = text('redis-url');
  const prefix = text('redis-prefix') ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(prefix)) {
    throw new ConfigError(`Invalid --redis-prefix "${prefix}": use 1-64 letters, digits, ":", "_", "." or "-".`);
  }
  if (url === undefined) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`Invalid --redis-url "${redactUrl(url)}": expected a redis:// or rediss:// URL.`);
  return { url, prefix };
}
