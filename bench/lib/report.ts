/** Writes the results table of a run into docs/benchmarks.md, between the generated-table markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RatioSummary } from './stats.js';

interface Result {
  name: string;
  unit: string;
  baselineName: string;
  inverse: boolean;
  target: string;
  confab: RatioSummary;
  baseline: RatioSummary;
  ratio: RatioSummary;
  /** null: a row without a target of its own. */
  met: boolean | null;
}

interface Report {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string; load: number };
  runs: number;
  seconds: number;
  results: Result[];
}

const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';
const fmt = (value: number): string => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3))));

export function table(report: Report): string {
  const { machine } = report;
  const lines = [
    `Measured ${report.date.slice(0, 10)} on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, load average ${machine.load} at the end (the machine is shared); ${report.runs} runs each, whole suite ${Math.round(report.seconds)} s.`,
    '',
    '| Benchmark | Confab (median) | Baseline (median) | Ratio median | Ratio spread (runs) | Target | Met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of report.results) {
    const kind = r.inverse ? ' speed-up' : '';
    lines.push(
      `| ${r.name} | ${fmt(r.confab.median)} ${r.unit} | ${fmt(r.baseline.median)} ${r.unit} (${r.baselineName}) | ${fmt(r.ratio.median)}x${kind} | ${fmt(r.ratio.spread)} (${r.ratio.runs.map(fmt).join(', ')}) | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

export function renderDocs(file: string, report: Report): void {
  const page = readFileSync(file, 'utf8');
  const from = page.indexOf(START);
  const to = page.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${file} lacks the ${START} / ${END} markers`);
  writeFileSync(file, `${page.slice(0, from + START.length)}\n${table(report)}\n${page.slice(to)}`);
}
