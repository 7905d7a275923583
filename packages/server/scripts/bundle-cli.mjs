// Replaces the compiled dist/cli.js with one ES module that holds the server's own code and the
// dependencies made of hundreds of small files (typebox alone is over 2,000 module loads). Node 20 loads
// such a tree slowly: the bundle starts the server in about half the time. Other packages (native addons,
// the optional pg, Redis and openai clients loaded on demand, CommonJS packages) stay external and are
// loaded from node_modules as before. The library entry (dist/index.js) stays as tsc wrote it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = new Set(['@confab/protocol', 'typebox', '@fastify/type-provider-typebox', 'jose']);
const builtins = new Set(builtinModules);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('esbuild').Plugin} */
const externalUnlessListed = {
  name: 'external-unless-listed',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:') || builtins.has(path)) return { external: true };
      return BUNDLED.has(packageName(path)) ? undefined : { external: true };
    });
  },
};

// Chunk names carry a content hash: drop the previous build's.
rmSync(join(root, 'dist', 'cli-chunks'), { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outdir: join(root, 'dist'),
  chunkNames: 'cli-chunks/[name]-[hash]',
  bundle: true,
  // The modules loaded on demand (PostgreSQL, Redis, the assistant's provider) become chunks of their
  // own, so their external packages are imported only when those chunks are.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalUnlessListed],
});
