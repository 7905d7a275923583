/**
 * A load client process of the benchmark suite (never the server's process). Takes one job as JSON
 * on argv, speaks to Confab (`message:send`, token auth) or to the bare baseline (`relay` /
 * `broadcast`, id auth) with the same harness, and prints `RESULT <json>`. Bounded by count and time.
 */
import { io, type Socket } from 'socket.io-client';
import { cpuMsOf } from './lib/cpu.js';
import { percentile } from './lib/stats.js';

/** A user as a load client knows it: a token (Confab) or an id (bare), and its rooms (bare). */
export interface Peer {
  id: string;
  token?: string;
  rooms?: string[];
}

export type Job =
  | { kind: 'relay'; url: string; receiverUrl?: string; pairs: { sender: Peer; receiver: Peer; conversationId: string }[]; warmupMs: number; durationMs: number; window: number; serverPid?: number }
  | { kind: 'fanout'; url: string; sender: Peer; members: Peer[]; conversationId: string; warmup: number; messages: number; window: number }
  | { kind: 'idle'; url: string; peers: Peer[]; count: number; concurrency: number };

interface Ack {
  ok: boolean;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const sockets: Socket[] = [];

function connect(url: string, peer: Peer): Promise<Socket> {
  const auth = peer.token ? { token: peer.token } : { id: peer.id, rooms: peer.rooms ?? [] };
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const clientMsgIdOf = (peer: Peer, counter: number): string => `b-${process.pid}-${peer.id}-${counter}`;

/** Sends one text message the way the target expects; resolves with the ack. */
function send(socket: Socket, peer: Peer, conversationId: string, text: string, counter: number, to?: string): Promise<Ack> {
  const clientMsgId = clientMsgIdOf(peer, counter);
  const content = { text };
  if (peer.token) return socket.timeout(10_000).emitWithAck('message:send', { conversationId, clientMsgId, type: 'text', content }) as Promise<Ack>;
  return socket.timeout(10_000).emitWithAck(to ? 'relay' : 'broadcast', { to, room: to ? undefined : conversationId, conversationId, clientMsgId, content }) as Promise<Ack>;
}

async function relay(run: Extract<Job, { kind: 'relay' }>) {
  const pairs = await Promise.all(
    // Receivers on `receiverUrl` (another node of a cluster) when given, else beside their senders.
    run.pairs.map(async (pair) => ({ ...pair, from: await connect(run.url, pair.sender), to: await connect(run.receiverUrl ?? run.url, pair.receiver) })),
  );
  const start = performance.now();
  const measureFrom = start + run.warmupMs;
  const stopAt = measureFrom + run.durationMs;
  // Delivery: from the send to the receiver's message:new (on another node in a cluster run).
  const sentAt = new Map<string, number>();
  const deliveryMs: number[] = [];
  let delivered = 0;
  for (const pair of pairs) {
    pair.to.on('message:new', (message: { clientMsgId?: string }) => {
      delivered += 1;
      const at = sentAt.get(message.clientMsgId ?? '');
      if (at === undefined) return;
      sentAt.delete(message.clientMsgId ?? '');
      const now = performance.now();
      if (now <= stopAt) deliveryMs.push(now - at);
    });
  }
  const latencies: number[] = [];
  let acked = 0;
  let errors = 0;
  let counter = 0;
  const loop = async (pair: (typeof pairs)[number]): Promise<void> => {
    while (performance.now() < stopAt) {
      const sendAt = performance.now();
      counter += 1;
      if (sendAt >= measureFrom) sentAt.set(clientMsgIdOf(pair.sender, counter), sendAt);
      const ack = await send(pair.from, pair.sender, pair.conversationId, `hello ${counter}`, counter, pair.receiver.id);
      const now = performance.now();
      if (!ack.ok) errors += 1;
      if (sendAt >= measureFrom && now <= stopAt) {
        acked += 1;
        latencies.push(now - sendAt);
      }
    }
  };
  // The server's CPU time (user + system) over the measured window, when its process is on this machine.
  const cpu = { from: 0, to: 0 };
  const sample = (at: number, key: 'from' | 'to'): NodeJS.Timeout => setTimeout(() => (cpu[key] = run.serverPid ? cpuMsOf(run.serverPid) : 0), at - performance.now());
  const timers = [sample(measureFrom, 'from'), sample(stopAt, 'to')];
  await Promise.all(pairs.flatMap((pair) => Array.from({ length: run.window }, () => loop(pair))));
  timers.forEach(clearTimeout);
  return {
    serverCpuUsPerMessage: run.serverPid && acked > 0 ? ((cpu.to - cpu.from) * 1000) / acked : 0,
    perSecond: acked / (run.durationMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    deliveredPerSecond: deliveryMs.length / (run.durationMs / 1000),
    deliveryP99Ms: percentile(deliveryMs, 99),
    acked,
    delivered,
    errors,
  };
}

async function fanout(run: Extract<Job, { kind: 'fanout' }>) {
  const sender = await connect(run.url, run.sender);
  const members: Socket[] = [];
  for (let i = 0; i < run.members.length; i += 50) members.push(...(await Promise.all(run.members.slice(i, i + 50).map((peer) => connect(run.url, peer)))));
  const total = run.warmup + run.messages;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measured = 0;
  let lastDelivery = 0;
  let allDelivered: () => void = () => {};
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  const expected = run.messages * members.length;
  for (const socket of members) {
    socket.on('message:new', (message: { content?: { text?: string } }) => {
      const text = message.content?.text ?? '';
      const at = sentAt.get(text);
      if (at === undefined) return;
      lastDelivery = performance.now();
      latencies.push(lastDelivery - at);
      measured += 1;
      if (measured === expected) allDelivered();
    });
  }
  let next = 0;
  let measureFrom = 0;
  const loop = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      if (index === run.warmup) measureFrom = performance.now();
      const text = `fan ${index}`;
      if (index >= run.warmup) sentAt.set(text, performance.now());
      await send(sender, run.sender, run.conversationId, text, index);
    }
  };
  await Promise.all(Array.from({ length: run.window }, loop));
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  return { perSecond: measured / ((lastDelivery - measureFrom) / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), delivered: measured, expected };
}

async function idle(run: Extract<Job, { kind: 'idle' }>) {
  const start = performance.now();
  let index = 0;
  const worker = async (): Promise<void> => {
    while (index < run.count) {
      const peer = run.peers[index++ % run.peers.length] as Peer;
      await connect(run.url, peer);
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, worker));
  const handshakesPerSec = run.count / ((performance.now() - start) / 1000);
  process.stdout.write(`READY ${JSON.stringify({ handshakesPerSec, connected: sockets.filter((s) => s.connected).length })}\n`);
  await new Promise((resolve) => process.stdin.once('data', resolve));
  return {};
}

const runners = { relay, fanout, idle } as const;
const result = await (runners[job.kind] as (run: Job) => Promise<object>)(job);
for (const socket of sockets) socket.disconnect();
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
