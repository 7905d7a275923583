import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Where `pnpm dev` forwards API and socket.io traffic (the Confab server). */
const server = process.env.CONFAB_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [vue()],
  // Build from the workspace sources of @confab/core, @confab/vue and @confab/protocol.
  resolve: { conditions: ['@confab/source'] },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/socket.io': { target: server, ws: true, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The chat at `/`, and /library-demo.html: three components in a host app's own layout.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        libraryDemo: fileURLToPath(new URL('./library-demo.html', import.meta.url)),
      },
    },
  },
});
