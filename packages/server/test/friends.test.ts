import type { FriendRequest } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, befriend, connect, errorCode, nextEvent, openDb, record, registerUser, sleep, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

const sendRequest = (token: string, targetId: string, note?: string) =>
  api<{ request: FriendRequest }>(t.url, 'POST', '/requests', { token, body: { kind: 'friend', targetId, note } });
const act = (token: string, id: string, action: 'accept' | 'reject' | 'cancel') =>
  api<{ request: FriendRequest }>(t.url, 'POST', `/requests/${id}/${action}`, { token });

describe('friend requests', () => {
  it('runs the whole flow: note delivered live, only the target accepts, once, and both sides learn the friend', async () => {
    const alice = await registerUser(t.url, 'alice');
    const bob = await registerUser(t.url, 'bob');
    const carol = await registerUser(t.url, 'carol');
    const bobSockets = [await connect(t.url, bob.token), await connect(t.url, bob.token)];
    const aliceSocket = await connect(t.url, alice.token);
    const bobGetsRequest = nextEvent(bobSockets[0]!, 'request:new');
    const aliceGetsRequest = nextEvent(aliceSocket, 'request:new');

    const created = await sendRequest(alice.token, bob.user.id, 'Hi Bob, it is Alice from work');
    expect(created.status).toBe(201);
    expect(created.body.request).toMatchObject({ kind: 'friend', status: 'pending', note: 'Hi Bob, it is Alice from work' });
    expect(created.body.request.from.id).toBe(alice.user.id);
    expect(created.body.request.to.id).toBe(bob.user.id);
    expect(await bobGetsRequest).toEqual(created.body.request);
    expect(await aliceGetsRequest).toEqual(created.body.request);
    const requestId = created.body.request.id;

    expect(errorCode(await act(carol.token, requestId, 'accept'))).toBe('FORBIDDEN');
    expect(errorCode(await act(alice.token, requestId, 'accept'))).toBe('FORBIDDEN');
    expect(errorCode(await act(bob.token, requestId, 'cancel'))).toBe('FORBIDDEN');
    expect(errorCode(await act(bob.token, 'r_unknown', 'accept'))).toBe('NOT_FOUND');

    const added = [...bobSockets, aliceSocket].map((socket) => record(socket, 'friend:added'));
    const updated = record(aliceSocket, 'request:updated');
    const accepted = await act(bob.token, requestId, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.request.status).toBe('accepted');

    expect(errorCode(await act(bob.token, requestId, 'accept'))).toBe('CONFLICT');
    expect(errorCode(await act(bob.token, requestId, 'reject'))).toBe('CONFLICT');
    expect(errorCode(await act(alice.token, requestId, 'cancel'))).toBe('CONFLICT');

    await sleep(200);
    expect(added.map((events) => events.length)).toEqual([1, 1, 1]);
    const bobAdded = added[0]![0]!;
    const aliceAdded = added[2]![0]!;
    expect(bobAdded.friend.user.id).toBe(alice.user.id);
    expect(bobAdded.conversation.peer.id).toBe(alice.user.id);
    expect(aliceAdded.friend.user.id).toBe(bob.user.id);
    expect(aliceAdded.conversation).toMatchObject({ kind: 'direct', lastSeq: 0, readSeq: 0, unread: 0, lastMessage: null });
    expect(aliceAdded.conversation.id).toBe(bobAdded.conversation.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.status).toBe('accepted');

    const db = openDb(t.config);
    const rows = db
      .prepare('SELECT user_id, friend_id, conversation_id, created_at FROM friendships WHERE user_id IN (?, ?) AND friend_id <> \'u_assistant\' ORDER BY user_id')
      .all(alice.user.id, bob.user.id) as { user_id: string; friend_id: string; conversation_id: string; created_at: number }[];
    db.close();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => `${row.user_id}>${row.friend_id}`))).toEqual(
      new Set([`${alice.user.id}>${bob.user.id}`, `${bob.user.id}>${alice.user.id}`]),
    );
    // Written in one transaction: the same conversation and the same timestamp on both rows.
    expect(rows[0]!.conversation_id).toBe(rows[1]!.conversation_id);
    expect(rows[0]!.created_at).toBe(rows[1]!.created_at);

    const again = await sendRequest(alice.token, bob.user.id);
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('lets only the sender cancel, and the target reject', async () => {
    const dave = await registerUser(t.url, 'dave');
    const erin = await registerUser(t.url, 'erin');
    const first = (await sendRequest(dave.token, erin.user.id)).body.request;
    expect(errorCode(await act(erin.token, first.id, 'cancel'))).toBe('FORBIDDEN');
    expect((await act(dave.token, first.id, 'cancel')).body.request.status).toBe('cancelled');
    const second = (await sendRequest(dave.token, erin.user.id)).body.request;
    expect(errorCode(await act(dave.token, second.id, 'reject'))).toBe('FORBIDDEN');
    expect((await act(erin.token, second.id, 'reject')).body.request.status).toBe('rejected');
    const listed = await api<{ requests: FriendRequest[] }>(t.url, 'GET', '/requests', { token: erin.token });
    expect(listed.body.requests.map((request) => request.id)).toEqual([second.id, first.id]);
  });

  it('refuses a request to oneself, to an unknown user, and a second pending one', async () => {
    const fay = await registerUser(t.url, 'fay');
    const gus = await registerUser(t.url, 'gus');
    const self = await sendRequest(fay.token, fay.user.id);
    expect(self.status).toBe(400);
    expect(errorCode(self)).toBe('VALIDATION');
    expect(errorCode(await sendRequest(fay.token, 'u_nobody'))).toBe('NOT_FOUND');
    expect((await sendRequest(fay.token, gus.user.id)).status).toBe(201);
    expect(errorCode(await sendRequest(fay.token, gus.user.id))).toBe('CONFLICT');
    expect(errorCode(await sendRequest(fay.token, gus.user.id, 'x'.repeat(201)))).toBe('TOO_LARGE');
  });

  it('accepts the reverse pending request instead of creating a second one', async () => {
    const hal = await registerUser(t.url, 'hal');
    const ida = await registerUser(t.url, 'ida');
    const original = (await sendRequest(hal.token, ida.user.id)).body.request;
    const reverse = await sendRequest(ida.token, hal.user.id);
    expect(reverse.status).toBe(200);
    expect(reverse.body.request.id).toBe(original.id);
    expect(reverse.body.request.status).toBe('accepted');
    const friends = await api(t.url, 'GET', '/friends', { token: hal.token });
    expect(friends.body.friends.map((friend: { user: { id: string } }) => friend.user.id)).toEqual(['u_assistant', ida.user.id]);
  });

  it('unfriends in both directions and tells both users', async () => {
    const jo = await registerUser(t.url, 'jo');
    const kim = await registerUser(t.url, 'kim');
    const conversationId = await befriend(t.url, jo, kim);
    const kimSocket = await connect(t.url, kim.token);
    const removed = nextEvent(kimSocket, 'friend:removed');
    expect((await api(t.url, 'DELETE', `/friends/${kim.user.id}`, { token: jo.token })).body).toEqual({ ok: true });
    expect(await removed).toEqual({ userId: jo.user.id, conversationId });
    // Only the assistant is left.
    expect((await api(t.url, 'GET', '/friends', { token: kim.token })).body.friends.map((friend: { user: { id: string } }) => friend.user.id)).toEqual(['u_assistant']);
    expect(errorCode(await api(t.url, 'DELETE', `/friends/${kim.user.id}`, { token: jo.token }))).toBe('NOT_FOUND');
    // Friends again later: the same direct conversation is reused.
    expect(await befriend(t.url, kim, jo)).toBe(conversationId);
  });

  it('searches users by username or display name, case-insensitively, without the caller', async () => {
    const searcher = await registerUser(t.url, 'Zed');
    const found = await api(t.url, 'GET', '/users?query=ALI', { token: searcher.token });
    expect(found.status).toBe(200);
    expect(found.body.users.length).toBeGreaterThan(0);
    expect(found.body.users.every((user: { username: string }) => user.username.toLowerCase().includes('ali'))).toBe(true);
    const self = await api(t.url, 'GET', `/users?query=${searcher.user.username}`, { token: searcher.token });
    expect(self.body.users).toEqual([]);
  });
});
