import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthResponse } from '@confab/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { api, connect, countRows, errorCode, openDb, registerUser, startServer, tempDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const login = (url: string, username: string) =>
  api<AuthResponse>(url, 'POST', '/auth/login', { body: { username, password: DEMO_PASSWORD } });

describe('demo mode', () => {
  it('creates alice, bob and carol once, with alice and bob already friends', async () => {
    const dataDir = tempDir();
    const first = await startServer(['--demo'], dataDir);
    const alice = await login(first.url, 'alice');
    expect(alice.status).toBe(200);
    expect(alice.body.user.displayName).toBe('Alice');
    const friends = await api(first.url, 'GET', '/friends', { token: alice.body.token });
    expect(friends.body.friends.map((friend: { user: { username: string } }) => friend.user.username)).toEqual(['assistant', 'bob']);
    const conversations = await api(first.url, 'GET', '/conversations', { token: alice.body.token });
    expect(conversations.body.conversations).toHaveLength(2);
    const carol = await login(first.url, 'carol');
    expect((await api(first.url, 'GET', '/friends', { token: carol.body.token })).body.friends.map((friend: { user: { username: string } }) => friend.user.username)).toEqual(['assistant']);
    await first.server.close();

    // Restarting on the same data directory adds nothing.
    const second = await startServer(['--demo'], dataDir);
    const db = openDb(second.config);
    expect([countRows(db, 'users'), countRows(db, 'friendships'), countRows(db, 'conversations')]).toEqual([4, 8, 4]); // with the assistant and its three conversations
    db.close();
    expect((await login(second.url, 'alice')).body.user.id).toBe(alice.body.user.id);
    await second.stop();
  });

  it('creates no users without --demo', async () => {
    const server = await startServer();
    expect(errorCode(await login(server.url, 'alice'))).toBe('UNAUTHORIZED');
    await server.stop();
  });
});

describe('web app serving', () => {
  it('serves the web directory at / and falls back to index.html for page loads only', async () => {
    const webDir = tempDir();
    dirs.push(webDir);
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Confab</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.info("app")');
    const server = await startServer(['--web-dir', webDir]);
    try {
      const page = (path: string, accept = 'text/html') => fetch(`${server.url}${path}`, { headers: { accept } });
      expect(await (await page('/')).text()).toContain('<title>Confab</title>');
      expect(await (await page('/assets/app.js', '*/*')).text()).toBe('console.info("app")');
      const deepLink = await page('/chat/c_123');
      expect(deepLink.status).toBe(200);
      expect(await deepLink.text()).toContain('<title>Confab</title>');
      const apiMiss = await page('/api/v1/nothing');
      expect(apiMiss.status).toBe(404);
      expect(((await apiMiss.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      expect((await page('/missing.js', 'application/javascript')).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('shutdown', () => {
  it('closes while sockets are connected, disconnecting them', async () => {
    const server = await startServer();
    const user = await registerUser(server.url, 'closer');
    const socket = await connect(server.url, user.token);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await server.server.close();
    expect(await disconnected).toBe('io server disconnect');
    await server.stop();
  });
});
