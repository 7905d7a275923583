import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { corkFramesPerTurn } from '../src/realtime/corked-frames.js';

interface Served {
  url: string;
  server: Server;
  /** The server side of the first connection, and how many writes reached its TCP socket. */
  connection: Promise<{ websocket: WebSocket; writes: () => number }>;
}

const servers: Server[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function serve(): Promise<Served> {
  const server = createServer();
  servers.push(server);
  const wss = new WebSocketServer({ noServer: true });
  const connection = new Promise<{ websocket: WebSocket; writes: () => number }>((resolve) => {
    server.on('upgrade', (request, socket, head) => {
      const tcp = socket as Socket & { _write: (...args: unknown[]) => void; _writev: (...args: unknown[]) => void };
      wss.handleUpgrade(request, socket, head, (websocket) => {
        let writes = 0;
        for (const method of ['_write', '_writev'] as const) {
          const original = tcp[method];
          tcp[method] = function counted(this: Socket, ...args: unknown[]) {
            writes++;
            return original.apply(this, args);
          };
        }
        corkFramesPerTurn(websocket, socket);
        sockets.push(websocket);
        resolve({ websocket, writes: () => writes });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connection };
}

async function client(url: string, expected: number): Promise<{ received: Promise<string[]> }> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  const frames: string[] = [];
  const received = new Promise<string[]>((resolve) => {
    ws.on('message', (data) => {
      frames.push(String(data));
      if (frames.length === expected) resolve(frames);
    });
  });
  await new Promise((resolve) => ws.once('open', resolve));
  return { received };
}

describe('corkFramesPerTurn', () => {
  it('writes the frames of one turn, sent directly and from promise reactions, in one write, in order', async () => {
    const { url, connection } = await serve();
    const { received } = await client(url, 12);
    const { websocket, writes } = await connection;
    const before = writes();
    for (let i = 0; i < 6; i++) websocket.send(`sync ${i}`);
    // As acks released by a group commit: each in its own chain of promise reactions.
    await Promise.all(Array.from({ length: 6 }, async (_, i) => {
      await Promise.resolve();
      await Promise.resolve();
      websocket.send(`later ${i}`);
    }));
    expect(await received).toEqual([...Array.from({ length: 6 }, (_, i) => `sync ${i}`), ...Array.from({ length: 6 }, (_, i) => `later ${i}`)]);
    expect(writes() - before).toBe(1);
  });

  it('writes frames of different turns separately, each in its own turn', async () => {
    const { url, connection } = await serve();
    const { received } = await client(url, 3);
    const { websocket, writes } = await connection;
    const before = writes();
    for (let i = 0; i < 3; i++) {
      websocket.send(`turn ${i}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await received).toEqual(['turn 0', 'turn 1', 'turn 2']);
    expect(writes() - before).toBe(3);
  });
});
