import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnection } from '../src/cluster/redis.js';
import { createRedisPresenceTracker } from '../src/cluster/redis-presence.js';
import { createMemoryPresenceTracker, type PresenceTracker } from '../src/realtime/presence-tracker.js';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from './cluster-helpers.js';

const skipReason = await redisUnavailable();
if (skipReason) console.warn(`[presence tracker on Redis] skipped: ${skipReason}`);

/** The same contract from every implementation; `nodes` gives two nodes of one deployment (one node twice in memory). */
function behaves(name: string, nodes: () => Promise<[PresenceTracker, PresenceTracker]>): void {
  describe(name, () => {
    it('tells the first socket of a user and the last, and counts every tab between', async () => {
      const [node] = await nodes();
      expect(await node.onlineOf(['alice'])).toEqual(new Set());
      expect(await node.connected('alice')).toBe(true);
      expect(await node.connected('alice')).toBe(false);
      expect(await node.onlineOf(['alice', 'bob'])).toEqual(new Set(['alice']));
      expect(await node.disconnected('alice')).toBe(false);
      expect(await node.onlineOf(['alice'])).toEqual(new Set(['alice']));
      expect(await node.disconnected('alice')).toBe(true);
      expect(await node.onlineOf(['alice'])).toEqual(new Set());
      expect(await node.onlineOf([])).toEqual(new Set());
    });

    it('counts the sockets of one user on two nodes: online from the first anywhere to the last anywhere', async () => {
      const [a, b] = await nodes();
      expect(await a.connected('carol')).toBe(true);
      expect(await b.connected('carol')).toBe(false);
      expect(await a.disconnected('carol')).toBe(false);
      expect(await a.onlineOf(['carol'])).toEqual(new Set(['carol']));
      expect(await b.disconnected('carol')).toBe(true);
      expect(await b.onlineOf(['carol'])).toEqual(new Set());
    });

    it('keeps users apart and reports nobody offline while every node renews its entries', async () => {
      const [a, b] = await nodes();
      await a.connected('dave');
      await b.connected('erin');
      expect(await a.refresh()).toEqual([]);
      expect(await b.refresh()).toEqual([]);
      expect(await a.onlineOf(['dave', 'erin', 'frank'])).toEqual(new Set(['dave', 'erin']));
    });
  });
}

behaves('presence tracker in memory (one node)', async () => {
  const node = createMemoryPresenceTracker();
  return [node, node];
});

describe.skipIf(skipReason !== null)('presence tracker on Redis', () => {
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) connections.push(await connectRedis({ url: TEST_REDIS_URL, prefix: 'unused' }, { warn: () => undefined } as never));
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
  });
  /** Two nodes sharing a fresh prefix (and a clock the test may move). */
  const twoNodes = (now: () => number = Date.now): [PresenceTracker, PresenceTracker] => {
    const prefix = uniqueRedisPrefix('presence');
    const [a, b] = connections.map((connection, index) => createRedisPresenceTracker({ ...connection, prefix }, { leaseMs: 30_000, now, nodeId: `node-${index}` }));
    return [a as PresenceTracker, b as PresenceTracker];
  };
  behaves('shared by two nodes', async () => twoNodes());

  it('stops counting a node that died without cleaning up once its lease ends, and reports its users offline once', async () => {
    let clock = 1_000_000_000;
    const [a, b] = twoNodes(() => clock);
    expect(await a.connected('gina')).toBe(true);
    expect(await a.connected('hank')).toBe(true);
    expect(await b.connected('hank')).toBe(false);
    // Node a "dies": it never disconnects its sockets nor renews its entries.
    clock += 20_000;
    expect(await b.refresh()).toEqual([]);
    expect(await b.onlineOf(['gina', 'hank'])).toEqual(new Set(['gina', 'hank']));
    clock += 10_001; // past a's lease (30 s), within b's renewed one
    expect(await b.onlineOf(['gina', 'hank'])).toEqual(new Set(['hank']));
    expect(await b.refresh()).toEqual(['gina']);
    expect(await b.refresh()).toEqual([]);
    // A new socket of gina is her first again.
    expect(await b.connected('gina')).toBe(true);
  });

  it('keeps a renewing node\'s users online past the lease', async () => {
    let clock = 2_000_000_000;
    const [a, b] = twoNodes(() => clock);
    await a.connected('ivan');
    for (let i = 0; i < 4; i++) {
      clock += 10_000;
      expect(await a.refresh()).toEqual([]);
    }
    expect(await b.onlineOf(['ivan'])).toEqual(new Set(['ivan']));
    expect(await b.refresh()).toEqual([]);
  });
});
