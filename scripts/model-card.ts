/**
 * `npm run model-card`: rebuilds docs/model-card.md from code (src/core/model/model-card.ts) with fixed seeds.
 * `--check` rebuilds it in memory and exits 1 when the file on disk differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModelCard } from '../src/core/model/model-card.js';

const target = fileURLToPath(new URL('../docs/model-card.md', import.meta.url));
const started = performance.now();
const card = buildModelCard();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== card) {
    console.error(`docs/model-card.md is stale: run npm run model-card (rebuilt in ${seconds} s)`);
    process.exit(1);
  }
  console.log(`docs/model-card.md is current (rebuilt in ${seconds} s)`);
} else {
  writeFileSync(target, card);
  console.log(`Wrote ${target} in ${seconds} s`);
}
