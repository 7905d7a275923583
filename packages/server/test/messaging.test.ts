import type { AuthResponse, Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, openDb, record, registerUser, sleep, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

interface Pair {
  alice: AuthResponse;
  bob: AuthResponse;
  conversationId: string;
}

async function friends(): Promise<Pair> {
  const alice = await registerUser(t.url, 'alice');
  const bob = await registerUser(t.url, 'bob');
  return { alice, bob, conversationId: await befriend(t.url, alice, bob) };
}

const text = (conversationId: string, body: string, id = clientMsgId()) => ({ conversationId, clientMsgId: id, type: 'text', content: { text: body } });
const send = (socket: ClientSocket, payload: unknown) => emitWithAck<{ ok: boolean; message: Message }>(socket, 'message:send', payload);

describe('sending messages', () => {
  it('numbers messages 1, 2, 3 and delivers each to every socket of both members but the sending one', async () => {
    const { alice, bob, conversationId } = await friends();
    const [alice1, alice2, bob1, bob2] = await Promise.all([alice.token, alice.token, bob.token, bob.token].map((token) => connect(t.url, token)));
    const received = [alice1, alice2, bob1, bob2].map((socket) => record(socket!, 'message:new'));

    const acks = [];
    for (const body of ['one', 'two', 'three']) acks.push(await send(alice1!, text(conversationId, body)));
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true]);
    expect(acks.map((ack) => ack.message.seq)).toEqual([1, 2, 3]);
    expect(acks[0]!.message).toMatchObject({ conversationId, senderId: alice.user.id, type: 'text', content: { text: 'one' } });
    expect(acks[0]!.message.id).toMatch(/^m_/);

    await sleep(150);
    // The sending socket has each message in its ack; alice's other tab and both of bob's get message:new.
    expect(received.map((events) => events.map((message) => message.seq))).toEqual([[], [1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    expect(received[2]![0]).toEqual(acks[0]!.message);
  });

  it('sends to a friend by user id through their direct conversation', async () => {
    const { alice, bob, conversationId } = await friends();
    const socket = await connect(t.url, alice.token);
    const ack = await send(socket, { to: bob.user.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'by id' } });
    expect(ack.ok).toBe(true);
    expect(ack.message.conversationId).toBe(conversationId);
  });

  it('returns the original message for a resent clientMsgId and pushes nothing new', async () => {
    const { alice, bob, conversationId } = await friends();
    const aliceSocket = await connect(t.url, alice.token);
    const bobSocket = await connect(t.url, bob.token);
    const bobReceived = record(bobSocket, 'message:new');
    const payload = text(conversationId, 'only once');
    const first = await send(aliceSocket, payload);
    const second = await send(aliceSocket, payload);
    expect(second.ok).toBe(true);
    expect(second.message).toEqual(first.message);
    await sleep(150);
    expect(bobReceived).toHaveLength(1);

    const other = await friends();
    const otherSocket = await connect(t.url, other.alice.token);
    // The same clientMsgId from a different sender is a different message.
    expect((await send(otherSocket, text(other.conversationId, 'mine', payload.clientMsgId))).ok).toBe(true);
  });

  it('answers CONFLICT when a clientMsgId is reused for another conversation', async () => {
    const { alice, conversationId } = await friends();
    const carol = await registerUser(t.url, 'carol');
    const otherConversation = await befriend(t.url, alice, carol);
    const socket = await connect(t.url, alice.token);
    const id = clientMsgId();
    expect((await send(socket, text(conversationId, 'first', id))).ok).toBe(true);
    const reused = await emitWithAck(socket, 'message:send', text(otherConversation, 'second', id));
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('gives 20 concurrent sends from two senders the seqs 1..20 without gaps or duplicates', async () => {
    const { alice, bob, conversationId } = await friends();
    const aliceSocket = await connect(t.url, alice.token);
    const bobSocket = await connect(t.url, bob.token);
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, index) => send(index % 2 === 0 ? aliceSocket : bobSocket, text(conversationId, `#${index}`))),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(acks.map((ack) => ack.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('stores one message for concurrent duplicate sends of the same clientMsgId', async () => {
    const { alice, conversationId } = await friends();
    const sockets = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token)]);
    const payload = text(conversationId, 'racing');
    const acks = await Promise.all(Array.from({ length: 10 }, (_, index) => send(sockets[index % 2]!, payload)));
    expect(new Set(acks.map((ack) => ack.message.id)).size).toBe(1);
    expect(new Set(acks.map((ack) => ack.message.seq))).toEqual(new Set([1]));
    const db = openDb(t.config);
    const stored = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(conversationId) as { n: number };
    expect(countRows(db, 'messages')).toBeGreaterThan(0);
    db.close();
    expect(stored.n).toBe(1);
  });
});

describe('history', () => {
  it('pages 120 messages in ascending pages of 50 with before, after and hasMore', async () => {
    const { alice, conversationId } = await friends();
    const socket = await connect(t.url, alice.token);
    for (let index = 1; index <= 120; index += 1) await send(socket, text(conversationId, `message ${index}`));
    const page = (query: string) => api(t.url, 'GET', `/conversations/${conversationId}/messages${query}`, { token: alice.token });
    const seqs = (messages: Message[]) => messages.map((message) => message.seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

    const newest = await page('');
    expect(seqs(newest.body.messages)).toEqual(range(71, 120));
    expect(newest.body.hasMore).toBe(true);
    const older = await page('?before=71');
    expect(seqs(older.body.messages)).toEqual(range(21, 70));
    expect(older.body.hasMore).toBe(true);
    const oldest = await page('?before=21');
    expect(seqs(oldest.body.messages)).toEqual(range(1, 20));
    expect(oldest.body.hasMore).toBe(false);

    const fromStart = await page('?after=0');
    expect(seqs(fromStart.body.messages)).toEqual(range(1, 50));
    expect(fromStart.body.hasMore).toBe(true);
    const tail = await page('?after=100&limit=50');
    expect(seqs(tail.body.messages)).toEqual(range(101, 120));
    expect(tail.body.hasMore).toBe(false);
    const small = await page('?after=10&limit=5');
    expect(seqs(small.body.messages)).toEqual(range(11, 15));
    expect(small.body.messages[0].content).toEqual({ text: 'message 11' });
  });

  it('refuses history to non-members and for unknown conversations', async () => {
    const { conversationId } = await friends();
    const stranger = await registerUser(t.url, 'stranger');
    const forbidden = await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: stranger.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const missing = await api(t.url, 'GET', '/conversations/c_missing/messages', { token: stranger.token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
