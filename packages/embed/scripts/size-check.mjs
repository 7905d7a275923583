#!/usr/bin/env node
// Measures the script-tag loader (dist/frame/embed.js, minified by the build) gzipped, and fails over budget.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The loader's budget: 3 KB minified + gzipped. */
export const LOADER_BUDGET_BYTES = 3 * 1024;
export const loaderPath = fileURLToPath(new URL('../dist/frame/embed.js', import.meta.url));

/** `{ minified, gzipped }` sizes in bytes of the built loader. */
export function measureLoader(file = loaderPath) {
  const code = readFileSync(file);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { minified, gzipped } = measureLoader();
  const verdict = gzipped <= LOADER_BUDGET_BYTES ? 'within' : 'OVER';
  process.stdout.write(`embed.js: ${minified} B minified, ${gzipped} B min+gzip (${verdict} the ${LOADER_BUDGET_BYTES} B budget)\n`);
  if (gzipped > LOADER_BUDGET_BYTES) process.exitCode = 1;
}
