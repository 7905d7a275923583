import type { Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, clientMsgId, connect, countRows, emitWithAck, friendPair, nextEvent, openDb, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop());

const say = async (socket: ClientSocket, conversationId: string, text: string, extra: object = {}) =>
  emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text }, ...extra });

describe('replies', () => {
  it('stores the place of the quoted message (not its content) and pushes it to every member', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const original = (await say(a, conversationId, 'lunch at 12?')).message as Message;
    const heard = nextEvent(a, 'message:new');
    const reply = await say(b, conversationId, 'yes!', { replyTo: original.id });
    expect(reply).toMatchObject({ ok: true, message: { content: { text: 'yes!', replyTo: { messageId: original.id, seq: original.seq, senderId: alice.user.id } } } });
    expect((await heard).content).toEqual(reply.message.content);
    expect(JSON.stringify(reply.message.content)).not.toContain('lunch');
  });

  it('refuses a reply to a message of another conversation, an unknown one, or from a file message, storing nothing', async () => {
    const first = await friendPair(t.url);
    const second = await friendPair(t.url);
    const a = await connect(t.url, first.alice.token);
    const other = await connect(t.url, second.alice.token);
    const elsewhere = (await say(other, second.conversationId, 'elsewhere')).message as Message;
    const db = openDb(t.config);
    const before = countRows(db, 'messages');
    expect(await say(a, first.conversationId, 'quote', { replyTo: elsewhere.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await say(a, first.conversationId, 'quote', { replyTo: 'm_unknown' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await say(a, first.conversationId, 'quote', { replyTo: 7 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const image = await emitWithAck(a, 'message:send', { conversationId: first.conversationId, clientMsgId: clientMsgId(), type: 'image', content: { fileId: 'f_x' }, replyTo: elsewhere.id });
    expect(image.ok).toBe(false);
    expect(countRows(db, 'messages')).toBe(before);
    db.close();
  });
});

describe('history around a seq', () => {
  it('answers the seq with half a page older and the rest newer, saying whether more lie either side', async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    for (let n = 1; n <= 30; n++) await say(a, conversationId, `m${n}`);
    const page = (await api(t.url, 'GET', `/conversations/${conversationId}/messages?around=10&limit=6`, { token: alice.token })).body;
    expect(page.messages.map((m: Message) => m.seq)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(page).toMatchObject({ hasMore: true, hasNewer: true, changeSeq: 0 });
    const start = (await api(t.url, 'GET', `/conversations/${conversationId}/messages?around=2&limit=6`, { token: alice.token })).body;
    expect(start.messages.map((m: Message) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(start.hasMore).toBe(false);
    const end = (await api(t.url, 'GET', `/conversations/${conversationId}/messages?around=30&limit=6`, { token: alice.token })).body;
    expect(end.messages.map((m: Message) => m.seq)).toEqual([28, 29, 30]);
    expect(end.hasNewer).toBe(false);
    for (const query of ['around=0', 'around=5&before=3', 'around=5&after=3', 'around=x']) {
      const refused = await api(t.url, 'GET', `/conversations/${conversationId}/messages?${query}`, { token: alice.token });
      expect([query, refused.status, refused.body.error.code]).toEqual([query, 400, 'VALIDATION']);
    }
  });
});
