import { ConfabError } from './errors.js';
import { timers } from './timers.js';
import type { ClientToServerEvents, ServerToClientEvents } from '@confab/protocol';
import { isErrorCode, RETRYABLE_ERROR_CODES } from '@confab/protocol';
import type { Socket } from 'socket.io-client';
import type { ChatClientOptions, ConnectionState } from './types.js';

/** The typed client socket. @internal */
export type ConfabSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type AckEvent = keyof ClientToServerEvents;
type AckPayload<E extends AckEvent> = Parameters<ClientToServerEvents[E]>[0];
type AckReply<E extends AckEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
/** The successful reply of an acknowledged event. @internal */
export type AckSuccess<E extends AckEvent> = Extract<AckReply<E>, { ok: true }>;

/** Handlers for the server's pushes (`session:expired` is handled by the connection itself). @internal */
export type ServerEventHandlers = Omit<ServerToClientEvents, 'session:expired'>;

/** @internal */
export interface ConnectionOptions {
  url: string;
  io: NonNullable<ChatClientOptions['io']>;
  /** The current token; read on every (re)connect. */
  getToken(): string | null;
  /** Asks for a fresh token after the server refused the current one; null gives up. */
  renewToken(): Promise<string | null>;
  onState(state: ConnectionState): void;
  onError(error: ConfabError): void;
  handlers: ServerEventHandlers;
  /** How long to wait for an ack. @default 10_000 */
  ackTimeoutMs?: number;
}

/** @internal */
export interface Connection {
  /** Emits an acknowledged event; rejects with the server's error, or TIMEOUT when no ack comes in time. */
  request<E extends AckEvent>(event: E, payload: AckPayload<E>): Promise<AckSuccess<E>>;
  close(): void;
}

/** Pause before retrying the n-th refused handshake in a row: 0.5 s doubling up to 10 s, with jitter. */
function refusedRetryDelay(refusals: number): number {
  return Math.min(500 * 2 ** refusals, 10_000) * (0.5 + Math.random() / 2);
}

/**
 * Opens the socket.io connection and maps its life into ConnectionState. A refused or expired token
 * is renewed once per successful connection; when no fresh token comes the state is 'expired' and
 * the socket stops reconnecting (never retrying forever with a dead token).
 * @internal
 */
export function openConnection(options: ConnectionOptions): Connection {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  let state: ConnectionState = 'connecting';
  let closed = false;
  let renewing = false;
  let renewedSinceConnect = false;
  let refusals = 0;
  let retryTimer: ReturnType<typeof timers.setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (closed || next === state) return;
    state = next;
    options.onState(next);
  };

  const socket: ConfabSocket = options.io(options.url, {
    // The callback form: every reconnect sends the token current at that moment.
    auth: (callback) => callback({ token: options.getToken() ?? '' }),
    transports: ['websocket'],
    forceNew: true,
  });
  options.onState(state);

  const expire = () => {
    setState('expired');
    socket.disconnect();
  };

  const renew = async () => {
    if (renewing || closed) return;
    if (renewedSinceConnect) return expire();
    renewing = true;
    renewedSinceConnect = true;
    socket.disconnect();
    setState('reconnecting');
    const token = await options.renewToken().catch(() => null);
    renewing = false;
    if (closed) return;
    if (token === null) return expire();
    socket.connect();
  };

  socket.on('connect', () => {
    renewedSinceConnect = false;
    refusals = 0;
    setState('connected');
  });
  socket.on('disconnect', (reason) => {
    if (closed || renewing || state === 'expired' || reason === 'io client disconnect') return;
    setState('reconnecting');
    // socket.io does not reconnect by itself after the server closed the socket.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    const code = (error as { data?: { code?: unknown } }).data?.code;
    if (code === 'UNAUTHORIZED') return void renew();
    setState('reconnecting');
    // An inactive socket was refused by the server and is not retried by socket.io.
    if (socket.active) return;
    // A node that is draining or has lost its Redis link refuses with a retryable code (UNAVAILABLE):
    // try again after a growing pause, through the balancer (maybe another node); sync runs on connect.
    if (isErrorCode(code) && RETRYABLE_ERROR_CODES.includes(code)) {
      retryTimer = timers.setTimeout(() => {
        if (!closed) socket.connect();
      }, refusedRetryDelay(refusals++));
      return;
    }
    options.onError(new ConfabError(isErrorCode(code) ? code : 'NETWORK', error.message, { cause: error }));
  });
  socket.on('session:expired', () => void renew());
  for (const [event, handler] of Object.entries(options.handlers)) {
    socket.on(event as keyof ServerEventHandlers, handler as never);
  }

  return {
    async request(event, payload) {
      if (state === 'expired') throw new ConfabError('UNAUTHORIZED', 'The session expired; log in again.');
      let reply: AckReply<typeof event>;
      try {
        const emitter = socket.timeout(ackTimeoutMs) as unknown as {
          emitWithAck(name: string, payload: unknown): Promise<AckReply<typeof event>>;
        };
        reply = await emitter.emitWithAck(event, payload);
      } catch (cause) {
        throw new ConfabError('TIMEOUT', `${event}: no answer within ${ackTimeoutMs} ms`, { cause });
      }
      if (!reply.ok) throw ConfabError.fromWire(reply.error);
      return reply as AckSuccess<typeof event>;
    },
    close() {
      closed = true;
      timers.clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}
