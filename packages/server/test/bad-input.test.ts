import type { AuthResponse } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, errorCode, openDb, registerUser, sleep, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
let alice: AuthResponse;
let socket: ClientSocket;
let conversationId: string;
let strangersConversation: string;
let stranger: AuthResponse;

beforeAll(async () => {
  t = await startServer();
  alice = await registerUser(t.url, 'alice');
  const bob = await registerUser(t.url, 'bob');
  conversationId = await befriend(t.url, alice, bob);
  stranger = await registerUser(t.url, 'stranger');
  const other = await registerUser(t.url, 'other');
  strangersConversation = await befriend(t.url, stranger, other);
  socket = await connect(t.url, alice.token);
});
afterAll(async () => {
  await t.stop();
});

const valid = () => ({ conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'hello' } });

function messageCount(): number {
  const db = openDb(t.config);
  try {
    return countRows(db, 'messages');
  } finally {
    db.close();
  }
}

describe('bad socket payloads', () => {
  const cases: [string, string, () => unknown, string][] = [
    ['seq as a string', 'conversation:read', () => ({ conversationId, seq: '3' }), 'VALIDATION'],
    ['a negative seq', 'conversation:read', () => ({ conversationId, seq: -1 }), 'VALIDATION'],
    ['content.text as a number', 'message:send', () => ({ ...valid(), content: { text: 42 } }), 'VALIDATION'],
    ['a missing clientMsgId', 'message:send', () => ({ conversationId, type: 'text', content: { text: 'x' } }), 'VALIDATION'],
    ['neither conversationId nor to', 'message:send', () => ({ clientMsgId: clientMsgId(), type: 'text', content: { text: 'x' } }), 'VALIDATION'],
    ['both conversationId and to', 'message:send', () => ({ ...valid(), to: stranger.user.id }), 'VALIDATION'],
    ['an unknown type', 'message:send', () => ({ ...valid(), type: 'image' }), 'VALIDATION'],
    ['blank text', 'message:send', () => ({ ...valid(), content: { text: '   ' } }), 'VALIDATION'],
    ['a clientMsgId over 64 characters', 'message:send', () => ({ ...valid(), clientMsgId: 'x'.repeat(65) }), 'TOO_LARGE'],
    ['a payload that is a string', 'message:send', () => 'not an object', 'VALIDATION'],
    ['a null payload', 'conversation:read', () => null, 'VALIDATION'],
    ['an unknown conversation', 'message:send', () => ({ ...valid(), conversationId: 'c_unknown' }), 'NOT_FOUND'],
    ["a stranger's conversation", 'message:send', () => ({ ...valid(), conversationId: strangersConversation }), 'FORBIDDEN'],
    ["reading a stranger's conversation", 'conversation:read', () => ({ conversationId: strangersConversation, seq: 1 }), 'FORBIDDEN'],
    ['a send to a non-friend by id', 'message:send', () => ({ clientMsgId: clientMsgId(), type: 'text', content: { text: 'hi' }, to: stranger.user.id }), 'NOT_FRIENDS'],
    ['a 1 MB text', 'message:send', () => ({ ...valid(), content: { text: 'x'.repeat(1_000_000) } }), 'TOO_LARGE'],
    ['a 4001-character text', 'message:send', () => ({ ...valid(), content: { text: 'x'.repeat(4001) } }), 'TOO_LARGE'],
    ['4001 emoji (limits count code points)', 'message:send', () => ({ ...valid(), content: { text: '😀'.repeat(4001) } }), 'TOO_LARGE'],
    ['a text of zero-width spaces', 'message:send', () => ({ ...valid(), content: { text: '\u200B\u200B' } }), 'VALIDATION'],
    ['an unknown event name', 'no:such-event', () => ({ a: 1 }), 'NOT_FOUND'],
  ];

  for (const [name, event, payload, code] of cases) {
    it(`answers ${name} with ${code}, writes nothing, and keeps the socket usable`, async () => {
      const before = messageCount();
      const ack = await emitWithAck(socket, event, payload());
      expect(ack).toMatchObject({ ok: false, error: { code } });
      expect(typeof ack.error.message).toBe('string');
      expect(messageCount()).toBe(before);
      expect(socket.connected).toBe(true);
      const next = await emitWithAck(socket, 'message:send', valid());
      expect(next.ok).toBe(true);
    });
  }

  it('accepts 4000 emoji, since limits count code points, and stores them whole', async () => {
    const ack = await emitWithAck(socket, 'message:send', { ...valid(), content: { text: '😀'.repeat(4000) } });
    expect(ack.ok).toBe(true);
    expect(ack.message.content.text).toBe('😀'.repeat(4000));
  });

  it('names the offending field in the details', async () => {
    const ack = await emitWithAck(socket, 'message:send', { ...valid(), content: { text: 42 } });
    expect(ack.error.details.fields[0].field).toBe('content.text');
  });

  it('survives an event sent without an ack callback, and one sent with only a callback', async () => {
    const before = messageCount();
    socket.emit('message:send', { ...valid(), content: { text: 7 } } as never, undefined as never);
    (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit('conversation:read');
    const onlyCallback = await new Promise((resolve) => (socket as unknown as { emit(event: string, cb: (r: unknown) => void): void }).emit('message:send', resolve));
    expect(onlyCallback).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await sleep(100);
    expect(messageCount()).toBe(before);
    expect(socket.connected).toBe(true);
    expect((await emitWithAck(socket, 'message:send', valid())).ok).toBe(true);
  });

  it('refuses a send after the friendship ended with NOT_FRIENDS', async () => {
    const carol = await registerUser(t.url, 'carol');
    const withCarol = await befriend(t.url, alice, carol);
    expect((await api(t.url, 'DELETE', `/friends/${alice.user.id}`, { token: carol.token })).status).toBe(200);
    const ack = await emitWithAck(socket, 'message:send', { ...valid(), conversationId: withCarol });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FRIENDS' } });
  });
});

describe('bad REST input', () => {
  it('answers malformed JSON with VALIDATION', async () => {
    const result = await api(t.url, 'POST', '/auth/login', { rawBody: '{"username": "alice",' });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('VALIDATION');
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    const result = await api(t.url, 'GET', '/no/such/route', { token: alice.token });
    expect(result.status).toBe(404);
    expect(errorCode(result)).toBe('NOT_FOUND');
  });

  it('answers history with both before and after with VALIDATION', async () => {
    const result = await api(t.url, 'GET', `/conversations/${conversationId}/messages?before=10&after=2`, { token: alice.token });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('VALIDATION');
  });

  it('answers limit=1000 with VALIDATION (limits over 100 are refused, not clamped)', async () => {
    const result = await api(t.url, 'GET', `/conversations/${conversationId}/messages?limit=1000`, { token: alice.token });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'limit' }] } });
    expect(errorCode(await api(t.url, 'GET', `/conversations/${conversationId}/messages?limit=1.5`, { token: alice.token }))).toBe('VALIDATION');
  });

  it('answers a read body with a string seq with VALIDATION and leaves the cursor', async () => {
    const result = await api(t.url, 'POST', `/conversations/${conversationId}/read`, { token: alice.token, body: { seq: '3' } });
    expect(errorCode(result)).toBe('VALIDATION');
  });

  it('answers a body over 2 MB with TOO_LARGE and a 1 MB note with TOO_LARGE', async () => {
    const huge = await api(t.url, 'POST', '/auth/login', { body: { username: 'alice', password: 'x'.repeat(2_100_000) } });
    expect(huge.status).toBe(413);
    expect(errorCode(huge)).toBe('TOO_LARGE');
    const note = await api(t.url, 'POST', '/requests', { token: alice.token, body: { kind: 'friend', targetId: stranger.user.id, note: 'x'.repeat(1_000_000) } });
    expect(note.status).toBe(413);
    expect(errorCode(note)).toBe('TOO_LARGE');
  });

  it('answers health and readiness checks', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ ok: true });
    expect((await api(t.url, 'GET', '/healthz')).body).toEqual({ ok: true });
  });
});
