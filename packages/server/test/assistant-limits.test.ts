import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLimits, createRedisLimits, SLOT_LEASE_MS, type Admission, type AssistantLimits } from '../src/ai/limiter.js';
import { connectRedis, type RedisConnection } from '../src/cluster/redis.js';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from './cluster-helpers.js';

const skipReason = await redisUnavailable();
if (skipReason) console.warn(`[assistant limits on Redis] skipped: ${skipReason}`);

const silent = { warn: () => undefined } as never;
const outcome = (admission: Admission): string => (admission.admitted ? 'admitted' : admission.reason);

/** The same behaviour from every implementation: two "nodes" of one deployment share the limits. */
function behaves(name: string, makeNodes: (now: () => number) => Promise<[AssistantLimits, AssistantLimits]>, shared: boolean): void {
  describe(name, () => {
    it('refuses a reply as busy beyond the concurrent maximum and admits again once one is released', async () => {
      const [a, b] = await makeNodes(() => Date.now());
      const first = await a.admit('u1');
      const second = await (shared ? b : a).admit('u2');
      expect([outcome(first), outcome(second)]).toEqual(['admitted', 'admitted']);
      expect(outcome(await (shared ? b : a).admit('u3'))).toBe('busy');
      if (first.admitted) first.release();
      if (first.admitted) first.release(); // twice is harmless
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outcome(await a.admit('u3'))).toBe('admitted');
      expect(outcome(await a.admit('u4'))).toBe('busy');
    });

    it('limits each user to the per-minute starts, counting starts on every node, and frees them after the minute', async () => {
      let clock = 1_000_000;
      const [a, b] = await makeNodes(() => clock);
      const starts: string[] = [];
      for (const node of [a, b, a, b]) {
        const admission = await (shared ? node : a).admit('alice');
        starts.push(outcome(admission));
        if (admission.admitted) admission.release();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(starts).toEqual(['admitted', 'admitted', 'admitted', 'rate-limited']);
      expect(outcome(await b.admit('bob'))).toBe('admitted');
      clock += 60_001;
      expect(outcome(await (shared ? b : a).admit('alice'))).toBe('admitted');
    });
  });
}

behaves('assistant limits in memory (one node)', async (now) => {
  const node = createMemoryLimits({ perMinute: 3, maxConcurrent: 2, now });
  return [node, node];
}, false);

describe.skipIf(skipReason !== null)('assistant limits on Redis', () => {
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) connections.push(await connectRedis({ url: TEST_REDIS_URL, prefix: 'unused' }, silent));
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
  });
  const nodes = async (now: () => number): Promise<[AssistantLimits, AssistantLimits]> => {
    const prefix = uniqueRedisPrefix('limits');
    const [a, b] = connections.map((connection) => createRedisLimits({ ...connection, prefix }, { perMinute: 3, maxConcurrent: 2, now }, () => undefined));
    return [a as AssistantLimits, b as AssistantLimits];
  };
  behaves('shared by two nodes', nodes, true);

  it('frees the slot of a node that died without releasing it once its lease ends', async () => {
    let clock = 5_000_000;
    const [a, b] = await nodes(() => clock);
    expect(outcome(await a.admit('u1'))).toBe('admitted');
    expect(outcome(await a.admit('u2'))).toBe('admitted');
    expect(outcome(await b.admit('u3'))).toBe('busy');
    clock += SLOT_LEASE_MS + 1;
    expect(outcome(await b.admit('u3'))).toBe('admitted');
  });

  it('refuses as busy, never unlimited, when Redis fails', async () => {
    const errors: unknown[] = [];
    const broken = { prefix: 'x', commands: { eval: () => Promise.reject(new Error('connection lost')) } } as unknown as RedisConnection;
    const limits = createRedisLimits(broken, { perMinute: 3, maxConcurrent: 2, now: Date.now }, (error) => errors.push(error));
    expect(outcome(await limits.admit('u1'))).toBe('busy');
    expect(errors).toHaveLength(1);
  });
});
