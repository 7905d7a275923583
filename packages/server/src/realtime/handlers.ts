import type { Ack, ClientToServerEvents, WireError } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { wireErrorFor } from '../errors.js';
import { AiReplyPayloadSchema, ConversationSettingsPayloadSchema, EditPayloadSchema, MessageIdPayloadSchema, ReactPayloadSchema, ReadPayloadSchema, SendMessagePayloadSchema, SyncPayloadSchema, TypingPayloadSchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import { compileValidator, type Validator } from '../validation.js';
import { createDrain, type Drain } from './drain.js';
import type { ConfabSocket } from './types.js';

type EventName = keyof ClientToServerEvents;
/** The success part of an event's ack, without `ok`. */
type AckResult<E extends EventName> =
  Parameters<ClientToServerEvents[E]>[1] extends (response: Ack<infer T>) => void ? T : never;

interface HandlerSpec<E extends EventName, S extends TSchema> {
  schema: S;
  /** `socketId`: the socket the event came on. */
  run: (userId: string, payload: Static<S>, socketId: string) => Promise<AckResult<E>>;
}

type HandlerTable = { [E in EventName]: HandlerSpec<E, TSchema> };

/** One entry per client event: the payload schema and the service call. */
function handlerTable(services: Services): HandlerTable {
  return {
    'message:send': {
      schema: SendMessagePayloadSchema,
      run: async (userId, payload, socketId) => ({ message: await services.messaging.sendMessage(userId, payload as Static<typeof SendMessagePayloadSchema>, socketId) }),
    },
    'conversation:read': {
      schema: ReadPayloadSchema,
      run: (userId, payload) => services.messaging.markRead(userId, payload as Static<typeof ReadPayloadSchema>),
    },
    sync: {
      schema: SyncPayloadSchema,
      run: (userId, payload) => services.sync.sync(userId, payload as Static<typeof SyncPayloadSchema>),
    },
    'ai:stop': {
      schema: AiReplyPayloadSchema,
      run: async (userId, payload) => ({ message: await services.assistant.stop(userId, (payload as Static<typeof AiReplyPayloadSchema>).messageId) }),
    },
    'ai:retry': {
      schema: AiReplyPayloadSchema,
      run: async (userId, payload) => ({ message: await services.assistant.retry(userId, (payload as Static<typeof AiReplyPayloadSchema>).messageId) }),
    },
    'message:recall': {
      schema: MessageIdPayloadSchema,
      run: (userId, payload) => services.messageChanges.recall(userId, (payload as Static<typeof MessageIdPayloadSchema>).messageId),
    },
    'message:edit': {
      schema: EditPayloadSchema,
      run: (userId, payload) => services.messageChanges.edit(userId, payload as Static<typeof EditPayloadSchema>),
    },
    'message:react': {
      schema: ReactPayloadSchema,
      run: (userId, payload) => services.messageChanges.react(userId, payload as Static<typeof ReactPayloadSchema>),
    },
    'message:hide': {
      schema: MessageIdPayloadSchema,
      run: (userId, payload) => services.messageChanges.hide(userId, (payload as Static<typeof MessageIdPayloadSchema>).messageId),
    },
    'conversation:settings': {
      schema: ConversationSettingsPayloadSchema,
      run: (userId, payload) => services.conversationSettings.update(userId, payload as Static<typeof ConversationSettingsPayloadSchema>),
    },
    typing: {
      schema: TypingPayloadSchema,
      run: (userId, payload) => services.typing.typing(userId, payload as Static<typeof TypingPayloadSchema>),
    },
  };
}

/** Told of every ack sent (for metrics): the event, seconds since it arrived, and the response. */
export type AckObserver = (event: EventName, seconds: number, response: { ok: boolean; error?: WireError; message?: { type?: string } }) => void;

const SHUTTING_DOWN: WireError = { code: 'UNAVAILABLE', message: 'The server is shutting down; try again shortly' };

/**
 * Binds every client event on a socket: validate with the compiled schema, run the service, ack.
 * Bad input is answered, never thrown, and never disconnects; a missing ack is tolerated. While the
 * server shuts down (`drain.closing`), events are answered UNAVAILABLE and not run.
 */
export function createEventBinder(services: Services, log: FastifyBaseLogger, drain: Drain = createDrain(), onAck: AckObserver = () => undefined) {
  const table = handlerTable(services);
  const validators = new Map<EventName, Validator<unknown>>(
    (Object.keys(table) as EventName[]).map((event) => [event, compileValidator(table[event].schema, `${event} payload`)]),
  );

  /** Runs one client event: validate, run the service, ack (`args` ends with the ack when the client wants one). */
  async function handle(socket: ConfabSocket, event: EventName, args: unknown[]): Promise<void> {
    // `emit(event, ack)` without a payload: the callback arrives first.
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
    const payload = ack && args.length === 1 ? undefined : args[0];
    const started = performance.now();
    if (drain.closing) {
      ack?.({ ok: false, error: SHUTTING_DOWN });
      onAck(event, (performance.now() - started) / 1000, { ok: false, error: SHUTTING_DOWN });
      return;
    }
    await drain.run(async () => {
      let response: Parameters<AckObserver>[2];
      try {
        const result = await table[event].run(socket.data.userId, (validators.get(event) as Validator<unknown>)(payload), socket.id);
        response = { ok: true, ...result };
      } catch (error) {
        response = { ok: false, error: wireErrorFor(error, log.child({ event, userId: socket.data.userId, socketId: socket.id })) };
      }
      ack?.(response);
      onAck(event, (performance.now() - started) / 1000, response);
    });
  }

  /**
   * The one listener of every socket (socket.io calls it with the socket as `this`): one shared
   * function instead of a closure per event per socket keeps idle connections small. An event nobody
   * handles still gets an answer, so a client never waits for its timeout.
   */
  function dispatch(this: ConfabSocket, event: unknown, ...args: unknown[]): void {
    if (typeof event === 'string' && Object.prototype.hasOwnProperty.call(table, event)) {
      void handle(this, event as EventName, args);
      return;
    }
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const name = String(event).slice(0, 64);
    ack({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown event "${name}"` } });
  }

  return function bindEvents(socket: ConfabSocket): void {
    socket.onAny(dispatch);
  };
}
