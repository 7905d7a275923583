/**
 * Cross-node 1:1 throughput: senders on node 1, receivers on node 2 of a two-node Confab cluster
 * (shared SQLite file, Redis sharded pub/sub between the nodes), against the same harness with
 * senders and receivers on one node without Redis, on the same database and users.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from '../packages/server/test/cluster-helpers.js';
import { friendPairs } from './lib/confab-api.js';
import { runLoad, startConfab, type Server } from './lib/processes.js';
import { sizes, type Pair } from './network.js';

/**
 * Each run's `confab` is the cluster (node 1 -> node 2), its `bare` the one-node baseline. Null
 * (and the reason logged) when Redis is not reachable: the rows are then left out.
 */
export async function crossNode(runs: number, log: (line: string) => void): Promise<Pair[] | null> {
  const unavailable = await redisUnavailable();
  if (unavailable) {
    log(`   skipped: ${unavailable}`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'confab-bench-cluster-'));
  const shared = ['--db', join(dir, 'cluster.db'), '--jwt-secret', `bench-${process.pid}-cluster-secret-0123456789`];
  const redis = ['--redis-url', TEST_REDIS_URL, '--redis-prefix', uniqueRedisPrefix('bench')];
  const servers: Server[] = [];
  try {
    const solo = await startConfab(join(dir, 'solo'), shared);
    servers.push(solo);
    const node1 = await startConfab(join(dir, 'node1'), [...shared, ...redis]);
    servers.push(node1);
    const node2 = await startConfab(join(dir, 'node2'), [...shared, ...redis]);
    servers.push(node2);
    const pairs = await friendPairs(node1.url, sizes.pairs);
    const relay = { kind: 'relay' as const, window: sizes.window, warmupMs: sizes.warmupMs, durationMs: sizes.durationMs, pairs };
    const results: Pair[] = [];
    for (let run = 0; run < runs; run++) {
      const one = await runLoad<Pair['bare']>({ ...relay, url: solo.url });
      const cross = await runLoad<Pair['confab']>({ ...relay, url: node1.url, receiverUrl: node2.url });
      const line = (name: string, r: Pair['bare']) => `${name} ${Math.round(r.perSecond)} acked/s, ${Math.round(r.deliveredPerSecond ?? 0)} delivered/s (p99 ${Math.round(r.deliveryP99Ms ?? 0)} ms)`;
      log(`   run ${run + 1}: ${line('one node', one)}; ${line('node 1 -> node 2', cross)}`);
      results.push({ confab: cross, bare: one });
    }
    return results;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
