import type { DirectConversation } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, clientMsgId, connect, emitWithAck, nextEvent, record, registerUser, sleep, startServer, withPerson, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

describe('read cursors', () => {
  it('moves forward only, clamps to lastSeq, and reaches every socket of the reader and the peer', async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    const conversationId = await befriend(t.url, alice, bob);
    const aliceSocket = await connect(t.url, alice.token);
    const [bobA, bobB] = [await connect(t.url, bob.token), await connect(t.url, bob.token)];
    for (const body of ['1', '2', '3', '4', '5']) {
      await emitWithAck(aliceSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: body } });
    }

    const bobBSees = nextEvent(bobB, 'conversation:read');
    const aliceSees = nextEvent(aliceSocket, 'conversation:read');
    const read3 = await emitWithAck(bobA, 'conversation:read', { conversationId, seq: 3 });
    expect(read3).toEqual({ ok: true, conversationId, readSeq: 3, unread: 2 });
    expect(await bobBSees).toEqual({ conversationId, userId: bob.user.id, readSeq: 3 });
    expect(await aliceSees).toEqual({ conversationId, userId: bob.user.id, readSeq: 3 });

    const quiet = record(bobB, 'conversation:read');
    expect(await emitWithAck(bobA, 'conversation:read', { conversationId, seq: 2 })).toEqual({ ok: true, conversationId, readSeq: 3, unread: 2 });
    expect(await emitWithAck(bobA, 'conversation:read', { conversationId, seq: 3 })).toMatchObject({ readSeq: 3 });
    await sleep(150);
    expect(quiet).toEqual([]);

    const bobView = async () =>
      ((await api(t.url, 'GET', '/conversations', { token: bob.token })).body.conversations as DirectConversation[]).find(
        (conversation) => conversation.id === conversationId,
      )!;
    expect(await bobView()).toMatchObject({ lastSeq: 5, readSeq: 3, unread: 2, peerReadSeq: 5 });

    const clamped = await api(t.url, 'POST', `/conversations/${conversationId}/read`, { token: bob.token, body: { seq: 99 } });
    expect(clamped.body).toEqual({ conversationId, readSeq: 5, unread: 0 });
    expect(await bobView()).toMatchObject({ lastSeq: 5, readSeq: 5, unread: 0 });

    // Bob's own message is never unread for him, and is unread for Alice.
    await emitWithAck(bobA, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'mine' } });
    expect(await bobView()).toMatchObject({ lastSeq: 6, readSeq: 6, unread: 0 });
    const aliceList = (await api(t.url, 'GET', '/conversations', { token: alice.token })).body.conversations as DirectConversation[];
    expect(aliceList[0]).toMatchObject({ id: conversationId, lastSeq: 6, readSeq: 5, unread: 1, peerReadSeq: 6 });
    expect(aliceList[0]!.lastMessage?.content).toEqual({ text: 'mine' });

    const single = await api(t.url, 'GET', `/conversations/${conversationId}`, { token: alice.token });
    expect(single.body.conversation).toEqual(aliceList[0]);
  });

  it('lists conversations by latest activity first', async () => {
    const me = await registerUser(t.url, 'me');
    const [first, second] = [await registerUser(t.url, 'first'), await registerUser(t.url, 'second')];
    const firstConversation = await befriend(t.url, me, first);
    const secondConversation = await befriend(t.url, me, second);
    const socket = await connect(t.url, me.token);
    const order = async () => ((await api(t.url, 'GET', '/conversations', { token: me.token })).body.conversations as DirectConversation[]).filter(withPerson).map((c) => c.id);
    expect(await order()).toEqual([secondConversation, firstConversation]);
    await sleep(5);
    await emitWithAck(socket, 'message:send', { conversationId: firstConversation, clientMsgId: clientMsgId(), type: 'text', content: { text: 'bump' } });
    expect(await order()).toEqual([firstConversation, secondConversation]);
  });
});
