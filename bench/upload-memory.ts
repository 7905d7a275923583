/**
 * Uploads a 200 MB file to a real server child process and reports the growth of the server's
 * resident memory (VmRSS from /proc/<pid>/status, sampled every 20 ms). Fails when it is 50 MB or more.
 * Run: `pnpm bench:upload` (builds the server first). Options: BENCH_UPLOAD_MB (default 200).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;
const uploadBytes = Number(process.env.BENCH_UPLOAD_MB ?? 200) * MB;
const budgetBytes = 50 * MB;
const cli = join(import.meta.dirname, '..', 'packages', 'server', 'dist', 'cli.js');

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir, '--max-file-bytes', String(uploadBytes + MB), '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

/** Streams a multipart body of `size` bytes made on the fly (the client never holds the file either). */
function uploadStreamed(url: string, token: string, size: number): Promise<{ status: number; body: string }> {
  const boundary = 'confab-bench-boundary';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.bin"\r\ncontent-type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const target = new URL(`${url}/api/v1/files`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(256 * 1024, 0x5a);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confab-bench-upload-'));
  const { child, url } = await startServer(dataDir);
  try {
    const register = await fetch(`${url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
    });
    const { token } = (await register.json()) as { token: string };
    // Warm up the upload path once so that code loading does not count as growth.
    await uploadStreamed(url, token, MB);
    const pid = child.pid as number;
    const baseline = rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    const started = performance.now();
    const result = await uploadStreamed(url, token, uploadBytes);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    if (result.status !== 201) throw new Error(`upload failed: ${result.status} ${result.body}`);
    const growth = peak - baseline;
    const line = (label: string, bytes: number) => `${label.padEnd(22)} ${(bytes / MB).toFixed(1)} MB`;
    process.stdout.write(
      [
        `uploaded ${(uploadBytes / MB).toFixed(0)} MB in ${seconds.toFixed(1)} s (${(uploadBytes / MB / seconds).toFixed(0)} MB/s)`,
        line('server RSS before', baseline),
        line('server RSS peak', peak),
        line('server RSS growth', growth),
        `budget: under ${budgetBytes / MB} MB -> ${growth < budgetBytes ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
    if (growth >= budgetBytes) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
