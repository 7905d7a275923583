import { defineProject } from 'vitest/config';

// Vitest runs node tests through Vite's SSR environment, which reads `ssr.resolve` rather than
// `resolve`; both carry the source condition so workspace packages resolve to their `src`.
const conditions = ['@confab/source'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { name: 'core', environment: 'node' },
});
