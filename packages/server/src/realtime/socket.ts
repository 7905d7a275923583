import { LIMITS, type WireError } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { TokenService } from '../auth/tokens.js';
import { isApiError, wireErrorFor } from '../errors.js';
import type { Services } from '../services/index.js';
import { CorkedWebSocketServer } from './corked-frames.js';
import type { Drain } from './drain.js';
import { createEventBinder, type AckObserver } from './handlers.js';
import { groupRoom, userRoom } from './notifier.js';
import type { ConfabIo, ConfabSocket } from './types.js';

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** An Error for `next(error)` whose `data` reaches the client as `connect_error`'s `err.data`. */
export function handshakeError(wire: WireError): Error & { data: WireError } {
  return Object.assign(new Error(wire.message), { data: wire });
}

/** Ends the socket's session when its token expires: `session:expired`, then disconnect. */
function scheduleExpiry(socket: ConfabSocket): void {
  expireOrWait(socket);
  socket.once('disconnect', clearExpiry);
}

// Shared functions with the socket as argument or `this`, not closures per socket: idle sockets stay
// small. The timer is kept on the socket, not in `socket.data`, which the Redis adapter may serialize.
const EXPIRY = Symbol('expiry timer');
type ExpiringSocket = ConfabSocket & { [EXPIRY]?: NodeJS.Timeout };

function expireOrWait(socket: ExpiringSocket): void {
  const remaining = socket.data.expiresAt - Date.now();
  if (remaining <= 0) {
    socket.emit('session:expired', { reason: 'expired' });
    socket.disconnect(true);
    return;
  }
  socket[EXPIRY] = setTimeout(expireOrWait, Math.min(remaining, MAX_TIMER_MS), socket);
}

function clearExpiry(this: ExpiringSocket): void {
  clearTimeout(this[EXPIRY]);
}

/** The ids that tie a socket's log lines together. */
function socketIds(socket: ConfabSocket): { socketId: string; userId: string } {
  return { socketId: socket.id, userId: socket.data.userId };
}

/** Creates the socket.io server on Fastify's HTTP server (one port), refusing handshakes without a valid token. */
export function createRealtime(httpServer: HttpServer, tokens: TokenService): ConfabIo {
  // No connectionStateRecovery: a reconnecting socket is a new socket whose rooms are rebuilt from
  // stored membership, and the client catches up with `sync` from its own cursors.
  // Frames of one event-loop turn leave in one write per connection (see corked-frames.ts).
  const io: ConfabIo = new Server(httpServer, { maxHttpBufferSize: LIMITS.maxPayloadBytes, serveClient: false, wsEngine: CorkedWebSocketServer });
  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
    tokens
      .verify(typeof auth.token === 'string' ? auth.token : null)
      .then(({ userId, expiresAt }) => {
        socket.data.userId = userId;
        socket.data.expiresAt = expiresAt;
        next();
      })
      .catch((error: unknown) => {
        const wire: WireError = isApiError(error) ? error.toWire() : { code: 'UNAUTHORIZED', message: 'Authentication failed' };
        next(handshakeError(wire));
      });
  });
  return io;
}

/**
 * Each connected socket joins `user:<id>` (pushes to a direct conversation go to its members' user
 * rooms, membership read from storage at push time) and `group:<id>` for every group the STORED
 * membership lists (rebuilt on every connect, never carried over), gets the event handlers, and ends
 * when its token expires.
 */
export interface RealtimeOptions {
  drain?: Drain;
  onAck?: AckObserver;
  /** Resolves once the rooms just joined receive pushes from every node (the Redis adapter's subscriptions). */
  roomsReady?: () => Promise<void>;
}

export function serveRealtime(io: ConfabIo, services: Services, log: FastifyBaseLogger, { drain, onAck, roomsReady }: RealtimeOptions = {}): void {
  const bindEvents = createEventBinder(services, log, drain, onAck);
  // Rooms are read and joined before the connection completes, so no message can slip past a
  // just-connected socket: with the Redis adapter a join subscribes on Redis, and the client is told
  // it is connected only once that is done.
  io.use((socket, next) => {
    services.groups
      .groupIdsOf(socket.data.userId)
      .then(async (groupIds) => {
        socket.data.groupIds = groupIds;
        await socket.join([userRoom(socket.data.userId), ...groupIds.map(groupRoom)]);
        await roomsReady?.();
        next();
      })
      .catch((error: unknown) => next(handshakeError(wireErrorFor(error, log))));
  });
  io.on('connection', (socket) => {
    // One JSON line per connection and per disconnect, with the ids that tie a socket's other lines together.
    // The ids go into each line rather than into a child logger kept per socket: idle sockets stay small.
    log.info({ ...socketIds(socket), transport: socket.conn.transport.name, address: socket.handshake.address }, 'socket connected');
    socket.once('disconnect', (reason) => {
      log.info({ ...socketIds(socket), reason }, 'socket disconnected');
      void services.presence.disconnected(socket.data.userId);
    });
    void services.presence.connected(socket.data.userId);
    // A membership change between the handshake's read and this join (on any node) was pushed to the
    // user's room before this socket was in it: read once more, leave removed groups and join added ones.
    services.groups
      .groupIdsOf(socket.data.userId)
      .then((current) => {
        for (const groupId of socket.data.groupIds) if (!current.includes(groupId)) void socket.leave(groupRoom(groupId));
        const added = current.filter((groupId) => !socket.data.groupIds.includes(groupId));
        if (added.length > 0) void socket.join(added.map(groupRoom));
        socket.data.groupIds = current;
      })
      .catch((error: unknown) => log.error({ ...socketIds(socket), err: error }, 'could not re-check group rooms'));
    bindEvents(socket);
    scheduleExpiry(socket);
  });
}
