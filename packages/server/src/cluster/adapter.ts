import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { ConfabIo } from '../realtime/types.js';
import type { RedisConnection } from './redis.js';

/**
 * Carries room broadcasts and room changes (`socketsJoin`, `socketsLeave`, `disconnectSockets`)
 * to every node through Redis 7 sharded pub/sub (SPUBLISH / SSUBSCRIBE). In the default "dynamic"
 * mode each room has its own channel, so a push to `user:<id>` reaches only the nodes where that
 * user has a socket. See docs/deployment.md for why this adapter and not the Redis Streams one.
 *
 * Returns `roomsReady`: a room's channel is subscribed when a node's first socket joins it, without
 * waiting for Redis. Redis answers one connection's commands in order, so once a PING sent after the
 * joins is answered, their subscriptions are active and no push to those rooms can be missed.
 */
export function useRedisAdapter(io: ConfabIo, redis: RedisConnection): { roomsReady: () => Promise<void> } {
  io.adapter(createShardedAdapter(redis.commands, redis.subscriber, { channelPrefix: `${redis.prefix}:sio` }));
  return { roomsReady: () => redis.subscriber.ping().then(() => undefined) };
}
