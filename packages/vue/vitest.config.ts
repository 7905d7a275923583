import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [vue()],
  resolve: { conditions: ['@confab/source'] },
  // The SSR test runs in the node environment, which resolves with the ssr conditions.
  ssr: { resolve: { conditions: ['@confab/source'], externalConditions: ['@confab/source'] } },
  test: { name: 'vue', environment: 'happy-dom', setupFiles: ['./src/test-setup.ts'] },
});
