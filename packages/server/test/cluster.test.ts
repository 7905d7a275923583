import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, loadConfig, type ConfabServer } from '../src/index.js';
import { clusterDatabase, type ClusterDatabase, redisUnavailable, startClusterNode, uniqueRedisPrefix } from './cluster-helpers.js';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, nextEvent, record, registerUser, sleep, tempDir, type ClientSocket } from './helpers.js';

const skipReason = await redisUnavailable();
if (skipReason) console.warn(`[cluster] skipped: ${skipReason}`);

/** Two in-process nodes on one database and one Redis prefix (the e2e cluster test runs real processes). */
describe.skipIf(skipReason !== null)('two nodes on one database and Redis', () => {
  const dir = tempDir();
  const prefix = uniqueRedisPrefix('nodes');
  const nodes: ConfabServer[] = [];
  const urls: string[] = [];
  const sockets: ClientSocket[] = [];
  let database: ClusterDatabase | undefined;

  beforeAll(async () => {
    database = await clusterDatabase(dir);
    for (const name of ['a', 'b']) {
      const { node, url } = await startClusterNode(dir, name, database, prefix);
      urls.push(url);
      nodes.push(node);
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) await node.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const on = async (node: number, token: string): Promise<ClientSocket> => {
    const socket = await connect(urls[node] as string, token);
    sockets.push(socket);
    return socket;
  };

  it('a 1:1 message sent on node a reaches the receiver on node b', async () => {
    const alice = await registerUser(urls[0] as string, 'alice');
    const bob = await registerUser(urls[1] as string, 'bob');
    const conversationId = await befriend(urls[0] as string, alice, bob);
    const aliceSocket = await on(0, alice.token);
    const bobSocket = await on(1, bob.token);
    const arrival = nextEvent(bobSocket, 'message:new');
    const ack = await emitWithAck(aliceSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: 'across nodes' } });
    expect(ack).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(await arrival).toMatchObject({ id: ack.message.id, seq: 1, content: { text: 'across nodes' } });
  });

  it('a member removed from a group leaves its room on every node: neither of her tabs gets the next message', async () => {
    const owner = await registerUser(urls[0] as string, 'owner');
    const carol = await registerUser(urls[0] as string, 'carol');
    const dave = await registerUser(urls[1] as string, 'dave');
    await befriend(urls[0] as string, owner, carol);
    await befriend(urls[0] as string, owner, dave);
    const group = await createGroup(urls[0] as string, owner, [carol, dave]);
    const ownerSocket = await on(0, owner.token);
    const carolTabs = [await on(0, carol.token), await on(1, carol.token)];
    const daveSocket = await on(1, dave.token);
    const carolGot = carolTabs.map((tab) => record(tab, 'message:new'));

    const before = nextEvent(daveSocket, 'message:new');
    await emitWithAck(ownerSocket, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'all here' } });
    await before;
    await sleep(100);
    expect(carolGot.map((got) => got.map((message) => message.content))).toEqual([[{ text: 'all here' }], [{ text: 'all here' }]]);

    // Removed through node b; her tab on node a must leave the room too.
    const removed = await api(urls[1] as string, 'DELETE', `/groups/${group.id}/members/${carol.user.id}`, { token: owner.token });
    expect(removed.status).toBe(200);
    await sleep(200);
    for (const got of carolGot) got.length = 0;
    const after = nextEvent(daveSocket, 'message:new');
    await emitWithAck(ownerSocket, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'carol is gone' } });
    expect(await after).toMatchObject({ content: { text: 'carol is gone' } });
    await sleep(300);
    expect(carolGot.map((got) => got.filter((message) => message.conversationId === group.id && message.type === 'text'))).toEqual([[], []]);
  });

  it("typing in a group on node a reaches a member on node b (through the group's room)", async () => {
    const owner = await registerUser(urls[0] as string, 'typist');
    const reader = await registerUser(urls[1] as string, 'reader');
    await befriend(urls[0] as string, owner, reader);
    const group = await createGroup(urls[0] as string, owner, [reader]);
    const ownerSocket = await on(0, owner.token);
    const readerSocket = await on(1, reader.token);
    const heard = nextEvent(readerSocket, 'typing');
    expect(await emitWithAck(ownerSocket, 'typing', { conversationId: group.id })).toEqual({ ok: true });
    expect(await heard).toEqual({ conversationId: group.id, userId: owner.user.id });
  });

  it('presence crosses nodes: bob on node b sees alice online from node a, online while a tab on either node lives, then last seen', async () => {
    const alice = await registerUser(urls[0] as string, 'present');
    const bob = await registerUser(urls[1] as string, 'watcher');
    await befriend(urls[0] as string, alice, bob);
    const bobSocket = await on(1, bob.token);
    const online = nextEvent(bobSocket, 'presence');
    const tabA = await on(0, alice.token);
    expect(await online).toEqual({ userId: alice.user.id, online: true, lastSeenAt: null });
    // Her second tab lands on node b; closing the first (node a) leaves her online everywhere.
    const heard = record(bobSocket, 'presence');
    const tabB = await on(1, alice.token);
    tabA.disconnect();
    await sleep(200);
    expect(heard).toEqual([]);
    for (const url of urls) {
      expect((await api(url, 'GET', `/presence/${alice.user.id}`, { token: bob.token })).body.presence).toEqual({ userId: alice.user.id, online: true, lastSeenAt: null });
    }
    const offline = nextEvent(bobSocket, 'presence');
    tabB.disconnect();
    const last = await offline;
    expect(last).toMatchObject({ userId: alice.user.id, online: false, lastSeenAt: expect.any(Number) });
    expect((await api(urls[0] as string, 'GET', `/presence/${alice.user.id}`, { token: bob.token })).body.presence).toEqual(last);
  });

  it('/readyz checks Redis: 200 while connected, 503 naming redis once its connection is gone', async () => {
    expect((await fetch(`${urls[0]}/readyz`)).status).toBe(200);
    const node = nodes[1] as ConfabServer;
    await node.redis?.commands.disconnect();
    const response = await fetch(`${urls[1]}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'UNAVAILABLE', message: 'Not ready: redis check failed' } });
    await node.redis?.commands.connect();
    expect((await fetch(`${urls[1]}/readyz`)).status).toBe(200);
  });
});

describe('Redis configuration', () => {
  it('fails the start with a clear error when Redis cannot be reached, naming the URL without its password', async () => {
    const dir = tempDir();
    const config = loadConfig(['--port', '0', '--data-dir', dir, '--log-level', 'silent', '--redis-url', 'redis://user:hunter2@127.0.0.1:1'], {});
    await expect(createServer(config)).rejects.toThrow('Redis at redis://user:***@127.0.0.1:1 is not reachable');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads CONFAB_REDIS_URL and CONFAB_REDIS_PREFIX, flags winning, and refuses bad values', () => {
    const dir = tempDir();
    const base = ['--data-dir', dir, '--jwt-secret', 'x'.repeat(32)];
    expect(loadConfig(base, {}).redis).toBeNull();
    expect(loadConfig(base, { CONFAB_REDIS_URL: 'redis://r:6379' }).redis).toEqual({ url: 'redis://r:6379', prefix: 'confab' });
    expect(loadConfig([...base, '--redis-prefix', 'shop'], { CONFAB_REDIS_URL: 'redis://r:6379', CONFAB_REDIS_PREFIX: 'other' }).redis).toEqual({ url: 'redis://r:6379', prefix: 'shop' });
    expect(() => loadConfig(base, { CONFAB_REDIS_URL: 'http://r:6379' })).toThrow('Invalid CONFAB_REDIS_URL "http://r:6379/"');
    expect(() => loadConfig(base, { CONFAB_REDIS_URL: 'redis://r', CONFAB_REDIS_PREFIX: 'a b' })).toThrow('Invalid CONFAB_REDIS_PREFIX "a b"');
    rmSync(dir, { recursive: true, force: true });
  });
});
