/**
 * The networked benchmarks (1-3): Confab's built CLI and the bare socket.io server as child
 * processes, driven by the same load client in a third process, over loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Peer } from './load-client.js';
import { befriend, createGroup, friendPairs, registerUsers } from './lib/confab-api.js';
import { rssOf, runHeldLoad, runLoad, startBare, startConfab, type Server } from './lib/processes.js';

export const sizes = {
  pairs: Number(process.env.BENCH_PAIRS ?? 10),
  window: 4,
  warmupMs: 2000,
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 5000),
  groupMembers: Number(process.env.BENCH_GROUP_MEMBERS ?? 200),
  fanoutMessages: Number(process.env.BENCH_FANOUT_MESSAGES ?? 100),
  fanoutWarmup: 10,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10_000),
  rooms: 5,
};

export interface Pair {
  confab: { perSecond: number; p99Ms: number; [key: string]: number };
  bare: { perSecond: number; p99Ms: number; [key: string]: number };
}

async function withConfab<T>(body: (server: Server, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confab-bench-'));
  const server = await startConfab(dataDir);
  try {
    return await body(server, dataDir);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withBare<T>(body: (server: Server) => Promise<T>): Promise<T> {
  const server = await startBare();
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

const strip = (peer: Peer): Peer => ({ id: peer.id, rooms: peer.rooms });

/** (1) Persisted 1:1 throughput and ack latency, `runs` times each. */
export async function throughput(runs: number): Promise<Pair[]> {
  const relay = { kind: 'relay' as const, window: sizes.window, warmupMs: sizes.warmupMs, durationMs: sizes.durationMs };
  return withConfab(async (confab) => {
    const pairs = await friendPairs(confab.url, sizes.pairs);
    const barePairs = pairs.map((pair) => ({ sender: strip(pair.sender), receiver: strip(pair.receiver), conversationId: pair.conversationId }));
    const results: Pair[] = [];
    for (let run = 0; run < runs; run++) {
      const bare = await withBare((server) => runLoad<Pair['bare']>({ ...relay, url: server.url, pairs: barePairs, serverPid: server.child.pid }));
      results.push({ confab: await runLoad<Pair['confab']>({ ...relay, url: confab.url, pairs, serverPid: confab.child.pid }), bare });
    }
    return results;
  });
}

interface GroupSetup {
  owner: Peer;
  members: Peer[];
  groupIds: string[];
}

async function groupSetup(url: string): Promise<GroupSetup> {
  const [owner, ...members] = await registerUsers(url, sizes.groupMembers + 1);
  for (let i = 0; i < members.length; i += 8) await Promise.all(members.slice(i, i + 8).map((member) => befriend(url, owner as Peer, member)));
  const groupIds: string[] = [];
  for (let g = 0; g < sizes.rooms - 1; g++) groupIds.push(await createGroup(url, owner as Peer, members, `Bench group ${g}`));
  return { owner: owner as Peer, members, groupIds };
}

/** (2) Fan-out to one group and (3) idle memory and connect storm; one Confab server, set up once. */
export async function groups(runs: number): Promise<{ fanout: Pair[]; density: Pair[] }> {
  return withConfab(async (confab, dataDir) => {
    const setup = await groupSetup(confab.url);
    const conversationId = setup.groupIds[0] as string;
    const rooms = setup.groupIds.concat(['dm']);
    const bareMembers = setup.members.map((member) => ({ id: member.id, rooms }));
    const fanoutJob = { kind: 'fanout' as const, conversationId, warmup: sizes.fanoutWarmup, messages: sizes.fanoutMessages, window: sizes.window };
    const fanout: Pair[] = [];
    const density: Pair[] = [];
    for (let run = 0; run < runs; run++) {
      const bare = await withBare((server) => runLoad<Pair['bare']>({ ...fanoutJob, url: server.url, sender: { id: setup.owner.id, rooms }, members: bareMembers }));
      fanout.push({ confab: await runLoad<Pair['confab']>({ ...fanoutJob, url: confab.url, sender: setup.owner, members: setup.members }), bare });
    }
    for (let run = 0; run < runs; run++) {
      const bare = await withBare((server) => idleMemory(server, bareMembers));
      // A fresh Confab process on the same database, as the bare server is fresh: no garbage of earlier runs.
      const fresh = await startConfab(dataDir);
      try {
        density.push({ confab: await idleMemory(fresh, setup.members), bare });
      } finally {
        await fresh.stop();
      }
    }
    return { fanout, density };
  });
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects `sizes.connections` sockets over `peers`; server RSS growth per connection and handshakes/s. */
async function idleMemory(server: Server, peers: Peer[]): Promise<Pair['bare']> {
  await settle(1000);
  const before = rssOf(server.child.pid as number);
  let after = before;
  const job = { kind: 'idle', url: server.url, peers, count: sizes.connections, concurrency: 50 };
  const result = await runHeldLoad<{ handshakesPerSec: number; connected: number }>(job, async () => {
    await settle(2000);
    after = rssOf(server.child.pid as number);
  });
  await settle(1000);
  return { perSecond: result.handshakesPerSec, p99Ms: 0, bytesPerConnection: (after - before) / result.connected, connected: result.connected };
}
