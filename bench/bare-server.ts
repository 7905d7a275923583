/**
 * The baseline: a bare socket.io server with no validation, auth or storage. A client names itself
 * and its rooms in the handshake (`auth: { id, rooms }`); `relay` sends a message to one user's
 * sockets and acks, `broadcast` sends it to a room and acks. Prints `listening at <url>`.
 * With `BENCH_REDIS_ADAPTER=sharded|streams` (and `BENCH_REDIS_URL`, `BENCH_REDIS_PREFIX`) it is one
 * node of a cluster through that socket.io Redis adapter (bench/adapters.ts compares them).
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { createClient } from '@redis/client';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { createAdapter as createStreamsAdapter } from '@socket.io/redis-streams-adapter';

interface RelayPayload {
  to?: string;
  room?: string;
  conversationId: string;
  clientMsgId: string;
  content: { text: string };
}

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
let seq = 0;

const adapter = process.env.BENCH_REDIS_ADAPTER;
if (adapter) {
  const prefix = process.env.BENCH_REDIS_PREFIX ?? 'bench';
  const commands = createClient({ url: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  await commands.connect();
  if (adapter === 'sharded') {
    const subscriber = commands.duplicate();
    await subscriber.connect();
    io.adapter(createShardedAdapter(commands, subscriber, { channelPrefix: `${prefix}:sio` }));
  } else if (adapter === 'streams') {
    io.adapter(createStreamsAdapter(commands, { streamName: `${prefix}:sio`, channelPrefix: `${prefix}:sio` }));
  } else {
    throw new Error(`unknown BENCH_REDIS_ADAPTER ${adapter}`);
  }
}

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { id?: string; rooms?: string[] };
  void socket.join([`u:${auth.id ?? socket.id}`, ...(auth.rooms ?? [])]);
  const id = auth.id ?? socket.id;
  const handle = (payload: RelayPayload, ack: (res: unknown) => void): void => {
    seq += 1;
    const message = { id: randomUUID(), conversationId: payload.conversationId, senderId: id, clientMsgId: payload.clientMsgId, seq, type: 'text', content: payload.content, createdAt: Date.now() };
    io.to(payload.room ?? `u:${payload.to}`).emit('message:new', message);
    ack({ ok: true, message });
  };
  socket.on('relay', handle);
  socket.on('broadcast', handle);
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') process.stdout.write(`listening at http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
