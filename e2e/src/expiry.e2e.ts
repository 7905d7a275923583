import { createChatClient } from '@confab/core';
import type { AuthResponse } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './chaos/devices.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(['--token-ttl', '2']);
});
afterAll(async () => {
  await server.stop();
});

async function register(username: string): Promise<AuthResponse> {
  const response = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'expiry-password' }),
  });
  return (await response.json()) as AuthResponse;
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'expiry-password' }),
  });
  return ((await response.json()) as AuthResponse).token;
}

describe('tokens expiring on live connections', () => {
  it('asks getToken for a fresh token before reconnecting and stays connected with it', async () => {
    const auth = await register('renewer');
    let asked = 0;
    const client = createChatClient({
      url: server.url,
      getToken: async () => (asked++ === 0 ? auth.token : login('renewer')),
    });
    await client.resume();
    await until(() => client.getState().connection === 'connected', 5_000, 'connected');
    await until(() => asked >= 2, 5_000, 'getToken asked again at expiry');
    await until(() => client.getState().connection === 'connected', 5_000, 'connected again');
    expect(client.getState().connection).toBe('connected');
    client.logout();
  });

  it('shows the session as expired, instead of retrying forever, when getToken has none', async () => {
    const auth = await register('quitter');
    const states: string[] = [];
    let first = true;
    const client = createChatClient({
      url: server.url,
      getToken: () => {
        const token = first ? auth.token : null;
        first = false;
        return token;
      },
    });
    client.on('connection', (state) => states.push(state));
    await client.resume();
    await until(() => client.getState().connection === 'expired', 6_000, 'expired');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(client.getState().connection).toBe('expired');
    expect(states.at(-1)).toBe('expired');
    client.logout();
  });
});
