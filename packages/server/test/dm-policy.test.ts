import type { Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, errorCode, nextEvent, openDb, registerUser, startServer, withPerson, type TestServer } from './helpers.js';

const send = (socket: Awaited<ReturnType<typeof connect>>, target: { to?: string; conversationId?: string }, text: string) =>
  emitWithAck<{ ok: boolean; message?: Message; error?: { code: string } }>(socket, 'message:send', { ...target, clientMsgId: clientMsgId(), type: 'text', content: { text } });

describe('DM policy friends (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(() => t.stop());

  it('refuses POST /conversations and sends to a stranger with NOT_FRIENDS, writing nothing', async () => {
    const buyer = await registerUser(t.url, 'buyer');
    const seller = await registerUser(t.url, 'seller');
    const db = openDb(t.config);
    // Each has the assistant's conversation already; nothing may be added to that.
    const conversationsBefore = countRows(db, 'conversations');
    const opened = await api(t.url, 'POST', '/conversations', { token: buyer.token, body: { kind: 'direct', userId: seller.user.id } });
    expect(opened.status).toBe(403);
    expect(errorCode(opened)).toBe('NOT_FRIENDS');
    const socket = await connect(t.url, buyer.token);
    expect((await send(socket, { to: seller.user.id }, 'hello')).error?.code).toBe('NOT_FRIENDS');
    expect(countRows(db, 'conversations')).toBe(conversationsBefore);
    expect(countRows(db, 'messages')).toBe(0);
    db.close();
  });

  it('returns the friends’ own conversation from POST /conversations', async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    const conversationId = await befriend(t.url, alice, bob);
    const opened = await api(t.url, 'POST', '/conversations', { token: alice.token, body: { kind: 'direct', userId: bob.user.id } });
    expect(opened.body.conversation).toMatchObject({ id: conversationId, kind: 'direct', peer: { id: bob.user.id } });
  });
});

describe('DM policy anyone', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer(['--dm-policy', 'anyone']);
  });
  afterAll(() => t.stop());

  it('lets a buyer open one conversation with a seller who is not a friend, and both chat and list it', async () => {
    const buyer = await registerUser(t.url, 'buyer');
    const seller = await registerUser(t.url, 'seller');
    const body = { kind: 'direct', userId: seller.user.id };
    const first = await api(t.url, 'POST', '/conversations', { token: buyer.token, body });
    const second = await api(t.url, 'POST', '/conversations', { token: buyer.token, body });
    expect(first.status).toBe(200);
    expect(first.body.conversation).toMatchObject({ kind: 'direct', peer: { id: seller.user.id }, unread: 0, lastSeq: 0 });
    expect(second.body.conversation.id).toBe(first.body.conversation.id);
    const conversationId: string = first.body.conversation.id;

    const [buyerSocket, sellerSocket] = await Promise.all([connect(t.url, buyer.token), connect(t.url, seller.token)]);
    const arrived = nextEvent(sellerSocket, 'message:new');
    const sent = await send(buyerSocket, { conversationId }, 'is this still for sale?');
    expect(sent.ok).toBe(true);
    expect((await arrived).content).toEqual({ text: 'is this still for sale?' });
    const reply = await send(sellerSocket, { to: buyer.user.id }, 'yes');
    expect(reply.message?.conversationId).toBe(conversationId);

    const sellerList = await api(t.url, 'GET', '/conversations', { token: seller.token });
    const people = sellerList.body.conversations.filter(withPerson);
    expect(people.map((c: { id: string; unread: number }) => [c.id, c.unread])).toEqual([[conversationId, 0]]);
    const buyerList = await api(t.url, 'GET', '/conversations', { token: buyer.token });
    expect(buyerList.body.conversations[0]).toMatchObject({ id: conversationId, unread: 1, lastSeq: 2 });
  });

  it('still checks the caller: unknown user, yourself, bad body, and a stranger’s conversation', async () => {
    const a = await registerUser(t.url, 'ann');
    const b = await registerUser(t.url, 'ben');
    const c = await registerUser(t.url, 'cid');
    const post = (token: string, body: unknown) => api(t.url, 'POST', '/conversations', { token, body });
    expect(errorCode(await post(a.token, { kind: 'direct', userId: 'u_missing' }))).toBe('NOT_FOUND');
    expect(errorCode(await post(a.token, { kind: 'direct', userId: a.user.id }))).toBe('VALIDATION');
    expect(errorCode(await post(a.token, { kind: 'group', userId: b.user.id }))).toBe('VALIDATION');
    expect((await api(t.url, 'POST', '/conversations', { body: { kind: 'direct', userId: b.user.id } })).status).toBe(401);
    const opened = await post(a.token, { kind: 'direct', userId: b.user.id });
    const intruder = await connect(t.url, c.token);
    expect((await send(intruder, { conversationId: opened.body.conversation.id }, 'hi')).error?.code).toBe('FORBIDDEN');
  });
});
