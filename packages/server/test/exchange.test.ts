import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHostToken } from '../src/index.js';
import { api, countRows, errorCode, openDb, startServer, type TestServer } from './helpers.js';

const SECRET = 'the-shop-secret-of-at-least-32-chars!';
let t: TestServer;
beforeAll(async () => {
  t = await startServer(['--embed-apps', `shop:${SECRET},blog:${SECRET}-blog`]);
});
afterAll(async () => {
  await t.stop();
});

const exchange = (token: string) => api(t.url, 'POST', '/auth/exchange', { body: { token } });
const sign = (claims: Record<string, unknown>, options: { kid?: string; secret?: string; iat?: number; exp?: number } = {}) => {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: options.kid ?? 'shop' })
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 60)
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
};
const valid = { sub: 'u-1', name: 'Ada', iss: 'shop', aud: 'confab' };

describe('POST /auth/exchange', () => {
  it('creates the host user once, then updates its name and avatar, keeping the same Confab user', async () => {
    const first = await exchange(await signHostToken({ appId: 'shop', secret: SECRET, userId: 'buyer-42', name: 'Ada Buyer' }));
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ displayName: 'Ada Buyer', avatarUrl: null });
    expect(first.body.user.username).toMatch(/^shop\.buyer42\.[0-9a-f]{6}$/);
    const me = await api(t.url, 'GET', '/me', { token: first.body.token });
    expect(me.body.user.id).toBe(first.body.user.id);

    const avatar = 'https://shop.example/ada.png';
    const again = await exchange(await signHostToken({ appId: 'shop', secret: SECRET, userId: 'buyer-42', name: 'Ada B.', avatar }));
    expect(again.body.user).toMatchObject({ id: first.body.user.id, displayName: 'Ada B.', avatarUrl: avatar });
    const db = openDb(t.config);
    expect(db.prepare('SELECT COUNT(*) AS n FROM external_identities WHERE subject = ?').get('buyer-42')).toEqual({ n: 1 });
    db.close();
  });

  it('gives a host user the assistant as a contact once, however often they sign in', async () => {
    const token = () => signHostToken({ appId: 'shop', secret: SECRET, userId: 'helper-7', name: 'Hal' });
    const first = await exchange(await token());
    await exchange(await token());
    const friends = await api(t.url, 'GET', '/friends', { token: first.body.token });
    expect(friends.body.friends.map((friend: { user: { username: string } }) => friend.user.username)).toEqual(['assistant']);
  });

  it('keeps the same subject of two applications apart', async () => {
    const shop = await exchange(await signHostToken({ appId: 'shop', secret: SECRET, userId: 'same', name: 'Shop user' }));
    const blog = await exchange(await signHostToken({ appId: 'blog', secret: `${SECRET}-blog`, userId: 'same', name: 'Blog user' }));
    expect(shop.status).toBe(200);
    expect(blog.status).toBe(200);
    expect(shop.body.user.id).not.toBe(blog.body.user.id);
  });

  it('cannot be used to log in with a password', async () => {
    const { body } = await exchange(await signHostToken({ appId: 'shop', secret: SECRET, userId: 'nopass', name: 'No Pass' }));
    const login = await api(t.url, 'POST', '/auth/login', { body: { username: body.user.username, password: '!' } });
    expect(errorCode(login)).toBe('UNAUTHORIZED');
  });

  it.each([
    ['a wrong secret', () => sign(valid, { secret: `${SECRET}-wrong` }), /bad signature/],
    ['an unknown app', () => sign({ ...valid, iss: 'other' }, { kid: 'other' }), /unknown application/],
    ['another app as issuer', () => sign({ ...valid, iss: 'blog' }), /claims or signature/],
    ['a wrong audience', () => sign({ ...valid, aud: 'elsewhere' }), /claims or signature/],
    ['no name', () => sign({ sub: 'x', iss: 'shop', aud: 'confab' }), /name must be/],
    ['an expired token', () => sign(valid, { iat: Math.floor(Date.now() / 1000) - 120, exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['a lifetime over 10 minutes', () => sign(valid, { exp: Math.floor(Date.now() / 1000) + 3600 }), /lifetime/],
    ['a javascript: avatar', () => sign({ ...valid, avatar: 'javascript:alert(1)' }), /avatar/],
    ['a name with a bidi override (spoofing "Supportexe.pdf")', () => sign({ ...valid, name: 'Support\u202Efdp.exe' }), /bidirectional/],
    ['an invisible name', () => sign({ ...valid, name: '\u200B\u200B' }), /visible characters/],
    ['a token issued in the future', () => sign(valid, { iat: Math.floor(Date.now() / 1000) + 3000, exp: Math.floor(Date.now() / 1000) + 3300 }), /issued in the future/],
    ['alg none', async () => `${Buffer.from('{"alg":"none","kid":"shop"}').toString('base64url')}.${Buffer.from(JSON.stringify(valid)).toString('base64url')}.`, /claims or signature/],
    ['garbage', async () => 'not-a-jwt', /not a JWT/],
  ])('refuses %s as UNAUTHORIZED and writes nothing', async (_name, make, message) => {
    const db = openDb(t.config);
    const before = countRows(db, 'users');
    const result = await exchange(await make());
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('UNAUTHORIZED');
    expect(result.body.error.message).toMatch(message);
    expect(countRows(db, 'users')).toBe(before);
    db.close();
  });

  it('answers VALIDATION for a body without a token', async () => {
    expect(errorCode(await api(t.url, 'POST', '/auth/exchange', { body: {} }))).toBe('VALIDATION');
  });

  it('signHostToken refuses a lifetime over 600 seconds', async () => {
    await expect(signHostToken({ appId: 'shop', secret: SECRET, userId: 'x', name: 'X', ttlSeconds: 601 })).rejects.toThrow(RangeError);
  });
});
