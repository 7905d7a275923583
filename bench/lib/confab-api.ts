/** Sets up users, friendships and groups on a running Confab server through its REST API (as a user would). */
import type { Peer } from '../load-client.js';

async function api<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

let counter = 0;

/** Registers `count` users (a few at a time; password hashing is the slow part). */
export async function registerUsers(url: string, count: number, concurrency = 4): Promise<Peer[]> {
  const users: Peer[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      counter += 1;
      const body = { username: `bench${process.pid}x${counter}`, password: 'bench password', displayName: `Bench ${counter}` };
      const auth = await api<{ token: string; user: { id: string } }>(url, 'POST', '/auth/register', undefined, body);
      users.push({ id: auth.user.id, token: auth.token });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return users;
}

/** Friend request from `a`, accepted by `b`; returns their direct conversation id. */
export async function befriend(url: string, a: Peer, b: Peer): Promise<string> {
  const created = await api<{ request: { id: string } }>(url, 'POST', '/requests', a.token, { kind: 'friend', targetId: b.id });
  await api(url, 'POST', `/requests/${created.request.id}/accept`, b.token);
  const friends = await api<{ friends: { user: { id: string }; conversationId: string }[] }>(url, 'GET', '/friends', a.token);
  const friend = friends.friends.find((entry) => entry.user.id === b.id);
  if (!friend) throw new Error('friendship not found');
  return friend.conversationId;
}

/** Creates a group owned by `owner` with `members` (friends of the owner); returns its id (its conversation's id). */
export async function createGroup(url: string, owner: Peer, members: Peer[], name: string): Promise<string> {
  const initial = members.slice(0, 100).map((m) => m.id);
  const created = await api<{ group: { id: string } }>(url, 'POST', '/groups', owner.token, { name, memberIds: initial });
  // At most 100 members join at creation (LIMITS.groupInitialMembersMax); the rest are added one by one.
  for (const member of members.slice(100)) await api(url, 'POST', `/groups/${created.group.id}/members`, owner.token, { userId: member.id });
  return created.group.id;
}

/** `count` new pairs of friends: each a sender, a receiver and their direct conversation. */
export async function friendPairs(url: string, count: number): Promise<{ sender: Peer; receiver: Peer; conversationId: string }[]> {
  const users = await registerUsers(url, count * 2);
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const sender = users[2 * i] as Peer;
    const receiver = users[2 * i + 1] as Peer;
    pairs.push({ sender, receiver, conversationId: await befriend(url, sender, receiver) });
  }
  return pairs;
}
