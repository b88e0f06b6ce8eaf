import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { relocatableHtmlPlugin } from './src/web/static/build/relocatable-html.js';

// The static edition (npm run build:static → dist/static): the same React app and the same Hono app
// (src/server/app.ts) built for the browser, with PGlite on IndexedDB. See src/web/static/README.md.

const here = path.dirname(fileURLToPath(import.meta.url));
const fromRoot = (file: string) => path.join(here, file);
const browserModule = (file: string) => fromRoot(`src/web/static/engine/browser-modules/${file}`);

/**
 * Modules of the shared app that reach for Node, and what stands in for them in the browser bundle. Files are
 * matched by their resolved path, bare specifiers by name; everything else is bundled as the server runs it.
 */
const BROWSER_REPLACEMENTS: Record<string, string> = {
  [fromRoot('src/app/backup/app-version.ts')]: browserModule('app-version.ts'),
  [fromRoot('src/server/serve-web-app.ts')]: browserModule('serve-web-app.ts'),
  [fromRoot('src/app/import/read-import-file-off-thread.ts')]: browserModule('read-import-file.ts'),
  [fromRoot('src/app/import/read-xlsx.ts')]: browserModule('read-xlsx.ts'),
  [fromRoot('src/app/network/duplicates-off-thread.ts')]: browserModule('duplicates-off-thread.ts'),
};

const BARE_REPLACEMENTS: Record<string, string> = {
  'node:crypto': browserModule('node-crypto.ts'),
  'node:zlib': browserModule('node-zlib.ts'),
  'node:worker_threads': browserModule('node-worker-threads.ts'),
  'node:module': browserModule('node-module.ts'),
  'node:fs': browserModule('unavailable.ts'),
  'node:fs/promises': browserModule('unavailable.ts'),
  'node:path': browserModule('unavailable.ts'),
  'node:url': browserModule('unavailable.ts'),
  'node:stream': browserModule('unavailable.ts'),
  pg: browserModule('unavailable.ts'),
  '@hono/node-server': browserModule('unavailable.ts'),
  '@hono/node-server/serve-static': browserModule('unavailable.ts'),
  pino: browserModule('unavailable.ts'),
};

function browserReplacements(): Plugin {
  return {
    name: 'matchwise-browser-replacements',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const bare = BARE_REPLACEMENTS[source];
      if (bare) return bare;
      if (!source.startsWith('.') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const replacement = resolved && BROWSER_REPLACEMENTS[resolved.id];
      return replacement ?? resolved;
    },
  };
}

/**
 * The offline cache: sw.js gets this build's hash (so browsers see a new worker after every build) and
 * precache.json lists every file the static folder holds, relative to the folder (which may be published
 * anywhere on a host), which the worker caches on install.
 */
function serviceWorkerFiles(): Plugin {
  return {
    name: 'matchwise-service-worker',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? fromRoot('dist/static');
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .filter((file) => file !== 'sw.js' && file !== 'precache.json' && !file.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(path.join(dir, file)));
      const build = hash.digest('hex').slice(0, 16);
      writeFileSync(path.join(dir, 'precache.json'), JSON.stringify({ build, files }, null, 1));
      const worker = path.join(dir, 'sw.js');
      writeFileSync(worker, readFileSync(worker, 'utf8').replace('__MATCHWISE_BUILD__', build));
    },
  };
}

const version = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;

export default defineConfig({
  root: 'src/web/static',
  // Relative: the folder works wherever it is published (https://host/ or https://host/matchwise/); index.html
  // finds its folder at run time (src/web/static/build/relocatable-html.ts, which also writes 404.html).
  base: './',
  plugins: [browserReplacements(), react(), relocatableHtmlPlugin(), serviceWorkerFiles()],
  define: { __MATCHWISE_VERSION__: JSON.stringify(version) },
  resolve: {
    alias: { 'pglite-dist': fromRoot('node_modules/@electric-sql/pglite/dist') },
  },
  worker: {
    format: 'es',
    plugins: () => [browserReplacements()],
  },
  build: {
    outDir: '../../../dist/static',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: {
        index: fromRoot('src/web/static/index.html'),
        sw: fromRoot('src/web/static/sw/service-worker.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
