import { createChatClient, type ChatClient } from '@confab/core';
import type { AuthResponse } from '@confab/protocol';
import { io as realIo, type Socket } from 'socket.io-client';

/** One signed-in device: the real @confab/core client, and its raw socket to cut. */
export interface Device {
  name: string;
  userId: string;
  client: ChatClient;
  /** Drops the transport; socket.io reconnects by itself and the client syncs. */
  cut(): void;
}

/** A device of `auth`'s user on the real client; reconnects quickly so a run stays short. */
export async function openDevice(url: string, auth: AuthResponse, name: string): Promise<Device> {
  let socket: Socket | null = null;
  const io = ((target: string, options: object) => {
    socket = realIo(target, { ...options, reconnectionDelay: 100, reconnectionDelayMax: 1_000 });
    return socket;
  }) as unknown as typeof realIo;
  const client = createChatClient({ url, io, getToken: () => auth.token, sendFailAfterMs: 120_000, ackTimeoutMs: 3_000 });
  client.on('error', () => undefined);
  await client.resume();
  return {
    name,
    userId: auth.user.id,
    client,
    cut: () => socket?.io.engine?.close(),
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
