import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The page inside the iframe, served by the Confab server at /embed/ (dist/frame). */
export default defineConfig({
  root: fileURLToPath(new URL('./frame', import.meta.url)),
  base: '/embed/',
  plugins: [vue()],
  resolve: { conditions: ['@confab/source'] },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist/frame', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
  },
});
