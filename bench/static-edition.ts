import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { syntheticPrograms } from '../src/core/smartpick/synthetic-market.js';
import { startStaticServer } from '../tests/e2e/static-server.js';
import { chromiumPath, repoRoot } from '../tests/support/paths.js';
import { benchApplicant } from './example-applicant.js';
import { describeMachine } from './timing.js';

/**
 * `npm run bench:static` (after `npm run build:static`): what the static edition costs a visitor. Sizes are the
 * gzip (level 9) of the files as a static host would send them; times are measured in Chromium against a plain
 * static file server on this machine (no network latency), first visit (empty cache and storage) then a reload.
 * Writes the "Static edition" section of bench/RESULTS.md, keeping the others.
 */
const root = path.join(repoRoot, 'dist', 'static');
const FIRST_SCREEN_BUDGET_KB = 400;
const LIST_PROGRAMS = 800;
const LIST_TARGET_MS = 1000;

/** 800 seeded synthetic programs as the four required CSV columns (no research facts: all unknown). */
function programsCsv(): string {
  const rows = syntheticPrograms({ count: LIST_PROGRAMS, seed: 2027 }).map((program) =>
    [program.acgmeId, program.name, program.city, program.state]
      .map((cell) => `"${cell.replace(/"/g, '""')}"`)
      .join(','),
  );
  return ['ACGME ID,Program Name,City,State', ...rows].join('\n');
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gz = (file: string) => gzipSync(readFileSync(path.join(root, file)), { level: 9 }).byteLength;

/**
 * index.html and what it pulls in before the first page renders: its scripts, preloads and styles, which its
 * inline bootstrap lists relative to the app's folder (src/web/static/build/relocatable-html.ts).
 */
function firstScreenFiles(): string[] {
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/"(?:src|href)":"(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  return ['index.html', ...refs];
}

function engineFiles(): string[] {
  const precache = JSON.parse(readFileSync(path.join(root, 'precache.json'), 'utf8')) as { files: string[] };
  return precache.files
    .map((file) => file.replace(/^\.?\//, ''))
    .filter((file) =>
      /engine\.worker|compute\.worker|simulation\.worker|\.wasm$|\.data$|^assets\/lib-/.test(file),
    );
}

async function measureInBrowser() {
  const server = await startStaticServer(root);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const visit = async () => {
      const started = Date.now();
      await page.goto(`${server.url}/`);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      const shellMs = Date.now() - started;
      await page.getByRole('region', { name: 'Where your data is' }).waitFor({ timeout: 600_000 });
      return { shellMs, engineMs: Date.now() - started };
    };
    const cold = await visit();
    await page.evaluate(() => navigator.serviceWorker.ready);

    const imported = await page.evaluate(
      async ([profile, csv]) => {
        const saved = await fetch('/api/profile', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(profile),
        });
        if (!saved.ok) return saved.status;
        const bytes = new TextEncoder().encode(csv);
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        const response = await fetch('/api/imports', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ filename: 'programs.csv', contentBase64: btoa(binary) }),
        });
        return response.status;
      },
      [benchApplicant(), programsCsv()] as const,
    );
    if (imported !== 201) throw new Error(`importing ${LIST_PROGRAMS} programs answered ${imported}`);
    // The reload starts the app afresh, so My list reads the profile and catalog saved above.
    const warm = await visit();
    const nav = (label: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    /** Milliseconds until the chances show, or what the page said instead. */
    const openList = async (): Promise<number | string> => {
      await nav('Home');
      const started = Date.now();
      await nav('My list');
      try {
        await page.getByRole('region', { name: 'Your chances' }).waitFor({ timeout: 180_000 });
        return Date.now() - started;
      } catch {
        await page.screenshot({
          path: path.join(os.tmpdir(), 'static-edition-my-list-failed.png'),
        });
        const alert = await page.getByRole('alert').allTextContents();
        return `not shown within 180 s (${alert.join(' ').slice(0, 200) || 'no message on the page'})`;
      }
    };
    const listFirstMs = await openList();
    const listAgainMs = await openList();
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-static-edition.png') });
    return { cold, warm, listFirstMs, listAgainMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

const firstScreen = firstScreenFiles().map((file) => ({ file, bytes: gz(file) }));
const firstScreenTotal = firstScreen.reduce((sum, entry) => sum + entry.bytes, 0);
const engine = engineFiles().map((file) => ({ file, bytes: gz(file) }));
const engineTotal = engine.reduce((sum, entry) => sum + entry.bytes, 0);
const machine = describeMachine();
const times = await measureInBrowser();
console.log({ firstScreenTotal, engineTotal, times });

const section = `## Static edition

\`npm run build:static && npm run bench:static\`. Sizes are gzip level 9 of the built files, as a static host
sends them. Target: the app's own first-screen code ≤ ${FIRST_SCREEN_BUDGET_KB} KB compressed.

| What | Files | Compressed |
| --- | ---: | ---: |
| First screen (index.html, its scripts, preloads and styles) | ${firstScreen.length} | ${kb(firstScreenTotal)} KB |
| Database engine and workers (PGlite wasm and data, engine, SmartPick and simulation workers, city list) | ${engine.length} | ${kb(engineTotal)} KB |

${engine.map((entry) => `- ${entry.file.replace(/-[\w-]{8}\./, '.')}: ${kb(entry.bytes)} KB`).join('\n')}

In Chromium (headless, this machine, files from a local static server: no network time), recorded
${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on:
${machine.map((line) => `- ${line}`).join('\n')}


| Visit | App shell rendered | Engine ready (data usable) |
| --- | ---: | ---: |
| First (empty cache, new database) | ${times.cold.shellMs} ms | ${times.cold.engineMs} ms |
| Reload (service worker cache, database in IndexedDB) | ${times.warm.shellMs} ms | ${times.warm.engineMs} ms |

My list for ${LIST_PROGRAMS} programs (seeded synthetic, imported as a four-column CSV, the benchmarks' example
applicant), from a click on "My list" until the chances are on screen; target under ${LIST_TARGET_MS} ms:
${times.listFirstMs}${typeof times.listFirstMs === 'number' ? ' ms' : ''} the first time (SmartPick computes the list in its Web Worker), ${times.listAgainMs}${typeof times.listAgainMs === 'number' ? ' ms' : ''}
again (the recommendation cache answers).
`;

const resultsFile = path.join(repoRoot, 'bench', 'RESULTS.md');
const results = readFileSync(resultsFile, 'utf8');
const start = results.indexOf('## Static edition');
const next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
const updated =
  start < 0
    ? `${results.trimEnd()}\n\n${section}`
    : `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next)}`;
writeFileSync(resultsFile, updated);
