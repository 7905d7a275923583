import type { AuthResponse } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHostToken } from '../src/index.js';
import { findUnstorableText } from '../src/unstorable-text.js';
import { api, clientMsgId, connect, emitWithAck, errorCode, friendPair, startServer, type ClientSocket, type TestServer } from './helpers.js';

// Runs on SQLite, and on PostgreSQL with CONFAB_TEST_SERVER_STORE=postgres: both backends answer the same.
const SECRET = 'the-shop-secret-of-at-least-32-chars!';
const NUL = 'a\u0000b';
const LONE = 'a\ud800b';
let t: TestServer;
let alice: AuthResponse;
let conversationId: string;
let groupId: string;
let socket: ClientSocket;

beforeAll(async () => {
  t = await startServer(['--embed-apps', `shop:${SECRET}`]);
  ({ alice, conversationId } = await friendPair(t.url));
  groupId = (await api(t.url, 'POST', '/groups', { token: alice.token, body: { name: 'Plain' } })).body.group.id;
  socket = await connect(t.url, alice.token);
});
afterAll(async () => {
  await t.stop();
});

const history = async () => (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: alice.token })).body.messages;

describe('a NUL or a lone surrogate in any string input', () => {
  it('finds them in strings and property names at any depth, and lets paired surrogates (emoji) through', () => {
    expect(findUnstorableText({ content: { text: NUL } })).toEqual({ path: ['content', 'text'], problem: 'contains a NUL character (U+0000)' });
    expect(findUnstorableText({ list: ['ok', LONE] })?.path).toEqual(['list', '1']);
    expect(findUnstorableText({ ['k\udc00']: 1 })?.problem).toMatch(/^has a property name that contains a lone UTF-16 surrogate/);
    expect(findUnstorableText({ text: 'fine 😀 \ud83d\ude00', n: 1, nothing: null })).toBeNull();
  });

  it('is VALIDATION in every socket payload field, nothing is stored and the socket stays up', async () => {
    const before = await history();
    const payloads = [
      { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: NUL } },
      { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: LONE } },
      { conversationId, clientMsgId: `n${NUL}3`, type: 'text', content: { text: 'hi' } },
      { conversationId: `c${NUL}`, clientMsgId: clientMsgId(), type: 'text', content: { text: 'hi' } },
    ];
    for (const payload of payloads) {
      const ack = await emitWithAck(socket, 'message:send', payload);
      expect(ack.error?.code, JSON.stringify(payload)).toBe('VALIDATION');
      expect(ack.error.message).toMatch(/^Invalid message:send payload field "(content\.text|clientMsgId|conversationId)": contains a (NUL character|lone UTF-16 surrogate)/);
    }
    expect(socket.connected).toBe(true);
    expect(await history()).toEqual(before);
    const ok = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'still here' } });
    expect(ok.error).toBeUndefined();
  });

  it('is VALIDATION in REST bodies, query strings and path parameters, and nothing is written', async () => {
    const groups = async () => (await api(t.url, 'GET', '/groups', { token: alice.token })).body.groups;
    const before = await groups();
    const cases: [string, string, unknown?][] = [
      ['POST', '/groups', { name: 'New', description: `d${NUL}x` }],
      ['POST', '/groups', { name: 'New', description: LONE }],
      ['PATCH', `/groups/${groupId}`, { description: NUL }],
      ['PATCH', `/groups/${groupId}`, { avatarUrl: `https://x/${NUL}` }],
      ['GET', '/users?query=%00'],
      ['GET', '/groups?query=a%00'],
      ['GET', `/groups/g_${encodeURIComponent(NUL)}`],
      ['POST', '/auth/register', { username: 'nully', password: 'correct horse battery', displayName: LONE }],
    ];
    for (const [method, path, body] of cases) {
      const result = await api(t.url, method, path, { token: alice.token, body });
      expect(result.status, `${method} ${path}`).toBe(400);
      expect(errorCode(result)).toBe('VALIDATION');
      expect(result.body.error.details.fields[0].problem).toMatch(/^contains a (NUL character|lone UTF-16 surrogate)/);
    }
    expect(await groups()).toEqual(before);
    expect((await api(t.url, 'POST', '/auth/login', { body: { username: 'nully', password: 'correct horse battery' } })).status).toBe(401);
  });

  it('is VALIDATION in a host token claim, and no user is created', async () => {
    for (const [userId, name] of [[`buyer${NUL}`, 'Ada'], ['buyer-1', `Ada${LONE}`]] as const) {
      const result = await api(t.url, 'POST', '/auth/exchange', { body: { token: await signHostToken({ appId: 'shop', secret: SECRET, userId, name }) } });
      expect(errorCode(result)).toBe('VALIDATION');
      expect(result.body.error.message).toMatch(/^Invalid host token claim field "(sub|name)": contains a/);
    }
    const search = await api(t.url, 'GET', '/users?query=Ada', { token: alice.token });
    expect(search.body.users).toEqual([]);
  });
});
