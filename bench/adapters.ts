/**
 * `pnpm bench:adapters`: the two official socket.io Redis adapters side by side, on the bare
 * socket.io baseline server (no storage, so the adapter is what differs): two nodes, senders on
 * node 1, receivers on node 2, the same relay harness as `pnpm bench`; one node without Redis as
 * the reference. A third node with no clients at all shows what each adapter costs a node that
 * has nobody to deliver to (its CPU time). Prints medians of the runs. Needs Redis 7.
 */
import { readFileSync } from 'node:fs';
import { createClient } from '@redis/client';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from '../packages/server/test/cluster-helpers.js';
import type { Peer } from './load-client.js';
import { runLoad, startBare, type Server } from './lib/processes.js';
import { median, round } from './lib/stats.js';
import { sizes } from './network.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ADAPTERS = ['none', 'sharded', 'streams'] as const;
type Adapter = (typeof ADAPTERS)[number];
interface Relay {
  perSecond: number;
  p99Ms: number;
  deliveredPerSecond: number;
  deliveryP99Ms: number;
  /** CPU ms the client-less third node spent per 1000 messages (0 without Redis: there is no third node). */
  idleNodeCpuMsPer1000: number;
}

/** User + system CPU time of a process so far, in ms (Linux clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const unavailable = await redisUnavailable();
if (unavailable) {
  console.error(`bench:adapters needs Redis: ${unavailable}`);
  process.exit(1);
}

const pairs = Array.from({ length: sizes.pairs }, (_, i) => ({ sender: { id: `s${i}` } as Peer, receiver: { id: `r${i}` } as Peer, conversationId: `c${i}` }));
const relay = { kind: 'relay' as const, window: sizes.window, warmupMs: sizes.warmupMs, durationMs: sizes.durationMs, pairs };
const prefixes: string[] = [];

async function measure(adapter: Adapter): Promise<Relay> {
  const servers: Server[] = [];
  try {
    if (adapter === 'none') {
      servers.push(await startBare());
      return { ...(await runLoad<Relay>({ ...relay, url: servers[0]?.url })), idleNodeCpuMsPer1000: 0 };
    }
    const prefix = uniqueRedisPrefix(`adapter-${adapter}`);
    prefixes.push(prefix);
    const env = { BENCH_REDIS_ADAPTER: adapter, BENCH_REDIS_PREFIX: prefix, BENCH_REDIS_URL: TEST_REDIS_URL };
    servers.push(await startBare(env), await startBare(env), await startBare(env));
    const idle = servers[2]?.child.pid as number;
    const before = cpuMs(idle);
    const result = await runLoad<Relay & { delivered: number }>({ ...relay, url: servers[0]?.url, receiverUrl: servers[1]?.url });
    return { ...result, idleNodeCpuMsPer1000: ((cpuMs(idle) - before) / result.delivered) * 1000 };
  } finally {
    for (const server of servers) await server.stop();
  }
}

const results = new Map<Adapter, Relay[]>(ADAPTERS.map((adapter) => [adapter, []]));
for (let run = 0; run < RUNS; run++) {
  for (const adapter of ADAPTERS) {
    const result = await measure(adapter);
    results.get(adapter)?.push(result);
    console.log(`run ${run + 1} ${adapter.padEnd(8)} acked ${Math.round(result.perSecond)} msg/s (p99 ${round(result.p99Ms, 2)} ms), delivered ${Math.round(result.deliveredPerSecond)} msg/s (p99 ${round(result.deliveryP99Ms, 2)} ms), idle node ${round(result.idleNodeCpuMsPer1000, 1)} CPU ms/1000 msgs`);
  }
}
console.log(`\n| adapter (medians of ${RUNS}) | acked msg/s | delivered msg/s | vs one node | delivery p99 ms | client-less node CPU ms per 1000 msgs |\n|---|---|---|---|---|---|`);
const reference = median((results.get('none') ?? []).map((r) => r.deliveredPerSecond));
for (const adapter of ADAPTERS) {
  const rows = results.get(adapter) ?? [];
  const delivered = median(rows.map((r) => r.deliveredPerSecond));
  const cells = [Math.round(median(rows.map((r) => r.perSecond))), Math.round(delivered), `${round(delivered / reference, 2)}x`, round(median(rows.map((r) => r.deliveryP99Ms)), 1), round(median(rows.map((r) => r.idleNodeCpuMsPer1000)), 1)];
  console.log(`| ${adapter} | ${cells.join(' | ')} |`);
}

// The streams adapter leaves its stream behind: delete what this run wrote under its prefixes.
const redis = createClient({ url: TEST_REDIS_URL });
await redis.connect();
for (const prefix of prefixes) for await (const key of redis.scanIterator({ MATCH: `${prefix}*` })) await redis.del(key);
await redis.quit();
