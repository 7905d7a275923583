/**
 * `pnpm bench`: every benchmark 3 times, each figure a ratio against a baseline measured in the
 * same run on the same machine. Writes bench/results/<time>.json and the table in docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMessage, clientSizes, homeList } from './client.js';
import { root } from './lib/processes.js';
import { renderDocs } from './lib/report.js';
import { round, summarise } from './lib/stats.js';
import { crossNode } from './cluster.js';
import { groups, sizes, throughput } from './network.js';
import { cleanStorage, historyPage, largeDatabase, startToReady, storageSizes, writePath } from './storage.js';
import { measureSizes } from '../scripts/size-budgets.mjs';
import { machine } from './lib/machine.js';

const RUNS = 3;

/** One row of the table: both sides per run, the ratio per run, the target and whether it is met. */
export interface Row {
  id: string;
  name: string;
  unit: string;
  confab: number[];
  baseline: number[];
  baselineName: string;
  /** ratio = confab / baseline, or baseline / confab when `inverse` (a speed-up). */
  inverse?: boolean;
  target: string;
  /** Absent for a row shown beside a target's row without a target of its own. */
  met?: (ratio: number, confabMedian: number) => boolean;
}

const rows: Row[] = [];
const log = (text: string): void => void process.stdout.write(`${text}\n`);
const started = performance.now();

log('1. persisted 1:1 throughput');
const tp = await throughput(RUNS);
rows.push({ id: 'throughput', name: '1:1 acked messages/s', unit: 'msg/s', confab: tp.map((r) => r.confab.perSecond), baseline: tp.map((r) => r.bare.perSecond), baselineName: 'bare socket.io ack relay', target: '>= 0.75x', met: (r) => r >= 0.75 });
rows.push({ id: 'cpu-per-message', name: '1:1 server CPU per acked message', unit: 'µs', confab: tp.map((r) => r.confab.serverCpuUsPerMessage as number), baseline: tp.map((r) => r.bare.serverCpuUsPerMessage as number), baselineName: 'bare socket.io ack relay', target: '<= 1.33x', met: (r) => r <= 1.33 });
rows.push({ id: 'ack-p99', name: '1:1 ack latency p99', unit: 'ms', confab: tp.map((r) => r.confab.p99Ms), baseline: tp.map((r) => r.bare.p99Ms), baselineName: 'bare socket.io ack relay', target: '<= 2x', met: (r) => r <= 2 });

log('2-3. group fan-out, idle memory, connect storm');
const gr = await groups(RUNS);
rows.push({ id: 'fanout', name: `fan-out deliveries/s (${sizes.groupMembers} members)`, unit: 'deliveries/s', confab: gr.fanout.map((r) => r.confab.perSecond), baseline: gr.fanout.map((r) => r.bare.perSecond), baselineName: 'bare socket.io room broadcast', target: '>= 0.9x', met: (r) => r >= 0.9 });
rows.push({ id: 'fanout-p99', name: 'fan-out delivery p99', unit: 'ms', confab: gr.fanout.map((r) => r.confab.p99Ms), baseline: gr.fanout.map((r) => r.bare.p99Ms), baselineName: 'bare socket.io room broadcast', target: '<= 150 ms', met: (_r, ms) => ms <= 150 });
rows.push({ id: 'memory', name: `memory per idle connection (${sizes.connections} conns)`, unit: 'bytes', confab: gr.density.map((r) => r.confab.bytesPerConnection as number), baseline: gr.density.map((r) => r.bare.bytesPerConnection as number), baselineName: 'bare socket.io, same rooms', target: '<= 1.3x', met: (r) => r <= 1.3 });
rows.push({ id: 'storm', name: 'connect storm handshakes/s', unit: 'handshakes/s', confab: gr.density.map((r) => r.confab.perSecond), baseline: gr.density.map((r) => r.bare.perSecond), baselineName: 'bare socket.io', target: '>= 0.5x', met: (r) => r >= 0.5 });

log('3b. cross-node 1:1 (two nodes, Redis)');
const cross = await crossNode(RUNS, log);
if (cross) {
  rows.push({ id: 'cross-node', name: '1:1 acked messages/s, sender on node 1, receiver on node 2', unit: 'msg/s', confab: cross.map((r) => r.confab.perSecond), baseline: cross.map((r) => r.bare.perSecond), baselineName: 'same harness on one node', target: '>= 0.7x', met: (r) => r >= 0.7 });
  rows.push({ id: 'cross-node-p99', name: 'cross-node 1:1 delivery p99 (send to receiver)', unit: 'ms', confab: cross.map((r) => r.confab.deliveryP99Ms as number), baseline: cross.map((r) => r.bare.deliveryP99Ms as number), baselineName: 'same harness on one node', target: '<= 2x', met: (r) => r <= 2 });
}

log('4. storage');
const writes = [];
for (let run = 0; run < RUNS; run++) writes.push(await writePath());
rows.push({ id: 'writes', name: 'store writes/s (acked after commit)', unit: 'msg/s', confab: writes.map((r) => r.store), baseline: writes.map((r) => r.autocommit), baselineName: 'per-row autocommit INSERT', target: '>= 2.5x', met: (r) => r >= 2.5 });
rows.push({ id: 'writes-indexed', name: 'store writes/s, search index caught up', unit: 'msg/s', confab: writes.map((r) => r.indexed), baseline: writes.map((r) => r.autocommit), baselineName: 'per-row autocommit INSERT', target: 'none (beside the row above)' });
const large = await largeDatabase();
const pages = [];
const starts = [];
for (let run = 0; run < RUNS; run++) pages.push(await historyPage(large.file, large.conversationId));
for (let run = 0; run < RUNS; run++) starts.push(await startToReady(large.dataDir));
cleanStorage();
rows.push({ id: 'history-p99', name: `history page (50) p99 at ${storageSizes.historyRows} rows`, unit: 'ms', confab: pages.map((r) => r.store), baseline: pages.map((r) => r.bare), baselineName: 'bare prepared SELECT', target: '<= 1 ms', met: (_r, ms) => ms <= 1 });
rows.push({ id: 'start', name: `start to ready at ${storageSizes.historyRows} rows`, unit: 'ms', confab: starts.map((r) => r.confab), baseline: starts.map((r) => r.bare), baselineName: 'bare socket.io server start', target: '<= 1000 ms', met: (_r, ms) => ms <= 1000 });

log('5. client');
const homes = Array.from({ length: RUNS }, homeList);
rows.push({ id: 'home', name: `buildHomeList (${clientSizes.messages} msgs, ${clientSizes.conversations} convs)`, unit: 'ms', confab: homes.map((r) => r.core), baseline: homes.map((r) => r.naive), baselineName: 'per-friend filter', inverse: true, target: '>= 100x and <= 5 ms', met: (r, ms) => r >= 100 && ms <= 5 });
const applies = Array.from({ length: RUNS }, applyMessage);
rows.push({ id: 'apply', name: `applyMessageToList, one at a time (${clientSizes.listConversations} convs)`, unit: 'µs/msg', confab: applies.map((r) => r.core), baseline: applies.map((r) => r.rebuild), baselineName: 'rebuild with buildHomeList', inverse: true, target: '<= 1 µs', met: (_r, us) => us <= 1 });
rows.push({ id: 'apply-burst', name: `applyMessagesToList, bursts of ${clientSizes.burst} (${clientSizes.listConversations} convs)`, unit: 'µs/msg', confab: applies.map((r) => r.burst), baseline: applies.map((r) => r.rebuild), baselineName: 'rebuild with buildHomeList', inverse: true, target: '<= 1 µs', met: (_r, us) => us <= 1 });

log('6. sizes');
for (const size of await measureSizes()) {
  rows.push({ id: `size:${size.name}`, name: `${size.name} min+gzip`, unit: 'bytes', confab: [size.gzipped], baseline: [size.target], baselineName: 'target', target: '<= 1x', met: (r) => r <= 1 });
}

const results = rows.map((row) => {
  const ratios = row.confab.map((value, i) => (row.inverse ? (row.baseline[i] as number) / value : value / (row.baseline[i] as number)));
  const ratio = summarise(ratios.map((r) => round(r)));
  const confab = summarise(row.confab.map((v) => round(v, 2)));
  const baseline = summarise(row.baseline.map((v) => round(v, 2)));
  return { id: row.id, name: row.name, unit: row.unit, baselineName: row.baselineName, inverse: row.inverse ?? false, target: row.target, confab, baseline, ratio, met: row.met ? row.met(ratio.median, confab.median) : null };
});
const report = { date: new Date().toISOString(), machine: machine(), sizes: { ...sizes, ...storageSizes, ...clientSizes }, runs: RUNS, seconds: round((performance.now() - started) / 1000, 1), results };
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
renderDocs(join(root, 'docs', 'benchmarks.md'), report);
for (const r of results) log(`${r.met === null ? 'info' : r.met ? 'met ' : 'MISS'} ${r.name}: ${r.ratio.median}x (spread ${r.ratio.spread}) target ${r.target}`);
log(`results: ${file}; table: docs/benchmarks.md (${report.seconds} s)`);
