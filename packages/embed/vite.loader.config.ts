import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The script-tag loader: one small IIFE (global `Confab`), served by the server at /embed.js. */
export default defineConfig({
  build: {
    target: 'es2020',
    outDir: fileURLToPath(new URL('./dist/frame', import.meta.url)),
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./src/iife.ts', import.meta.url)),
      formats: ['iife'],
      name: 'ConfabLoader',
      fileName: () => 'embed.js',
    },
  },
});
