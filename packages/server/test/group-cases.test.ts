import type { AuthResponse, GroupMemberEvent, Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, promote, systemEvents } from './group-helpers.js';
import {
  api,
  befriend,
  clientMsgId,
  connect,
  countRows,
  emitWithAck,
  errorCode,
  nextEvent,
  openDb,
  record,
  registerUser,
  sleep,
  startServer,
  type TestServer,
} from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

async function users<N extends string[]>(...names: N): Promise<{ [K in keyof N]: AuthResponse }> {
  return (await Promise.all(names.map((name) => registerUser(server.url, name)))) as { [K in keyof N]: AuthResponse };
}

describe('group cases', () => {
  it('removal: neither of carol\'s tabs gets "Q3 numbers attached", her "still here?" is FORBIDDEN, both tabs learn she is out', async () => {
    const [alice, bob, carol] = await users('alice', 'bob', 'carol');
    await befriend(server.url, bob, alice);
    await befriend(server.url, bob, carol);
    const group = await createGroup(server.url, bob, [alice, carol], { name: 'proj-x' });
    await promote(server.url, bob, group.id, alice);
    const [tab1, tab2, bobSocket] = await Promise.all([connect(server.url, carol.token), connect(server.url, carol.token), connect(server.url, bob.token)]);
    const tabMessages = [record(tab1, 'message:new'), record(tab2, 'message:new')];
    const tabMemberEvents = [nextEvent(tab1, 'group:member'), nextEvent(tab2, 'group:member')];

    const removed = await api(server.url, 'DELETE', `/groups/${group.id}/members/${carol.user.id}`, { token: alice.token });
    expect(removed.status).toBe(200);
    const [event1, event2] = (await Promise.all(tabMemberEvents)) as GroupMemberEvent[];
    for (const event of [event1, event2]) {
      expect(event).toMatchObject({ groupId: group.id, userId: carol.user.id, change: 'removed', conversation: null, memberCount: 2 });
    }

    const sent = await emitWithAck(bobSocket, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'Q3 numbers attached' } });
    expect(sent.ok).toBe(true);
    const denied = await emitWithAck(tab1, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'still here?' } });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await sleep(150);
    for (const messages of tabMessages) {
      expect(messages.map((message) => (message as Message & { content: { text?: string } }).content.text)).not.toContain('Q3 numbers attached');
      expect(messages.filter((message) => message.conversationId === group.id)).toEqual([]);
    }
    // Her list no longer has the group, history is closed to her, and "still here?" was never stored.
    const list = await api(server.url, 'GET', '/conversations', { token: carol.token });
    expect(list.body.conversations.map((conversation: { id: string }) => conversation.id)).not.toContain(group.id);
    expect(errorCode(await api(server.url, 'GET', `/conversations/${group.id}/messages`, { token: carol.token }))).toBe('FORBIDDEN');
    const history = await api(server.url, 'GET', `/conversations/${group.id}/messages`, { token: bob.token });
    const texts = history.body.messages.map((message: Message) => (message.type === 'text' ? message.content.text : null));
    expect(texts).toEqual([null, null, null, 'Q3 numbers attached']);
    expect(systemEvents(history.body.messages)).toEqual(['created', 'role_changed', 'member_removed']);
  });

  it('two admins approve the same join request at once: one membership, one system notice', async () => {
    const [alice, bob, carol, dave] = await users('alice', 'bob', 'carol', 'dave');
    await befriend(server.url, alice, bob);
    await befriend(server.url, alice, carol);
    const group = await createGroup(server.url, alice, [bob, carol], { name: 'proj-x' });
    await promote(server.url, alice, group.id, bob);
    await promote(server.url, alice, group.id, carol);
    const [daveSocket, aliceSocket, bobSocket, carolSocket] = await Promise.all([
      connect(server.url, dave.token),
      connect(server.url, alice.token),
      connect(server.url, bob.token),
      connect(server.url, carol.token),
    ]);
    const joinedEvents = record(daveSocket, 'group:member');
    const asked = [aliceSocket, bobSocket, carolSocket].map((socket) => nextEvent(socket, 'request:new'));
    const decided = record(daveSocket, 'request:updated');
    const asking = await api(server.url, 'POST', '/requests', { token: dave.token, body: { kind: 'group', groupId: group.id, note: 'let me in' } });
    expect(asking.status).toBe(201);
    // Every owner and admin hears of it live.
    for (const event of await Promise.all(asked)) expect(event).toMatchObject({ kind: 'group', from: { id: dave.user.id }, status: 'pending' });
    expect(asking.body.request).toMatchObject({ kind: 'group', status: 'pending', note: 'let me in', group: { id: group.id, name: 'proj-x' } });

    const id = asking.body.request.id as string;
    const [first, second] = await Promise.all([
      api(server.url, 'POST', `/requests/${id}/accept`, { token: bob.token }),
      api(server.url, 'POST', `/requests/${id}/accept`, { token: carol.token }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    expect(winner.body.request).toMatchObject({ status: 'accepted' });

    const db = openDb(server.config);
    try {
      const members = db.prepare('SELECT COUNT(*) AS n FROM conversation_members WHERE conversation_id = ? AND user_id = ?').get(group.id, dave.user.id) as { n: number };
      expect(members.n).toBe(1);
      const notices = db.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND type = 'system' AND json_extract(content, '$.event') = 'member_joined'").get(group.id) as { n: number };
      expect(notices.n).toBe(1);
      expect(countRows(db, 'group_requests')).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
    await sleep(100);
    expect(joinedEvents.filter((event) => event.change === 'joined' && event.userId === dave.user.id)).toHaveLength(1);
    expect(decided.map((request) => request.status)).toEqual(['accepted']);
    const members = await api(server.url, 'GET', `/groups/${group.id}/members`, { token: dave.token });
    expect(members.body.members.map((member: { user: { id: string }; role: string }) => [member.user.id, member.role])).toEqual([
      [alice.user.id, 'owner'],
      [bob.user.id, 'admin'],
      [carol.user.id, 'admin'],
      [dave.user.id, 'member'],
    ]);
  });
});

describe('friend requests both ways at once', () => {
  async function scenario(gapMs: number) {
    const [alice, bob] = await users('alice', 'bob');
    const sockets = await Promise.all([connect(server.url, alice.token), connect(server.url, alice.token), connect(server.url, bob.token)]);
    const added = sockets.map((socket) => record(socket, 'friend:added'));
    const fromAlice = api(server.url, 'POST', '/requests', { token: alice.token, body: { kind: 'friend', targetId: bob.user.id } });
    await sleep(gapMs);
    const fromBob = api(server.url, 'POST', '/requests', { token: bob.token, body: { kind: 'friend', targetId: alice.user.id } });
    const results = await Promise.all([fromAlice, fromBob]);
    // Sent at the same moment, either may land first and be the one stored (201); its target then
    // sends two accepts at once (the other side's request was accepted by the second POST, 200).
    const stored = results.find((result) => result.status === 201)?.body.request;
    const target = stored?.to.id === alice.user.id ? alice : bob;
    const accepts = await Promise.all([
      api(server.url, 'POST', `/requests/${stored?.id}/accept`, { token: target.token }),
      api(server.url, 'POST', `/requests/${stored?.id}/accept`, { token: target.token }),
    ]);
    await sleep(150);
    const db = openDb(server.config);
    try {
      const pair = [alice.user.id, bob.user.id].sort().join(':');
      const friendships = db.prepare('SELECT COUNT(*) AS n FROM friendships WHERE (user_id = ? AND friend_id = ?) OR (user_id = ? AND friend_id = ?)').get(alice.user.id, bob.user.id, bob.user.id, alice.user.id) as { n: number };
      const conversations = db.prepare('SELECT COUNT(*) AS n FROM conversations WHERE direct_key = ?').get(pair) as { n: number };
      const pending = db.prepare("SELECT COUNT(*) AS n FROM requests WHERE status = 'pending' AND ((from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?))").get(alice.user.id, bob.user.id, bob.user.id, alice.user.id) as { n: number };
      return { results, accepts, friendships: friendships.n, conversations: conversations.n, pending: pending.n, added: added.map((events) => events.length) };
    } finally {
      db.close();
    }
  }

  it('alice at 10:00:00.000, bob at 10:00:00.040, then two accepts: one friendship, one conversation, nothing pending, friend:added once per socket', async () => {
    const outcome = await scenario(40);
    expect(outcome.results.map((result) => result.status)).toEqual([201, 200]);
    expect(outcome.results[1].body.request.status).toBe('accepted');
    expect(outcome.accepts.map((result) => result.status)).toEqual([409, 409]);
    expect(outcome).toMatchObject({ friendships: 2, conversations: 1, pending: 0, added: [1, 1, 1] });
  });

  it('the same two requests sent at the same moment end the same way', async () => {
    const outcome = await scenario(0);
    expect(outcome.results.map((result) => result.status).sort()).toEqual([200, 201]);
    expect(outcome.accepts.map((result) => result.status)).toEqual([409, 409]);
    expect(outcome).toMatchObject({ friendships: 2, conversations: 1, pending: 0, added: [1, 1, 1] });
  });
});
