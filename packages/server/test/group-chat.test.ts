import type { AuthResponse, GroupConversation, Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, nextEvent, record, registerUser, sleep, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let alice: AuthResponse;
let bob: AuthResponse;
let carol: AuthResponse;
beforeAll(async () => {
  server = await startServer();
  [alice, bob, carol] = await Promise.all([registerUser(server.url, 'alice'), registerUser(server.url, 'bob'), registerUser(server.url, 'carol')]);
  await befriend(server.url, alice, bob);
  await befriend(server.url, alice, carol);
});
afterAll(() => server.stop());

const say = (socket: Awaited<ReturnType<typeof connect>>, conversationId: string, text: string, id = clientMsgId()) =>
  emitWithAck(socket, 'message:send', { conversationId, clientMsgId: id, type: 'text', content: { text } });

async function view(user: AuthResponse, id: string): Promise<GroupConversation> {
  return (await api(server.url, 'GET', `/conversations/${id}`, { token: user.token })).body.conversation;
}

describe('group chat', () => {
  it('numbers messages and notices in one seq, dedups resends, fans out to every member socket', async () => {
    const group = await createGroup(server.url, alice, [bob, carol], { name: 'seq-test' });
    const [a, b, c] = await Promise.all([connect(server.url, alice.token), connect(server.url, bob.token), connect(server.url, carol.token)]);
    const received = [b, c].map((socket) => record(socket, 'message:new'));
    const id = clientMsgId();
    const first = await say(a, group.id, 'hello all', id);
    const again = await say(a, group.id, 'hello all', id);
    const second = await say(b, group.id, 'hi alice');
    expect([first.message.seq, again.message.seq, second.message.seq]).toEqual([2, 2, 3]);
    expect(again.message.id).toBe(first.message.id);
    await sleep(100);
    // bob's own send (3) reaches him in its ack only, not as message:new on the socket that sent it.
    expect(received[0]!.map((message) => message.seq)).toEqual([2]);
    expect(received[1]!.map((message) => message.seq)).toEqual([2, 3]);
    expect(await view(carol, group.id)).toMatchObject({ kind: 'group', lastSeq: 3, readSeq: 1, unread: 2, group: { name: 'seq-test', memberCount: 3, myRole: 'member' } });
  });

  it('read receipts as counts, live conversation:read in the room, and a departed member\'s unread stops changing', async () => {
    const group = await createGroup(server.url, alice, [bob, carol], { name: 'reads' });
    const [a, b] = await Promise.all([connect(server.url, alice.token), connect(server.url, bob.token)]);
    const sent = await say(a, group.id, 'read me');
    const readEvent = nextEvent(a, 'conversation:read');
    await emitWithAck(b, 'conversation:read', { conversationId: group.id, seq: sent.message.seq });
    expect(await readEvent).toEqual({ conversationId: group.id, userId: bob.user.id, readSeq: 2 });
    const reads = (await api(server.url, 'GET', `/conversations/${group.id}/reads`, { token: alice.token })).body.reads as { userId: string; readSeq: number }[];
    expect(reads.filter((read) => read.readSeq >= sent.message.seq).length).toBe(2);
    expect(reads.find((read) => read.userId === carol.user.id)?.readSeq).toBe(1);

    await api(server.url, 'DELETE', `/groups/${group.id}/members/${carol.user.id}`, { token: carol.token });
    await say(a, group.id, 'after carol left');
    const list = (await api(server.url, 'GET', '/conversations', { token: carol.token })).body.conversations as { id: string }[];
    expect(list.map((conversation) => conversation.id)).not.toContain(group.id);
    const sync = await emitWithAck(await connect(server.url, carol.token), 'sync', { cursors: [{ conversationId: group.id, seq: 0 }] });
    expect(sync.conversations.map((entry: { conversation: { id: string } }) => entry.conversation.id)).not.toContain(group.id);
  });

  it('rename, role change and transfer become notices; group:updated reaches the room; files sent in a group open for members', async () => {
    const group = await createGroup(server.url, alice, [bob, carol], { name: 'before' });
    const b = await connect(server.url, bob.token);
    const updated = nextEvent(b, 'group:updated');
    await api(server.url, 'PATCH', `/groups/${group.id}`, { token: alice.token, body: { name: 'after', description: 'the new one' } });
    expect(await updated).toEqual({ group: { id: group.id, name: 'after', description: 'the new one', avatarUrl: null, joinPolicy: 'approval' } });
    await api(server.url, 'POST', `/groups/${group.id}/owner`, { token: alice.token, body: { userId: bob.user.id } });
    const history = (await api(server.url, 'GET', `/conversations/${group.id}/messages`, { token: carol.token })).body.messages as Message[];
    expect(history.map((message) => message.content)).toEqual([
      { event: 'created', actorId: alice.user.id, actorName: 'alice', name: 'before' },
      { event: 'renamed', actorId: alice.user.id, actorName: 'alice', name: 'after' },
      { event: 'owner_transferred', actorId: alice.user.id, actorName: 'alice', targetId: bob.user.id, targetName: 'bob' },
    ]);
    expect((await api(server.url, 'GET', `/groups/${group.id}`, { token: alice.token })).body.group.myRole).toBe('admin');

    const form = new FormData();
    form.append('file', new Blob(['quarterly numbers']), 'q3.txt');
    const upload = await fetch(`${server.url}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${alice.token}` }, body: form });
    const file = ((await upload.json()) as { file: { id: string } }).file;
    const a = await connect(server.url, alice.token);
    const sent = await emitWithAck(a, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'file', content: { fileId: file.id } });
    expect(sent.ok).toBe(true);
    expect((await api(server.url, 'GET', `/files/${file.id}/url`, { token: carol.token })).status).toBe(200);
  });

  it('dissolving tells every member and empties their lists', async () => {
    const group = await createGroup(server.url, alice, [bob], { name: 'short-lived' });
    const b = await connect(server.url, bob.token);
    const event = nextEvent(b, 'group:member');
    expect((await api(server.url, 'DELETE', `/groups/${group.id}`, { token: alice.token })).status).toBe(200);
    expect(await event).toMatchObject({ groupId: group.id, change: 'dissolved', conversation: null });
    const list = (await api(server.url, 'GET', '/conversations', { token: bob.token })).body.conversations as { id: string }[];
    expect(list.map((conversation) => conversation.id)).not.toContain(group.id);
    expect((await api(server.url, 'GET', `/groups/${group.id}`, { token: bob.token })).status).toBe(404);
  });

  it('searches groups by name, prefix matches first, with the caller\'s role', async () => {
    await createGroup(server.url, alice, [], { name: 'zz-needle-two' });
    await createGroup(server.url, alice, [], { name: 'needle-one' });
    const found = (await api(server.url, 'GET', '/groups?query=needle', { token: carol.token })).body.groups as { name: string; myRole: string | null }[];
    expect(found.map((group) => [group.name, group.myRole])).toEqual([['needle-one', null], ['zz-needle-two', null]]);
    expect((await api(server.url, 'GET', '/groups?query=%25', { token: carol.token })).body.groups).toEqual([]);
  });
});
