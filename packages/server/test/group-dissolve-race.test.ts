import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, registerUser, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const SENDS = 80;

describe('a group dissolved while messages are on their way', () => {
  it('answers every send ok or NOT_FOUND, never INTERNAL', async () => {
    const [owner, member] = await Promise.all([registerUser(server.url, 'owner'), registerUser(server.url, 'member')]);
    await befriend(server.url, owner, member);
    const group = await createGroup(server.url, owner, [member]);
    const [ownerSocket, memberSocket] = await Promise.all([connect(server.url, owner.token), connect(server.url, member.token)]);
    const send = (i: number) =>
      emitWithAck(i % 2 ? ownerSocket : memberSocket, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: `m${i}` } }, 10_000);

    const before = Array.from({ length: SENDS }, (_, i) => send(i));
    const dissolved = await api(server.url, 'DELETE', `/groups/${group.id}`, { token: owner.token });
    const after = Array.from({ length: 4 }, (_, i) => send(i));
    const acks = await Promise.all([...before, ...after]);

    expect(dissolved.status).toBe(200);
    expect(acks.filter((ack) => !ack.ok && ack.error.code !== 'NOT_FOUND')).toEqual([]);
    expect(acks.slice(SENDS).map((ack) => ack.ok || ack.error.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });
});
