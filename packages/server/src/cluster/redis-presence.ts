import { randomUUID } from 'node:crypto';
import type { PresenceTracker } from '../realtime/presence-tracker.js';
import type { RedisConnection } from './redis.js';

/** How long a node's entry counts without being renewed. @default 30 s */
export const PRESENCE_LEASE_MS = 30_000;

// Keys share the hash tag `{presence}`, so the scripts also run on Redis Cluster (one slot).
// user:<id> is a sorted set: member = node id, score = when that node's lease ends. leases is one sorted
// set of every entry ("<node> <user>", score = lease end), for finding the entries of dead nodes.

// KEYS: user key, leases. ARGV: now, lease end, node, user, key ttl. Returns 1 when no other live node had the user.
const ADD_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local others = redis.call('ZCARD', KEYS[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then others = others - 1 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3] .. ' ' .. ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
if others == 0 then return 1 end
return 0
`;

// KEYS: user key, leases. ARGV: now, node, user. Returns 1 when this node's entry was the user's last live one.
const REMOVE_SCRIPT = `
redis.call('ZREM', KEYS[2], ARGV[2] .. ' ' .. ARGV[3])
local removed = redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if removed == 1 and redis.call('ZCARD', KEYS[1]) == 0 then return 1 end
return 0
`;

// KEYS: leases. ARGV: now, user key prefix, how many at most. Drops expired entries; returns the users left with none.
const REAP_SCRIPT = `
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local offline = {}
for _, member in ipairs(expired) do
  redis.call('ZREM', KEYS[1], member)
  local space = string.find(member, ' ', 1, true)
  local node = string.sub(member, 1, space - 1)
  local key = ARGV[2] .. string.sub(member, space + 1)
  local lease = redis.call('ZSCORE', key, node)
  if lease and tonumber(lease) <= tonumber(ARGV[1]) then
    redis.call('ZREM', key, node)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[1])
    if redis.call('ZCARD', key) == 0 then table.insert(offline, string.sub(member, space + 1)) end
  end
end
return offline
`;

export interface RedisPresenceOptions {
  /** How long an entry counts without renewal. @default PRESENCE_LEASE_MS */
  leaseMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** This node's id. @default a random UUID */
  nodeId?: string;
}

/**
 * The tracker of a deployment of several nodes. Each node counts its own sockets in memory and keeps,
 * per user with sockets here, an entry in Redis that expires unless renewed (every third of the
 * lease). A node that dies without cleaning up stops counting once its entries' leases end; the next
 * `refresh` of any node drops them and reports the users that left offline (once, atomically).
 */
export function createRedisPresenceTracker(redis: RedisConnection, options: RedisPresenceOptions = {}): PresenceTracker {
  const leaseMs = options.leaseMs ?? PRESENCE_LEASE_MS;
  const now = options.now ?? Date.now;
  const nodeId = options.nodeId ?? randomUUID();
  const userPrefix = `${redis.prefix}:{presence}:user:`;
  const leasesKey = `${redis.prefix}:{presence}:leases`;
  const counts = new Map<string, number>();
  const keyTtl = String(leaseMs * 2);

  const add = (userId: string): Promise<boolean> =>
    redis.commands
      .eval(ADD_SCRIPT, { keys: [userPrefix + userId, leasesKey], arguments: [String(now()), String(now() + leaseMs), nodeId, userId, keyTtl] })
      .then((first) => Number(first) === 1);

  return {
    refreshMs: Math.max(1, Math.floor(leaseMs / 3)),
    async connected(userId) {
      const count = (counts.get(userId) ?? 0) + 1;
      counts.set(userId, count);
      return count === 1 ? add(userId) : false;
    },
    async disconnected(userId) {
      const count = (counts.get(userId) ?? 0) - 1;
      if (count > 0) {
        counts.set(userId, count);
        return false;
      }
      counts.delete(userId);
      const last = await redis.commands.eval(REMOVE_SCRIPT, { keys: [userPrefix + userId, leasesKey], arguments: [String(now()), nodeId, userId] });
      return Number(last) === 1;
    },
    async onlineOf(userIds) {
      if (userIds.length === 0) return new Set();
      const from = String(now() + 1);
      const multi = redis.commands.multi();
      for (const userId of userIds) multi.zCount(userPrefix + userId, from, '+inf');
      const live = (await multi.exec()) as unknown as number[];
      return new Set(userIds.filter((_userId, index) => Number(live[index]) > 0));
    },
    async refresh() {
      const leaseEnd = now() + leaseMs;
      if (counts.size > 0) {
        const multi = redis.commands.multi();
        for (const userId of counts.keys()) {
          multi.zAdd(userPrefix + userId, { score: leaseEnd, value: nodeId });
          multi.pExpire(userPrefix + userId, Number(keyTtl));
          multi.zAdd(leasesKey, { score: leaseEnd, value: `${nodeId} ${userId}` });
        }
        multi.pExpire(leasesKey, Number(keyTtl));
        await multi.exec();
      }
      const offline = await redis.commands.eval(REAP_SCRIPT, { keys: [leasesKey], arguments: [String(now()), userPrefix, '1000'] });
      return offline as string[];
    },
  };
}
