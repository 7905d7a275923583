import type { WireError } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { handshakeError } from '../realtime/socket.js';
import type { ConfabIo } from '../realtime/types.js';
import type { RedisConnection } from './redis.js';

/** The handshake refusal of a node without Redis: retryable, so clients try again (maybe on another node). */
export const REDIS_LINK_DOWN: WireError = {
  code: 'UNAVAILABLE',
  message: 'This server node has lost its Redis link; reconnect shortly (another node may take you)',
};

/**
 * A node cut off from Redis would miss every push published by the other nodes, and its clients
 * would never know. So while the link is down it closes its sockets and refuses new ones with
 * UNAVAILABLE; clients reconnect (through the balancer to another node, or here once Redis is back)
 * and catch up with `sync` from their cursors, so nothing sent meanwhile is missed.
 */
export function guardRedisLink(io: ConfabIo, redis: RedisConnection, log: FastifyBaseLogger): void {
  redis.onLinkChange((linked) => {
    if (linked) return;
    log.warn({ sockets: io.engine.clientsCount }, 'closing this node\'s sockets until Redis is back');
    io.local.disconnectSockets(true);
  });
  io.use((_socket, next) => (redis.linked ? next() : next(handshakeError(REDIS_LINK_DOWN))));
}
