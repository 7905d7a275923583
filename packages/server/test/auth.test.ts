import type { AuthResponse } from '@confab/protocol';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, errorCode, nextEvent, PASSWORD, registerUser, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

/** A correctly signed token that expired a minute ago. */
async function expiredToken(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuedAt(now - 120)
    .setExpirationTime(now - 60)
    .sign(new TextEncoder().encode(t.config.jwtSecret));
}

describe('accounts', () => {
  it('registers, logs in and reads /me with the token', async () => {
    const registered = await api<AuthResponse>(t.url, 'POST', '/auth/register', {
      body: { username: 'dana', password: PASSWORD, displayName: 'Dana D.' },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({ username: 'dana', displayName: 'Dana D.', avatarUrl: null });
    expect(registered.body.user.id).toMatch(/^u_/);
    const weekMs = 7 * 24 * 3600 * 1000;
    expect(registered.body.expiresAt).toBeGreaterThan(Date.now() + weekMs - 5000);
    expect(registered.body.expiresAt).toBeLessThanOrEqual(Date.now() + weekMs + 1000);

    const login = await api<AuthResponse>(t.url, 'POST', '/auth/login', { body: { username: 'DANA', password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(registered.body.user.id);

    const me = await api(t.url, 'GET', '/me', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: registered.body.user, presenceSettings: { showPresence: true } });
  });

  it('defaults the display name to the username', async () => {
    const registered = await api<AuthResponse>(t.url, 'POST', '/auth/register', { body: { username: 'erin', password: PASSWORD } });
    expect(registered.body.user.displayName).toBe('erin');
  });

  it('uses the username when the display name is blank or invisible', async () => {
    for (const [username, displayName] of [['gina', '   '], ['hank', '\u200B\u3164']]) {
      const registered = await api<AuthResponse>(t.url, 'POST', '/auth/register', { body: { username, password: PASSWORD, displayName } });
      expect(registered.status).toBe(201);
      expect(registered.body.user.displayName).toBe(username);
    }
  });

  it('refuses a display name with bidi override characters, which could spoof how it reads', async () => {
    const result = await api(t.url, 'POST', '/auth/register', { body: { username: 'ivan', password: PASSWORD, displayName: '\u202Eevil\u202C' } });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('VALIDATION');
    expect(result.body.error.details.fields[0].field).toBe('displayName');
  });

  it('refuses a taken username, in any letter case, with CONFLICT', async () => {
    await registerUser(t.url, 'frank');
    const again = await api(t.url, 'POST', '/auth/register', { body: { username: 'dana', password: PASSWORD } });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
    const upper = await api(t.url, 'POST', '/auth/register', { body: { username: 'Dana', password: PASSWORD } });
    expect(errorCode(upper)).toBe('CONFLICT');
  });

  it('answers a wrong password and an unknown user with the same UNAUTHORIZED message', async () => {
    const wrongPassword = await api(t.url, 'POST', '/auth/login', { body: { username: 'dana', password: 'not the password' } });
    const unknownUser = await api(t.url, 'POST', '/auth/login', { body: { username: 'nobody-here', password: PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(errorCode(wrongPassword)).toBe('UNAUTHORIZED');
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it('rejects a bad username or a short password with VALIDATION naming the field', async () => {
    const badName = await api(t.url, 'POST', '/auth/register', { body: { username: '-bad name', password: PASSWORD } });
    expect(badName.status).toBe(400);
    expect(badName.body.error.code).toBe('VALIDATION');
    expect(badName.body.error.details.fields[0].field).toBe('username');
    const shortPassword = await api(t.url, 'POST', '/auth/register', { body: { username: 'gina', password: 'short' } });
    expect(shortPassword.body.error.details.fields[0].field).toBe('password');
  });
});

describe('tokens', () => {
  it('refuses requests without a token, with a garbage token, and with an expired token', async () => {
    const user = await registerUser(t.url, 'hank');
    for (const token of [undefined, 'garbage.token.here', await expiredToken(user.user.id)]) {
      const me = await api(t.url, 'GET', '/me', { token });
      expect(me.status).toBe(401);
      expect(errorCode(me)).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a socket handshake with an expired or garbage token, carrying UNAUTHORIZED in err.data', async () => {
    const user = await registerUser(t.url, 'ivy');
    for (const token of [await expiredToken(user.user.id), 'garbage']) {
      const error = await connect(t.url, token).then(
        () => null,
        (err: Error & { data?: { code: string } }) => err,
      );
      expect(error?.data?.code).toBe('UNAUTHORIZED');
    }
  });

  it('tells a live socket its session expired and disconnects it when the token runs out', async () => {
    const shortLived = await startServer(['--token-ttl', '2']);
    try {
      const user = await registerUser(shortLived.url, 'jack');
      const socket = await connect(shortLived.url, user.token);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const expired = await nextEvent(socket, 'session:expired', 4000);
      expect(expired).toEqual({ reason: 'expired' });
      expect(await disconnected).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(user.expiresAt);
    } finally {
      await shortLived.stop();
    }
  });
});
