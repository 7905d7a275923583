import type { FetchLike, FetchResponseLike } from '../types.js';
import type { ChatClientOptions } from '../types.js';

type Reply = { status?: number; body: unknown };
type Route = (request: { method: string; path: string; body: unknown; headers: Record<string, string> }) => Reply | Promise<Reply>;

/** A fake fetch answering canned protocol-shaped JSON by "METHOD /path" (path without /api/v1). */
export function fakeFetch(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const method = init.method ?? 'GET';
    const path = input.replace(/^.*\/api\/v1/, '');
    const request = { method, path, body: init.body === undefined ? undefined : JSON.parse(init.body), headers: init.headers ?? {} };
    calls.push(request);
    const route = routes[`${method} ${path.split('?')[0]}`];
    const reply: Reply = route
      ? await route(request)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: `no route ${method} ${path}` } } };
    const status = reply.status ?? 200;
    const response: FetchResponseLike = { ok: status < 400, status, text: async () => JSON.stringify(reply.body) };
    return response;
  };
  return { fetch, calls };
}

type Handler = (...args: unknown[]) => void;
type AckHandler = (payload: unknown) => unknown;

/**
 * A small in-memory socket: `on` registers handlers, `serverEmit` plays a server push, and
 * `emitWithAck` answers through `acks[event]` (a pending promise never answers: a timeout).
 */
export class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly acks: Record<string, AckHandler> = {};
  active = true;
  connected = false;
  connects = 0;
  authToken: string | null = null;

  constructor(private readonly auth: (callback: (data: { token: string }) => void) => void) {}

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  /** Plays an event as if it came from the server (or socket.io itself: connect, disconnect...). */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  /** Completes a (re)connection: reads the auth callback like socket.io does, then fires 'connect'. */
  open(): void {
    this.auth((data) => {
      this.authToken = data.token;
    });
    this.connected = true;
    this.serverEmit('connect');
  }

  connect(): this {
    this.active = true;
    this.connects++;
    return this;
  }

  disconnect(): this {
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.serverEmit('disconnect', 'io client disconnect');
    }
    return this;
  }

  timeout(): this {
    return this;
  }

  async emitWithAck(event: string, payload: unknown): Promise<unknown> {
    this.emitted.push({ event, payload });
    const handler = this.acks[event];
    if (!handler) throw new Error('operation has timed out');
    return handler(payload);
  }
}

/** A fake `io` that records the sockets it made. */
export function fakeIo() {
  const sockets: FakeSocket[] = [];
  const urls: string[] = [];
  const io = ((url: string, options: { auth: (callback: (data: { token: string }) => void) => void }) => {
    urls.push(url);
    const socket = new FakeSocket(options.auth);
    sockets.push(socket);
    return socket;
  }) as unknown as NonNullable<ChatClientOptions['io']>;
  return {
    io,
    sockets,
    urls,
    get socket(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket opened');
      return socket;
    },
  };
}

/** An in-memory KeyValueStorage. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** Lets pending promise callbacks run. */
export async function settle(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) await Promise.resolve();
}
