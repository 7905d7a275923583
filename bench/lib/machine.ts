import { cpus, totalmem } from 'node:os';

/** The machine a run was measured on. */
export function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; platform: string } {
  const cores = cpus();
  return { cpu: cores[0]?.model ?? 'unknown', cores: cores.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
}
