/**
 * The authorization table of docs/guide/groups.md: every group operation tried by an owner, an
 * admin, a member, a removed member, a stranger and a logged-out caller, each on a fresh group.
 */
import type { AuthResponse } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, promote } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, errorCode, registerUser, startServer, type TestServer } from './helpers.js';

type Actor = 'owner' | 'admin' | 'member' | 'removed' | 'stranger' | 'loggedOut';
const ACTORS: Actor[] = ['owner', 'admin', 'member', 'removed', 'stranger', 'loggedOut'];

interface Fixture {
  groupId: string;
  users: Record<Exclude<Actor, 'loggedOut'> | 'newbie', AuthResponse>;
  /** A pending join request from `newbie`. */
  requestId: string;
}

let server: TestServer;
let people: Fixture['users'];

beforeAll(async () => {
  server = await startServer();
  const names = ['owner', 'admin', 'member', 'removed', 'stranger', 'newbie'] as const;
  const registered = await Promise.all(names.map((name) => registerUser(server.url, name)));
  people = Object.fromEntries(names.map((name, index) => [name, registered[index]])) as Fixture['users'];
  for (const name of ['admin', 'member', 'removed'] as const) await befriend(server.url, people.owner, people[name]);
  for (const name of ['owner', 'admin', 'member', 'removed', 'stranger'] as const) await befriend(server.url, people[name], people.newbie);
});
afterAll(() => server.stop());

async function fixture(): Promise<Fixture> {
  const group = await createGroup(server.url, people.owner, [people.admin, people.member, people.removed]);
  await promote(server.url, people.owner, group.id, people.admin);
  await api(server.url, 'DELETE', `/groups/${group.id}/members/${people.removed.user.id}`, { token: people.owner.token });
  const asked = await api(server.url, 'POST', '/requests', { token: people.newbie.token, body: { kind: 'group', groupId: group.id } });
  return { groupId: group.id, users: people, requestId: asked.body.request.id };
}

type Call = (f: Fixture, token: string | undefined, me: string) => Promise<{ status: number; body: unknown }>;
const ME = '@me';

/** [operation, call, expected status per actor in ACTORS order]. */
const TABLE: [string, Call, number[]][] = [
  ['read the group', (f, token) => api(server.url, 'GET', `/groups/${f.groupId}`, { token }), [200, 200, 200, 200, 200, 401]],
  ['search groups', (_f, token) => api(server.url, 'GET', '/groups?query=proj', { token }), [200, 200, 200, 200, 200, 401]],
  ['edit the group', (f, token) => api(server.url, 'PATCH', `/groups/${f.groupId}`, { token, body: { name: 'renamed' } }), [200, 200, 403, 403, 403, 401]],
  ['dissolve the group', (f, token) => api(server.url, 'DELETE', `/groups/${f.groupId}`, { token }), [200, 403, 403, 403, 403, 401]],
  ['list members', (f, token) => api(server.url, 'GET', `/groups/${f.groupId}/members`, { token }), [200, 200, 200, 403, 403, 401]],
  ['add a friend (approval policy)', (f, token) => api(server.url, 'POST', `/groups/${f.groupId}/members`, { token, body: { userId: f.users.newbie.user.id } }), [201, 201, 201, 403, 403, 401]],
  ['remove the member (for the member: leaving)', (f, token) => api(server.url, 'DELETE', `/groups/${f.groupId}/members/${f.users.member.user.id}`, { token }), [200, 200, 200, 403, 403, 401]],
  ['remove the admin (for the admin: leaving)', (f, token) => api(server.url, 'DELETE', `/groups/${f.groupId}/members/${f.users.admin.user.id}`, { token }), [200, 200, 403, 403, 403, 401]],
  ['remove the owner', (f, token) => api(server.url, 'DELETE', `/groups/${f.groupId}/members/${f.users.owner.user.id}`, { token }), [409, 403, 403, 403, 403, 401]],
  ['leave', (f, token, me) => api(server.url, 'DELETE', `/groups/${f.groupId}/members/${me}`, { token }), [409, 200, 200, 403, 403, 401]],
  ['promote a member', (f, token) => api(server.url, 'PATCH', `/groups/${f.groupId}/members/${f.users.member.user.id}`, { token, body: { role: 'admin' } }), [200, 403, 403, 403, 403, 401]],
  ['transfer ownership', (f, token) => api(server.url, 'POST', `/groups/${f.groupId}/owner`, { token, body: { userId: f.users.member.user.id } }), [200, 403, 403, 403, 403, 401]],
  ['ask to join', (f, token) => api(server.url, 'POST', '/requests', { token, body: { kind: 'group', groupId: f.groupId } }), [409, 409, 409, 201, 201, 401]],
  ['accept a join request', (f, token) => api(server.url, 'POST', `/requests/${f.requestId}/accept`, { token }), [200, 200, 403, 403, 403, 401]],
  ['reject a join request', (f, token) => api(server.url, 'POST', `/requests/${f.requestId}/reject`, { token }), [200, 200, 403, 403, 403, 401]],
  ['read history', (f, token) => api(server.url, 'GET', `/conversations/${f.groupId}/messages`, { token }), [200, 200, 200, 403, 403, 401]],
  ['read receipts', (f, token) => api(server.url, 'GET', `/conversations/${f.groupId}/reads`, { token }), [200, 200, 200, 403, 403, 401]],
];

describe('group authorization table', () => {
  for (const [operation, call, expected] of TABLE) {
    it(operation, async () => {
      const statuses: number[] = [];
      for (const actor of ACTORS) {
        const f = await fixture();
        const user = actor === 'loggedOut' ? undefined : f.users[actor];
        statuses.push((await call(f, user?.token, user?.user.id ?? ME)).status);
      }
      expect(statuses).toEqual(expected);
    });
  }

  it('send a message: members only (FORBIDDEN otherwise); a logged-out socket cannot connect', async () => {
    const f = await fixture();
    const outcomes: string[] = [];
    for (const actor of ['owner', 'admin', 'member', 'removed', 'stranger'] as const) {
      const socket = await connect(server.url, f.users[actor].token);
      const ack = await emitWithAck(socket, 'message:send', { conversationId: f.groupId, clientMsgId: clientMsgId(), type: 'text', content: { text: `hi from ${actor}` } });
      outcomes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN']);
    await expect(connect(server.url, 'not-a-token')).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('invite only: members cannot add and nobody can ask; open: asking joins at once', async () => {
    const f = await fixture();
    await api(server.url, 'PATCH', `/groups/${f.groupId}`, { token: people.owner.token, body: { joinPolicy: 'invite' } });
    expect(errorCode(await api(server.url, 'POST', `/groups/${f.groupId}/members`, { token: people.member.token, body: { userId: people.newbie.user.id } }))).toBe('FORBIDDEN');
    expect(errorCode(await api(server.url, 'POST', '/requests', { token: people.stranger.token, body: { kind: 'group', groupId: f.groupId } }))).toBe('FORBIDDEN');
    expect((await api(server.url, 'POST', `/groups/${f.groupId}/members`, { token: people.admin.token, body: { userId: people.newbie.user.id } })).status).toBe(201);
    await api(server.url, 'PATCH', `/groups/${f.groupId}`, { token: people.owner.token, body: { joinPolicy: 'open' } });
    const joined = await api(server.url, 'POST', '/requests', { token: people.stranger.token, body: { kind: 'group', groupId: f.groupId } });
    expect(joined.status).toBe(200);
    expect(joined.body.request).toMatchObject({ status: 'accepted', decidedBy: null });
    expect((await api(server.url, 'GET', `/groups/${f.groupId}`, { token: people.stranger.token })).body.group).toMatchObject({ myRole: 'member', memberCount: 5 });
  });

  it('the assistant cannot be added, nor a user who is not the adder\'s friend', async () => {
    const f = await fixture();
    expect(errorCode(await api(server.url, 'POST', `/groups/${f.groupId}/members`, { token: people.owner.token, body: { userId: 'u_assistant' } }))).toBe('FORBIDDEN');
    expect(errorCode(await api(server.url, 'POST', `/groups/${f.groupId}/members`, { token: people.owner.token, body: { userId: people.stranger.user.id } }))).toBe('FORBIDDEN');
    expect(errorCode(await api(server.url, 'POST', '/groups', { token: people.owner.token, body: { name: 'x', memberIds: ['u_assistant'] } }))).toBe('FORBIDDEN');
    expect(errorCode(await api(server.url, 'POST', '/groups', { token: people.owner.token, body: { name: '   ' } }))).toBe('VALIDATION');
    // Names that show nothing, read as something else, or carry control characters.
    for (const name of ['\u200D\uFE0F', '\u0301', 'ab\u200Fcd', 'ab\u061Ccd', 'a\nb\u0007c', 'a\u0000b', 'x\u202Eevil']) {
      expect(errorCode(await api(server.url, 'POST', '/groups', { token: people.owner.token, body: { name } })), JSON.stringify(name)).toBe('VALIDATION');
    }
    expect(errorCode(await api(server.url, 'POST', '/groups', { token: people.owner.token, body: { name: 'x', joinPolicy: 'whatever' } }))).toBe('VALIDATION');
  });

  it('refusals write nothing: a member\'s rename leaves the name and the timeline as they were', async () => {
    const f = await fixture();
    const before = await api(server.url, 'GET', `/conversations/${f.groupId}`, { token: people.owner.token });
    expect(errorCode(await api(server.url, 'PATCH', `/groups/${f.groupId}`, { token: people.member.token, body: { name: 'mine now' } }))).toBe('FORBIDDEN');
    const after = await api(server.url, 'GET', `/conversations/${f.groupId}`, { token: people.owner.token });
    expect(after.body.conversation.lastSeq).toBe(before.body.conversation.lastSeq);
    expect(after.body.conversation.group.name).toBe('proj-x');
  });
});
