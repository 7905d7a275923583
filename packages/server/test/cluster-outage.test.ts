import { rmSync } from 'node:fs';
import type { Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfabServer } from '../src/index.js';
import { clusterDatabase, type ClusterDatabase, redisUnavailable, startClusterNode, TEST_REDIS_URL, uniqueRedisPrefix } from './cluster-helpers.js';
import { createGroup } from './group-helpers.js';
import { befriend, clientMsgId, connect, emitWithAck, nextEvent, record, registerUser, sleep, tempDir, type ClientSocket } from './helpers.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

const skipReason = await redisUnavailable();

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Node a reaches Redis directly, node b through a proxy whose link the test cuts. */
describe.skipIf(skipReason !== null)('a node that loses its Redis link', () => {
  const dir = tempDir();
  const prefix = uniqueRedisPrefix('outage');
  const nodes: ConfabServer[] = [];
  const urls: string[] = [];
  const sockets: ClientSocket[] = [];
  let proxy: TcpProxy;
  let database: ClusterDatabase | undefined;

  beforeAll(async () => {
    database = await clusterDatabase(dir);
    const redis = new URL(TEST_REDIS_URL);
    proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    const viaProxy = new URL(TEST_REDIS_URL);
    viaProxy.port = String(proxy.port);
    for (const [name, redisUrl] of [['a', TEST_REDIS_URL], ['b', viaProxy.toString()]] as const) {
      const { node, url } = await startClusterNode(dir, name, database, prefix, redisUrl);
      urls.push(url);
      nodes.push(node);
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) await node.close();
    await proxy?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes its sockets, refuses new ones with UNAVAILABLE, and after recovery its client misses no message', async () => {
    const [nodeA, nodeB] = urls as [string, string];
    const amy = await registerUser(nodeB, 'amy');
    const ben = await registerUser(nodeA, 'ben');
    const dm = await befriend(nodeA, amy, ben);
    const group = await createGroup(nodeA, ben, [amy]);
    const amySocket = await connect(nodeB, amy.token);
    const benSocket = await connect(nodeA, ben.token);
    sockets.push(amySocket, benSocket);
    const send = (conversationId: string, text: string) =>
      emitWithAck(benSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } });

    // Before the outage amy gets pushes live; these are her cursors.
    const live = nextEvent(amySocket, 'message:new');
    const before = await send(group.id, 'before');
    expect((await live).id).toBe(before.message.id);
    const cursors = [{ conversationId: group.id, seq: before.message.seq }, { conversationId: dm, seq: 0 }];

    const closed = new Promise<string>((resolve) => amySocket.once('disconnect', resolve));
    await proxy.cut();
    expect(await closed).toBe('io server disconnect');
    const refused = await connect(nodeB, amy.token).then(() => null, (error: { data?: unknown }) => error.data);
    expect(refused).toEqual({ code: 'UNAVAILABLE', message: 'This server node has lost its Redis link; reconnect shortly (another node may take you)' });

    // Sent on node a while node b cannot hear Redis.
    const missedGroup = await send(group.id, 'during the outage');
    const missedDm = await send(dm, 'a DM during the outage');
    expect([missedGroup.ok, missedDm.ok]).toEqual([true, true]);

    await proxy.restore();
    await until(() => nodes[1]?.redis?.linked === true, 10_000);
    const back = await connect(nodeB, amy.token);
    sockets.push(back);
    const synced = await emitWithAck(back, 'sync', { cursors });
    const caughtUp = (synced.conversations as { conversation: { id: string }; messages: Message[] }[]).flatMap((entry) => entry.messages.map((message) => message.id));
    expect(caughtUp).toEqual(expect.arrayContaining([missedGroup.message.id, missedDm.message.id]));

    // And live pushes from node a reach her on node b again.
    const after = record(back, 'message:new');
    const again = await send(dm, 'after');
    await until(() => after.some((message) => message.id === again.message.id), 5000);
  }, 30_000);
});
