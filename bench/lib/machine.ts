import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run was measured on; `load` is the 1-minute load average when the run ended (other work on the machine). */
export function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; platform: string; load: number } {
  const cores = cpus();
  return { cpu: cores[0]?.model ?? 'unknown', cores: cores.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, load: Number((loadavg()[0] ?? 0).toFixed(1)) };
}
