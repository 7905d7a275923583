import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMsgId, connect, emitWithAck, nextEvent, registerUser, startServer, withPerson, friendPair, type TestServer } from './helpers.js';

/** Leaves out the assistant's conversation, which every user has (and a client without its cursor is sent). */
function peopleOnly<T extends { conversations?: { conversation: { peer: { id: string } } }[] }>(result: T): T {
  return { ...result, conversations: result.conversations?.filter((entry) => withPerson(entry.conversation)) };
}

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

const pair = () => friendPair(t.url);

describe('sync', () => {
  it('answers the missing seq range from a cursor in bounded pages, then nothing once in step', async () => {
    const { alice, bob, conversationId } = await pair();
    const aliceSocket = await connect(t.url, alice.token);
    for (const text of ['1', '2', '3', '4', '5']) {
      await emitWithAck(aliceSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } });
    }
    const bobSocket = await connect(t.url, bob.token);
    const first = peopleOnly(await emitWithAck(bobSocket, 'sync', { cursors: [{ conversationId, seq: 2, readSeq: 0, peerReadSeq: 0 }], limit: 2 }));
    expect(first.ok).toBe(true);
    expect(first.conversations).toHaveLength(1);
    expect(first.conversations[0].conversation).toMatchObject({ id: conversationId, lastSeq: 5, readSeq: 0, peerReadSeq: 5, unread: 5 });
    expect(first.conversations[0].messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
    expect(first.conversations[0].hasMore).toBe(true);

    const second = peopleOnly(await emitWithAck(bobSocket, 'sync', { cursors: [{ conversationId, seq: 4, readSeq: 0, peerReadSeq: 0 }], limit: 2 }));
    expect(second.conversations[0].messages.map((m: { text: string; content: { text: string } }) => m.content.text)).toEqual(['5']);
    expect(second.conversations[0].hasMore).toBe(false);

    expect(peopleOnly(await emitWithAck(bobSocket, 'sync', { cursors: [{ conversationId, seq: 5, readSeq: 0, peerReadSeq: 5 }] }))).toEqual({ ok: true, conversations: [] });
    // A read cursor that moved elsewhere is reported without messages.
    const moved = peopleOnly(await emitWithAck(bobSocket, 'sync', { cursors: [{ conversationId, seq: 5, readSeq: 0, peerReadSeq: 4 }] }));
    expect(moved.conversations[0]).toMatchObject({ messages: [], hasMore: false, conversation: { peerReadSeq: 5 } });
    // No cursor: the conversation is listed, without messages.
    const fresh = peopleOnly(await emitWithAck(bobSocket, 'sync', { cursors: [] }));
    expect(fresh.conversations).toEqual([{ conversation: expect.objectContaining({ id: conversationId, lastSeq: 5 }), messages: [], hasMore: false }]);
  });

  it('ignores cursors of conversations the caller is not a member of', async () => {
    const { alice, conversationId } = await pair();
    const aliceSocket = await connect(t.url, alice.token);
    await emitWithAck(aliceSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'secret' } });
    const carol = await registerUser(t.url, 'carol');
    const carolSocket = await connect(t.url, carol.token);
    expect(peopleOnly(await emitWithAck(carolSocket, 'sync', { cursors: [{ conversationId, seq: 0 }] }))).toEqual({ ok: true, conversations: [] });
  });

  it('answers bad input with VALIDATION and keeps the connection', async () => {
    const { alice } = await pair();
    const socket = await connect(t.url, alice.token);
    for (const payload of [{}, { cursors: 'x' }, { cursors: [{ conversationId: 'c', seq: -1 }] }, { cursors: [], limit: 101 }, { cursors: [], extra: 1 }, { cursors: [{ conversationId: 'c', seq: 2 ** 60 }] }, { cursors: [{ conversationId: 'c', seq: 1e308 }] }]) {
      const reply = await emitWithAck(socket, 'sync', payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(socket.connected).toBe(true);
  });

  it('gives a reconnecting socket no recovered state: its rooms come from stored membership', async () => {
    const { alice, bob, conversationId } = await pair();
    const first = await connect(t.url, bob.token);
    first.disconnect();
    const again = await connect(t.url, bob.token);
    const serverSide = t.server.io.of('/').sockets.get(again.id as string);
    expect(serverSide?.recovered).toBe(false);
    expect(serverSide?.rooms.has(`user:${bob.user.id}`)).toBe(true);
    const aliceSocket = await connect(t.url, alice.token);
    const live = nextEvent(again, 'message:new');
    await emitWithAck(aliceSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'back?' } });
    expect((await live).content).toEqual({ text: 'back?' });
  });
});
