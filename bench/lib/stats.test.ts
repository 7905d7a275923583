import { describe, expect, it } from 'vitest';
import { median, percentile, round, summarise } from './stats.js';

describe('stats', () => {
  it('takes the nearest-rank percentile of unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises runs as median and spread', () => {
    expect(summarise([0.8, 0.7, 0.95])).toEqual({ runs: [0.8, 0.7, 0.95], median: 0.8, spread: 0.95 - 0.7 });
    expect(round(0.123456)).toBe(0.123);
  });
});
