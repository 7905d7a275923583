import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../cluster/redis.js';

/** Whether an assistant reply may start now; an admitted one holds a concurrency slot until `release()`. */
export type Admission = { admitted: true; release(): void } | { admitted: false; reason: 'busy' | 'rate-limited' };

/**
 * The assistant's admission: at most `maxConcurrent` replies generating at once (server-wide, or
 * deployment-wide with Redis) and at most `perMinute` starts per user in any minute.
 */
export interface AssistantLimits {
  admit(userId: string): Promise<Admission>;
}

export interface LimitSettings {
  perMinute: number;
  maxConcurrent: number;
  now: () => number;
}

const WINDOW_MS = 60_000;

/** An admission whose `release` frees the slot on its first call only. */
function admitted(free: () => void): Admission {
  let released = false;
  return {
    admitted: true,
    release() {
      if (released) return;
      released = true;
      free();
    },
  };
}

/** Limits of one node, in memory: a sliding window per user and a counter of replies in flight. */
export function createMemoryLimits({ perMinute, maxConcurrent, now }: LimitSettings): AssistantLimits {
  const starts = new Map<string, number[]>();
  let active = 0;
  return {
    async admit(userId) {
      if (active >= maxConcurrent) return { admitted: false, reason: 'busy' };
      const since = now() - WINDOW_MS;
      const recent = (starts.get(userId) ?? []).filter((at) => at > since);
      starts.set(userId, recent);
      if (recent.length >= perMinute) return { admitted: false, reason: 'rate-limited' };
      recent.push(now());
      active++;
      return admitted(() => active--);
    },
  };
}

/**
 * A slot of a node that died without releasing it is freed after this long. Replies that stream
 * longer than this free their slot early (the limit is then briefly exceeded, never stuck).
 */
export const SLOT_LEASE_MS = 5 * 60_000;

// KEYS: slots (zset member=slot id, score=lease end), starts of the user (zset score=start time).
// ARGV: now, window, perMinute, maxConcurrent, lease, slot id. Returns 0 admitted, 1 busy, 2 rate-limited.
const ADMIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 1 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 2 end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[5]), ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 0
`;

/**
 * The same limits shared by every node through Redis: one Lua script checks and takes both
 * atomically. Keys share the hash tag `{ai}`, so the script also runs on Redis Cluster. When Redis
 * cannot be reached the reply is refused as busy (never unlimited).
 */
export function createRedisLimits(redis: RedisConnection, { perMinute, maxConcurrent, now }: LimitSettings, onError: (error: unknown) => void): AssistantLimits {
  const slotsKey = `${redis.prefix}:{ai}:slots`;
  return {
    async admit(userId) {
      const slotId = randomUUID();
      let outcome: number;
      try {
        const args = [now(), WINDOW_MS, perMinute, maxConcurrent, SLOT_LEASE_MS, slotId].map(String);
        outcome = Number(await redis.commands.eval(ADMIT_SCRIPT, { keys: [slotsKey, `${redis.prefix}:{ai}:starts:${userId}`], arguments: args }));
      } catch (error) {
        onError(error);
        return { admitted: false, reason: 'busy' };
      }
      if (outcome === 1) return { admitted: false, reason: 'busy' };
      if (outcome === 2) return { admitted: false, reason: 'rate-limited' };
      return admitted(() => void redis.commands.zRem(slotsKey, slotId).catch(onError));
    },
  };
}
