import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { ConfabIo } from '../realtime/types.js';
import type { RedisConnection } from './redis.js';

/**
 * Carries room broadcasts and room changes (`socketsJoin`, `socketsLeave`, `disconnectSockets`)
 * to every node through Redis 7 sharded pub/sub (SPUBLISH / SSUBSCRIBE). In the default "dynamic"
 * mode each room has its own channel, so a push to `user:<id>` reaches only the nodes where that
 * user has a socket. See docs/deployment.md for why this adapter and not the Redis Streams one.
 */
export function useRedisAdapter(io: ConfabIo, redis: RedisConnection): void {
  io.adapter(createShardedAdapter(redis.commands, redis.subscriber, { channelPrefix: `${redis.prefix}:sio` }));
}
