import { describe, expect, it } from 'vitest';
import { runChaos } from './harness.js';
import { formatFigures } from './figures.js';

/** `CHAOS=full` (pnpm test:chaos): thousands of messages; otherwise the small CI size. */
const full = process.env.CHAOS === 'full';
const size = full
  ? { users: 4, devicesPerUser: 3, messagesPerDevice: 300, kills: 3, cutsPerDevice: 4, paceMs: 30 }
  : { users: 3, devicesPerUser: 2, messagesPerDevice: 40, kills: 2, cutsPerDevice: 2, paceMs: 40 };

describe('delivery under faults', () => {
  it(
    `loses, duplicates and reorders nothing while connections are cut and the server is SIGKILLed ${size.kills} times`,
    async () => {
      const figures = await runChaos({ ...size, log: (line) => console.log(`[chaos] ${line}`) });
      console.log(`[chaos] ${formatFigures(figures)}`);
      expect(figures.acked).toBe(figures.sent);
      expect(figures.delivered).toBeGreaterThan(0);
      expect({ lost: figures.lost, duplicated: figures.duplicated, reordered: figures.reordered, unreadMismatches: figures.unreadMismatches }).toEqual({
        lost: 0,
        duplicated: 0,
        reordered: 0,
        unreadMismatches: 0,
      });
    },
    full ? 600_000 : 55_000,
  );
});
