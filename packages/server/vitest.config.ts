import { defineProject } from 'vitest/config';

// Vite 6+ resolves node-environment (SSR) imports with `ssr.resolve.conditions`, not
// `resolve.conditions`; setting it replaces Vite's defaults, so they are repeated here.
const conditions = ['@confab/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { name: 'server', environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 },
});
