import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServer } from './server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'confab-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function loginDemo(url: string, username: string): Promise<Response> {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'confab-demo' }),
  });
}

describe('confab-server CLI', () => {
  it('refuses a port that is not a number with exit code 2 and a clear message', async () => {
    const { code, output } = await runCli(['--port', 'abc']);
    expect(code).toBe(2);
    expect(output).toMatch(/port/i);
  });

  it('explains a busy port in one line and exits 1', async () => {
    const server = await startServer();
    try {
      const port = new URL(server.url).port;
      const { code, output } = await runCli(['--port', port, '--data-dir', server.dataDir]);
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is in use; choose another with --port or CONFAB_PORT`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['Redis', ['--redis-url', 'redis://127.0.0.1:1'], 'Redis at redis://127.0.0.1:1 is not reachable (connect ECONNREFUSED 127.0.0.1:1); check --redis-url or CONFAB_REDIS_URL.'],
    // PostgreSQL and SQLite start failures: cli-database.e2e.ts.
  ])('explains %s unreachable at start in one line, without a stack or the password, and exits 1', async (_name, args, line) => {
    const { code, output } = await runCli([...args, '--port', '0', '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(output.split('\n')).toContain(`confab-server: ${line}`);
    expect(output).not.toMatch(/\n\s+at |"stack"|secret/);
  });

  it('refuses a web directory without index.html with exit code 2', async () => {
    const { code, output } = await runCli(['--web-dir', '/no/such/dir', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(output).toContain('index.html does not exist');
  });

  it('prints every option with its environment variable on --help', async () => {
    const { code, output } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of ['CONFAB_PORT', 'CONFAB_DATA_DIR', 'CONFAB_DATABASE_FILE', 'CONFAB_JWT_SECRET', 'CONFAB_DEMO']) {
      expect(output).toContain(name);
    }
  });

  it('in demo mode creates alice, bob and carol, serves the web app, and keeps tokens valid across a restart', async () => {
    const first = await startServer(['--demo'], { dataDir });
    try {
      expect(first.output()).toContain('confab-demo');
      const response = await loginDemo(first.url, 'alice');
      expect(response.status).toBe(200);
      const { token } = (await response.json()) as { token: string };
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
      expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      await first.stop();

      const second = await startServer(['--demo'], { dataDir });
      try {
        const me = await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(me.status).toBe(200);
        const users = await fetch(`${second.url}/api/v1/users?query=carol`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await users.json()) as { users: { username: string }[] };
        expect(body.users.map((user) => user.username)).toEqual(['carol']);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  });

  it('without --demo creates no demo users', async () => {
    const server = await startServer();
    try {
      expect((await loginDemo(server.url, 'alice')).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});
