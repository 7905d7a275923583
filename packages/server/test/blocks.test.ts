import { ASSISTANT_USER_ID, type AuthResponse, type Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, errorCode, friendPair, nextEvent, record, registerUser, sleep, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop());

const block = (who: AuthResponse, userId: unknown) => api(t.url, 'POST', '/blocks', { token: who.token, body: { userId } });
const unblock = (who: AuthResponse, userId: string) => api(t.url, 'DELETE', `/blocks/${userId}`, { token: who.token });
const sendText = (socket: ClientSocket, conversationId: string, text: string) =>
  emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } });
const conversationOf = async (who: AuthResponse, conversationId: string) =>
  (await api(t.url, 'GET', '/conversations', { token: who.token })).body.conversations.find((c: { id: string }) => c.id === conversationId);
const history = async (who: AuthResponse, conversationId: string): Promise<Message[]> =>
  (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: who.token })).body.messages;

describe('blocking a user', () => {
  it('blocks and unblocks idempotently, tells every device of the blocker and nobody else', async () => {
    const { alice, bob } = await friendPair(t.url);
    const [laptop, phone, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token)]);
    const bobHeard = record(b, 'block:changed');
    const onPhone = nextEvent(phone, 'block:changed');
    const first = await block(alice, bob.user.id);
    expect(first.status).toBe(200);
    expect(first.body.block).toMatchObject({ user: { id: bob.user.id, displayName: 'bob' } });
    expect(await onPhone).toEqual({ change: 'blocked', block: first.body.block });
    // Again: the same block, its first time.
    expect((await block(alice, bob.user.id)).body).toEqual(first.body);
    expect((await api(t.url, 'GET', '/blocks', { token: alice.token })).body).toEqual({ blocks: [first.body.block] });
    expect((await api(t.url, 'GET', '/blocks', { token: bob.token })).body).toEqual({ blocks: [] });

    const unblocked = nextEvent(laptop, 'block:changed');
    expect((await unblock(alice, bob.user.id)).body).toEqual({ ok: true });
    expect(await unblocked).toEqual({ change: 'unblocked', userId: bob.user.id });
    expect((await unblock(alice, bob.user.id)).body).toEqual({ ok: true });
    expect((await api(t.url, 'GET', '/blocks', { token: alice.token })).body).toEqual({ blocks: [] });
    await sleep(100);
    expect(bobHeard).toEqual([]);
  });

  it('refuses oneself, the assistant, an unknown user and bad input, writing nothing', async () => {
    const alice = await registerUser(t.url, 'alice');
    expect(errorCode(await block(alice, alice.user.id))).toBe('VALIDATION');
    expect(errorCode(await block(alice, ASSISTANT_USER_ID))).toBe('VALIDATION');
    expect(errorCode(await unblock(alice, ASSISTANT_USER_ID))).toBe('VALIDATION');
    expect(errorCode(await block(alice, 'u_nobody'))).toBe('NOT_FOUND');
    expect(errorCode(await unblock(alice, 'u_nobody'))).toBe('NOT_FOUND');
    expect(errorCode(await block(alice, 42))).toBe('VALIDATION');
    expect(errorCode(await api(t.url, 'POST', '/blocks', { token: alice.token, body: { userId: 'u_x', extra: 1 } }))).toBe('VALIDATION');
    expect(errorCode(await api(t.url, 'POST', '/blocks', { body: { userId: 'u_x' } }))).toBe('UNAUTHORIZED');
    expect((await api(t.url, 'GET', '/blocks', { token: alice.token })).body).toEqual({ blocks: [] });
  });

  it("keeps the blocked user's messages from the blocker: acked as usual, never pushed, listed, counted, previewed or found", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b, bobPhone] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, bob.token)]);
    const before = (await sendText(b, conversationId, 'before the block')).message as Message;
    await emitWithAck(a, 'conversation:read', { conversationId, seq: before.seq });
    await block(alice, bob.user.id);
    const aliceHeard = [record(a, 'message:new'), record(a, 'conversation:read'), record(a, 'message:changed')];
    const onBobPhone = nextEvent(bobPhone, 'message:new');

    const ack = await sendText(b, conversationId, 'sneaky zebra');
    expect(ack).toMatchObject({ ok: true, message: { conversationId, seq: before.seq + 1, senderId: bob.user.id, content: { text: 'sneaky zebra' } } });
    expect(await onBobPhone).toEqual(ack.message);
    // Resending the same clientMsgId answers the same message, still for bob only.
    expect(await emitWithAck(b, 'message:send', { conversationId, clientMsgId: ack.message.clientMsgId, type: 'text', content: { text: 'sneaky zebra' } })).toEqual(ack);

    // Bob sees his message as any other, never read by alice.
    expect((await history(bob, conversationId)).at(-1)).toEqual(ack.message);
    expect(await conversationOf(bob, conversationId)).toMatchObject({ lastMessage: ack.message, peerReadSeq: before.seq });
    // Alice: no unread, the message before as the preview at its time, only a content-less place in the timeline.
    const seen = await conversationOf(alice, conversationId);
    expect(seen).toMatchObject({ lastSeq: ack.message.seq, readSeq: ack.message.seq, unread: 0, lastMessage: before, activeAt: before.createdAt });
    expect((await history(alice, conversationId)).at(-1)).toEqual({ ...ack.message, type: 'hidden', content: {} });
    const synced = await emitWithAck(a, 'sync', { cursors: [{ conversationId, seq: before.seq }] });
    const entry = synced.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId);
    expect(entry.messages).toEqual([{ ...ack.message, type: 'hidden', content: {} }]);
    expect((await api(t.url, 'GET', '/messages/search?q=zebra', { token: alice.token })).body.results).toEqual([]);
    expect((await api(t.url, 'GET', '/messages/search?q=zebra', { token: bob.token })).body.results).toHaveLength(1);

    // Alice reading to the end: bob gets no receipt for the message she never got.
    const bobReceipts = record(b, 'conversation:read');
    expect(await emitWithAck(a, 'conversation:read', { conversationId, seq: ack.message.seq })).toEqual({ ok: true, conversationId, readSeq: ack.message.seq, unread: 0 });
    // Bob recalling it tells alice nothing either.
    expect(await emitWithAck(b, 'message:recall', { messageId: ack.message.id })).toMatchObject({ ok: true });
    await sleep(150);
    expect(aliceHeard).toEqual([[], [], []]);
    expect(bobReceipts).toEqual([]);
    expect(await conversationOf(bob, conversationId)).toMatchObject({ peerReadSeq: before.seq });
  });

  it("refuses the blocker's own messages to the blocked user with FORBIDDEN, by conversation and by user id", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    await block(alice, bob.user.id);
    const bobHeard = record(b, 'message:new');
    const refused = await sendText(a, conversationId, 'hi');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'blocked' } } });
    const byId = await emitWithAck(a, 'message:send', { to: bob.user.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'hi' } });
    expect(byId).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await sleep(100);
    expect(bobHeard).toEqual([]);
    expect((await history(bob, conversationId)).map((message) => message.type)).not.toContain('text');
  });

  it('delivers again after unblocking; what was sent meanwhile stays undelivered', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    await block(alice, bob.user.id);
    const kept = (await sendText(b, conversationId, 'while blocked')).message as Message;
    await unblock(alice, bob.user.id);
    const live = nextEvent(a, 'message:new');
    const after = (await sendText(b, conversationId, 'after unblocking')).message as Message;
    expect(await live).toEqual(after);
    expect(await conversationOf(alice, conversationId)).toMatchObject({ unread: 1, lastMessage: after });
    expect((await history(alice, conversationId)).slice(-2)).toEqual([{ ...kept, type: 'hidden', content: {} }, after]);
    expect((await sendText(a, conversationId, 'hello again')).ok).toBe(true);
  });

  it("hides the blocked user's friend requests from the blocker; the sender sees them pending", async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    await block(alice, bob.user.id);
    const aliceHeard = [record(a, 'request:new'), record(a, 'request:updated')];
    const sent = await api(t.url, 'POST', '/requests', { token: bob.token, body: { kind: 'friend', targetId: alice.user.id, note: 'hi' } });
    expect(sent.status).toBe(201);
    expect(sent.body.request).toMatchObject({ status: 'pending', from: { id: bob.user.id }, to: { id: alice.user.id } });
    expect((await api(t.url, 'GET', '/requests', { token: bob.token })).body.requests).toEqual([sent.body.request]);
    expect((await api(t.url, 'GET', '/requests', { token: alice.token })).body.requests).toEqual([]);
    expect(errorCode(await api(t.url, 'POST', `/requests/${sent.body.request.id}/accept`, { token: alice.token }))).toBe('NOT_FOUND');
    // The blocker asking the blocked user: refused, so she knows to unblock first.
    expect(errorCode(await api(t.url, 'POST', '/requests', { token: alice.token, body: { kind: 'friend', targetId: bob.user.id } }))).toBe('FORBIDDEN');
    const bobHeard = record(b, 'request:updated');
    expect((await api(t.url, 'POST', `/requests/${sent.body.request.id}/cancel`, { token: bob.token })).status).toBe(200);
    await sleep(100);
    expect(aliceHeard).toEqual([[], []]);
    expect(bobHeard).toMatchObject([{ id: sent.body.request.id, status: 'cancelled' }]);
  });

  it("never accepts the blocker's earlier request when the blocked user asks back", async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    expect((await api(t.url, 'POST', '/requests', { token: alice.token, body: { kind: 'friend', targetId: bob.user.id } })).status).toBe(201);
    await block(alice, bob.user.id);
    expect(errorCode(await api(t.url, 'POST', '/requests', { token: bob.token, body: { kind: 'friend', targetId: alice.user.id } }))).toBe('CONFLICT');
    expect((await api(t.url, 'GET', '/friends', { token: alice.token })).body.friends.filter((f: { user: { id: string } }) => f.user.id === bob.user.id)).toEqual([]);
  });

  it("stops the blocked user's typing from reaching the blocker", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    await block(alice, bob.user.id);
    const heard = record(a, 'typing');
    expect(await emitWithAck(b, 'typing', { conversationId })).toEqual({ ok: true });
    await sleep(100);
    expect(heard).toEqual([]);
  });

  it("still shows the blocked user's group messages (groups are not affected)", async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    await befriend(t.url, alice, bob);
    const group = await createGroup(t.url, alice, [bob]);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    await block(alice, bob.user.id);
    const live = nextEvent(a, 'message:new');
    const sent = await sendText(b, group.id, 'in the group');
    expect(await live).toEqual(sent.message);
    expect(await conversationOf(alice, group.id)).toMatchObject({ unread: 1, lastMessage: sent.message });
  });

  it('under the anyone policy, lists no conversation a blocked stranger opened with messages the blocker never got', async () => {
    const open = await startServer(['--dm-policy', 'anyone']);
    try {
      const [alice, mallory] = [await registerUser(open.url, 'alice'), await registerUser(open.url, 'mallory')];
      expect((await api(open.url, 'POST', '/blocks', { token: alice.token, body: { userId: mallory.user.id } })).status).toBe(200);
      const m = await connect(open.url, mallory.token);
      const sent = await emitWithAck(m, 'message:send', { to: alice.user.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'hello stranger' } });
      expect(sent).toMatchObject({ ok: true, message: { seq: 1 } });
      const listed = (await api(open.url, 'GET', '/conversations', { token: alice.token })).body.conversations;
      expect(listed.filter((c: { id: string }) => c.id === sent.message.conversationId)).toEqual([]);
      expect((await api(open.url, 'GET', '/conversations', { token: mallory.token })).body.conversations.map((c: { id: string }) => c.id)).toContain(sent.message.conversationId);
    } finally {
      await open.stop();
    }
  });
});
