// Prints one plain closing line, "tests: N passed, N failed", from the JSON reports that
// `pnpm test:unit` and `pnpm test:e2e` write to test-results/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../test-results/', import.meta.url);
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(dir)) {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
