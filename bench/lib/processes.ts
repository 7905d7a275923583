/**
 * Child processes of the benchmark suite: the built Confab server CLI, the bare socket.io baseline
 * server and the load clients. Every child prints one JSON line per result on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'packages', 'server', 'dist', 'cli.js');
const benchDir = join(root, 'bench');

export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

/** Waits for the first stdout line matching `pattern`; rejects when the child exits first or after `timeoutMs`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code} before ${pattern}`));
    });
  });
}

export interface Server {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** `node --cpu-prof` flags when `BENCH_CPU_PROF=<dir>` is set: the Confab server, the bare server and the load clients. */
function profileFlags(): string[] {
  return process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
}

/**
 * The built Confab CLI on a random loopback port with `dataDir` and `extraArgs` (a cluster node:
 * `--db`, `--jwt-secret`, `--redis-url`...); `BENCH_CPU_PROF=<dir>` profiles it (`node --cpu-prof`).
 */
export async function startConfab(dataDir: string, extraArgs: string[] = []): Promise<Server> {
  const started = performance.now();
  const profile = profileFlags();
  const args = [...profile, cli, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn', ...extraArgs];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await waitForLine(child, /running at (\S+)/);
  return { child, url: match[1] as string, readyMs: performance.now() - started, stop: stopper(child) };
}

/** The bare socket.io baseline server (bench/bare-server.ts); `env` may give it a Redis adapter (see there). */
export async function startBare(env: Record<string, string> = {}): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', join(benchDir, 'bare-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root, env: { ...process.env, ...env } });
  const match = await waitForLine(child, /listening at (\S+)/);
  return { child, url: match[1] as string, readyMs: performance.now() - started, stop: stopper(child) };
}

/** Runs bench/load-client.ts with `job` (JSON on argv) and resolves with its JSON result. */
export function runLoad<T>(job: object, timeoutMs = 120_000): Promise<T> {
  const child = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', join(benchDir, 'load-client.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
  return waitForLine(child, /^RESULT (.*)$/m, timeoutMs).then((match) => JSON.parse(match[1] as string) as T);
}

/** Runs a load client that reports `READY` (all connected) and then `RESULT`; `onReady` runs in between. */
export async function runHeldLoad<T>(job: object, onReady: () => Promise<void>, timeoutMs = 180_000): Promise<T> {
  const child = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', join(benchDir, 'load-client.ts'), JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'inherit'], cwd: root });
  const ready = await waitForLine(child, /^READY (.*)$/m, timeoutMs);
  await onReady();
  const result = waitForLine(child, /^RESULT (.*)$/m, timeoutMs);
  child.stdin?.end('done\n');
  const parsed = JSON.parse((await result)[1] as string) as T;
  return { ...(JSON.parse(ready[1] as string) as object), ...parsed } as T;
}
