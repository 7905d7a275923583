import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocs, table } from './report.js';
import { summarise } from './stats.js';

const report = {
  date: '2026-12-03T17:00:00.000Z',
  machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, node: 'v20.20.2', platform: 'linux x64', load: 1.5 },
  runs: 3,
  seconds: 120.4,
  results: [
    { name: 'throughput', unit: 'msg/s', baselineName: 'bare relay', inverse: false, target: '>= 0.75x', confab: summarise([6000, 6500, 6200]), baseline: summarise([25000, 26000, 24000]), ratio: summarise([0.24, 0.25, 0.258]), met: false },
    { name: 'home list', unit: 'ms', baselineName: 'naive', inverse: true, target: '>= 100x', confab: summarise([2.6, 2.5, 2.7]), baseline: summarise([520, 510, 530]), ratio: summarise([200, 204, 196]), met: true },
    { name: 'writes, indexed', unit: 'msg/s', baselineName: 'autocommit', inverse: false, target: 'none', confab: summarise([60000, 70000, 65000]), baseline: summarise([30000, 30000, 30000]), ratio: summarise([2, 2.33, 2.17]), met: null },
  ],
};

describe('report', () => {
  it('renders the machine line and one row per result with the median ratio, spread and runs', () => {
    const lines = table(report).split('\n');
    expect(lines[0]).toBe('Measured 2026-12-03 on 2 cores (Test CPU), 24 GiB, Node v20.20.2, linux x64, load average 1.5 at the end (the machine is shared); 3 runs each, whole suite 120 s.');
    expect(lines[4]).toBe('| throughput | 6,200 msg/s | 25,000 msg/s (bare relay) | 0.25x | 0.018 (0.24, 0.25, 0.258) | >= 0.75x | **no** |');
    expect(lines[5]).toBe('| home list | 2.6 ms | 520 ms (naive) | 200x speed-up | 8 (200, 204, 196) | >= 100x | yes |');
    expect(lines[6]).toBe('| writes, indexed | 65,000 msg/s | 30,000 msg/s (autocommit) | 2.17x | 0.33 (2, 2.33, 2.17) | none | — |');
  });

  it('replaces only the text between the markers, and refuses a page without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'confab-bench-report-'));
    const page = join(dir, 'page.md');
    writeFileSync(page, '# Title\n<!-- bench:table:start -->\nold table\n<!-- bench:table:end -->\nNotes\n');
    renderDocs(page, report);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith('# Title\n<!-- bench:table:start -->\nMeasured 2026-12-03')).toBe(true);
    expect(text).not.toContain('old table');
    expect(text.endsWith('<!-- bench:table:end -->\nNotes\n')).toBe(true);
    writeFileSync(page, 'no markers\n');
    expect(() => renderDocs(page, report)).toThrow(/markers/);
    rmSync(dir, { recursive: true, force: true });
  });
});
