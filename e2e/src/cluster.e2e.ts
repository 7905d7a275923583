/**
 * Two real server processes (the built CLI) sharing one database and one Redis, driven by the real
 * @confab/core client: cross-node 1:1 and group chat, a removal from a group reaching the member's
 * tabs on both nodes, and node 1 drained with SIGTERM mid-traffic while its clients move to node 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthResponse, Conversation, ConversationsResponse, GroupSummary, Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDatabase, redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from '../../packages/server/test/cluster-helpers.js';
import { history, rest } from './chaos/harness.js';
import { openDevice, until, type Device } from './chaos/devices.js';
import { countFigures } from './chaos/figures.js';
import { startBalancer, type Balancer } from './cluster/balancer.js';
import { startServer, type RunningServer } from './server.js';
import { textOf } from './text.js';

const skipReason = await redisUnavailable();
if (skipReason) console.warn(`[cluster e2e] skipped: ${skipReason}`);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const holds = (device: Device, conversationId: string, text: string): boolean =>
  (device.client.getState().messages[conversationId]?.items ?? []).some((item) => item.state === 'sent' && textOf(item.message) === text);

const dir = mkdtempSync(join(tmpdir(), 'confab-cluster-'));
/** Made only when the test runs (a PostgreSQL database of its own when CONFAB_TEST_DATABASE_URL is set). */
const database = skipReason === null ? await clusterDatabase(dir) : { kind: 'none', argv: [], env: {}, drop: async () => {} };

describe.skipIf(skipReason !== null)('two server nodes on one database and Redis', () => {
  const nodeArgs = ['--jwt-secret', `cluster-${process.pid}-secret-0123456789abcdef`, '--redis-url', TEST_REDIS_URL, '--redis-prefix', uniqueRedisPrefix('e2e'), ...database.argv];
  let node1: RunningServer;
  let node2: RunningServer;
  /** Where node 1's clients connect: node 1 while it listens, then node 2. */
  let front1: Balancer;
  let alice: AuthResponse, bob: AuthResponse, carol: AuthResponse;
  let dm: string;
  let group: GroupSummary;
  const devices: Record<'alice' | 'bob' | 'carol1' | 'carol2', Device> = {} as never;
  const counters = new Map<Device, number>();

  /** Sends `<device>#<n>` (the form the chaos figures check for send order), retrying a failed send as a person would. */
  async function send(device: Device, conversationId: string): Promise<Message> {
    const n = (counters.get(device) ?? 0) + 1;
    counters.set(device, n);
    const text = `${device.name}#${n}`;
    let result = await device.client.sendText(conversationId, text).catch(() => null);
    while (!result) {
      await sleep(100);
      const failed = device.client.getState().messages[conversationId]?.items.find((item) => textOf(item.message) === text && item.state === 'failed');
      result = await device.client.retry(conversationId, failed?.message.clientMsgId ?? '').catch(() => null);
    }
    return result;
  }

  beforeAll(async () => {
    node1 = await startServer([...nodeArgs], { dataDir: join(dir, 'node1'), env: database.env });
    node2 = await startServer([...nodeArgs], { dataDir: join(dir, 'node2'), env: database.env });
    front1 = await startBalancer([node1.url, node2.url]);
    const register = (username: string) => rest<AuthResponse>(node1.url, 'POST', '/auth/register', undefined, { username, password: 'cluster-password' });
    [alice, bob, carol] = [await register('alice'), await register('bob'), await register('carol')];
    for (const friend of [bob, carol]) {
      const { request } = await rest<{ request: { id: string } }>(node1.url, 'POST', '/requests', alice.token, { kind: 'friend', targetId: friend.user.id });
      await rest(node2.url, 'POST', `/requests/${request.id}/accept`, friend.token);
    }
    ({ group } = await rest<{ group: GroupSummary }>(node2.url, 'POST', '/groups', alice.token, { name: 'cluster', memberIds: [bob.user.id, carol.user.id] }));
    devices.alice = await openDevice(front1.url, alice, 'alice');
    devices.bob = await openDevice(node2.url, bob, 'bob');
    devices.carol1 = await openDevice(front1.url, carol, 'carol1');
    devices.carol2 = await openDevice(node2.url, carol, 'carol2');
    for (const device of Object.values(devices)) {
      await until(() => device.client.getState().conversations.list.some((conversation) => conversation.id === group.id), 10_000, `${device.name} sees the group`);
      for (const conversation of device.client.getState().conversations.list) await device.client.openConversation(conversation.id);
    }
    dm = devices.alice.client.getState().conversations.list.find((conversation) => conversation.kind === 'direct' && conversation.peer.id === bob.user.id)!.id;
  });

  afterAll(async () => {
    for (const device of Object.values(devices)) device.client.logout();
    await front1?.close();
    await node1?.stop();
    await node2?.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`alice on node 1 and bob on node 2 chat 1:1 and in a group (${database.kind} shared by both)`, async () => {
    await send(devices.alice, dm);
    await until(() => holds(devices.bob, dm, 'alice#1'), 10_000, 'bob gets alice#1');
    await send(devices.bob, dm);
    await until(() => holds(devices.alice, dm, 'bob#1'), 10_000, 'alice gets bob#1');
    await send(devices.alice, group.id);
    for (const device of [devices.bob, devices.carol1, devices.carol2]) await until(() => holds(device, group.id, 'alice#2'), 10_000, `${device.name} gets alice#2`);
  });

  it('carol, removed from the group while her tabs sit on node 1 and node 2, gets the next message on neither', async () => {
    const pushed: Message[] = [];
    for (const tab of [devices.carol1, devices.carol2]) tab.socket().on('message:new', (message: Message) => pushed.push(message));
    // Removed through node 2; her tab on node 1 must leave the room too (a remote socketsLeave through Redis).
    await rest(node2.url, 'DELETE', `/groups/${group.id}/members/${carol.user.id}`, alice.token);
    await sleep(300);
    const next = await send(devices.alice, group.id);
    await until(() => holds(devices.bob, group.id, textOf(next)), 10_000, 'bob gets the message after the removal');
    await sleep(500);
    expect(pushed.filter((message) => message.conversationId === group.id && message.type === 'text')).toEqual([]);
    for (const tab of [devices.carol1, devices.carol2]) expect(holds(tab, group.id, textOf(next))).toBe(false);
    expect(holds(devices.carol1, group.id, 'alice#2')).toBe(true);
  });

  it('node 1 drained with SIGTERM mid-traffic: its clients reconnect to node 2, nothing acked is lost or duplicated', async () => {
    const acked: Message[] = [];
    const traffic = async (device: Device, conversations: string[], count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        acked.push(await send(device, conversations[i % conversations.length] as string));
        await sleep(25);
      }
    };
    const sending = Promise.all([traffic(devices.alice, [dm, group.id], 40), traffic(devices.bob, [dm, group.id], 40)]);
    await until(() => acked.length >= 20, 20_000, '20 acks before the drain');
    const exited = new Promise<number | null>((resolve) => node1.process.once('exit', resolve));
    node1.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    const ackedBeforeExit = acked.length;
    await sending;
    expect(ackedBeforeExit).toBeLessThan(80);
    expect(acked).toHaveLength(80);

    // Every device moved to (or stayed on) node 2: it holds all four connections now.
    await until(async () => /^confab_socket_connections 4$/m.test(await (await fetch(`${node2.url}/metrics`)).text()), 10_000, 'four connections on node 2');
    const stored = new Map<string, Message[]>();
    for (const conversationId of [dm, group.id]) stored.set(conversationId, await history(node2.url, alice.token, conversationId));
    const storedIds = new Set([...stored.values()].flat().map((message) => message.id));
    expect(acked.filter((message) => !storedIds.has(message.id))).toEqual([]);

    const everyone = [devices.alice, devices.bob];
    const views = async (device: Device) =>
      new Map((await rest<ConversationsResponse>(node2.url, 'GET', '/conversations', device === devices.alice ? alice.token : bob.token)).conversations.map((c: Conversation) => [c.id, c]));
    const figures = async () => countFigures(acked.length, acked, stored, await Promise.all(everyone.map(async (device) => ({ userId: device.userId, state: device.client.getState(), serverViews: await views(device) }))));
    await until(async () => (await figures()).lost === 0, 15_000, 'every device holds every acked message').catch(() => undefined);
    expect(await figures()).toEqual({ acked: 80, delivered: 160, lost: 0, duplicated: 0, reordered: 0, unreadMismatches: 0 });
  });
});
