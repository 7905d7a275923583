import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { LOADER_BUDGET_BYTES, measureLoader } from '../scripts/size-check.mjs';
import * as embed from './index.js';

describe('@confab/embed', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(embed).sort()).toEqual(['EMBED_PROTOCOL_VERSION', 'createPortChannel', 'isEmbedMessage', 'isMessageOfType', 'mount'].sort());
  });

  // Reads dist/frame/embed.js: run `pnpm build` first (as `pnpm test` does).
  it('keeps the built loader within 3 KB min+gzip', () => {
    const { minified, gzipped } = measureLoader() as { minified: number; gzipped: number };
    expect(LOADER_BUDGET_BYTES).toBe(3072);
    expect(gzipped).toBeGreaterThan(500);
    expect(gzipped).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);
    expect(minified).toBeGreaterThan(gzipped);
  });
});
