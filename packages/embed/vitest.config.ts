import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@confab/source'] },
  test: { name: 'embed', environment: 'node' },
});
