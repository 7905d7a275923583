import { defineProject } from 'vitest/config';

/** Unit tests of the benchmark harness's statistics and report (not the benchmarks themselves). */
export default defineProject({
  test: { name: 'bench', environment: 'node', include: ['lib/**/*.test.ts'] },
});
