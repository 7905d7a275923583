/** Small statistics for the benchmark suite: medians, percentiles and the spread of repeated ratios. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** A ratio measured several times: each run's value, the median and the spread (max - min). */
export interface RatioSummary {
  runs: number[];
  median: number;
  spread: number;
}

export function summarise(runs: readonly number[]): RatioSummary {
  return { runs: [...runs], median: median(runs), spread: Math.max(...runs) - Math.min(...runs) };
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
