import { createChatClient, type ChatClient, type ChatClientOptions } from '@confab/core';
import type { AuthResponse } from '@confab/protocol';
import { io as realIo, type Socket } from 'socket.io-client';

/** One signed-in device: the real @confab/core client, and its raw socket to cut. */
export interface Device {
  name: string;
  userId: string;
  client: ChatClient;
  /** Drops the transport; socket.io reconnects by itself and the client syncs. */
  cut(): void;
  /** Drops the transport and stays offline until {@link Device.goOnline}. */
  goOffline(): void;
  goOnline(): void;
  /** The raw socket.io socket (to close it as a page unload would). */
  socket(): Socket;
}

export interface DeviceOptions {
  /** Client options on top of the defaults (storage, createId, timeouts...). */
  client?: Partial<ChatClientOptions>;
  /** Wraps the raw socket the client gets (to lose acks, for example). */
  wrap?: (socket: Socket) => Socket;
  /** Log in with the password instead of the token (keeps the session in `client.storage`). */
  password?: string;
}

/** A device of `auth`'s user on the real client; reconnects quickly so a run stays short. */
export async function openDevice(url: string, auth: AuthResponse, name: string, options: DeviceOptions = {}): Promise<Device> {
  let socket: Socket | null = null;
  const io = ((target: string, socketOptions: object) => {
    socket = realIo(target, { ...socketOptions, reconnectionDelay: 100, reconnectionDelayMax: 1_000 });
    return options.wrap ? options.wrap(socket) : socket;
  }) as unknown as typeof realIo;
  const client = createChatClient({ url, io, getToken: () => auth.token, sendFailAfterMs: 120_000, ackTimeoutMs: 3_000, ...options.client });
  client.on('error', () => undefined);
  if (options.password) await client.login(auth.user.username, options.password);
  else await client.resume();
  const raw = (): Socket => {
    if (!socket) throw new Error('no socket yet');
    return socket;
  };
  return {
    name,
    userId: auth.user.id,
    client,
    cut: () => socket?.io.engine?.close(),
    goOffline() {
      raw().io.reconnection(false);
      raw().io.engine?.close();
    },
    goOnline() {
      raw().io.reconnection(true);
      raw().connect();
    },
    socket: raw,
  };
}

/** Resolves once `check` holds, polling; rejects with `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
