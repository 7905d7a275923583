import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { LOADER_BUDGET_BYTES, loaderPath, measureLoader } from '../scripts/size-check.mjs';
import * as embed from './index.js';

describe('@confab/embed', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(embed).sort()).toEqual(['EMBED_PROTOCOL_VERSION', 'createPortChannel', 'isEmbedMessage', 'isMessageOfType', 'mount'].sort());
  });

  it('keeps the built loader within 3 KB min+gzip', () => {
    expect(existsSync(loaderPath), `${loaderPath} is missing: run pnpm build first`).toBe(true);
    const { minified, gzipped } = measureLoader() as { minified: number; gzipped: number };
    expect(LOADER_BUDGET_BYTES).toBe(3072);
    expect(gzipped).toBeGreaterThan(500);
    expect(gzipped).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);
    expect(minified).toBeGreaterThan(gzipped);
  });
});
