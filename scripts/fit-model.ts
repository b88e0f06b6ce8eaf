/**
 * `npm run model:fit`: fits the one model to the 2024 family medicine Match by simulation and writes
 * src/core/model/fitted.ts. `--check` refits and exits 1 when fitted.ts differs (a test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIT_SETTINGS, fitModel } from '../src/core/model/fit-model.js';

import { fittedSource } from '../src/core/model/fitted-source.js';
import { FM_MATCH_2024 } from '../src/core/model/fm-figures.js';

const target = fileURLToPath(new URL('../src/core/model/fitted.ts', import.meta.url));
const started = performance.now();
// Start from the stored intercepts' neighbourhood: a fixed start, so the fit does not depend on the last one.
const start = { 'us-md': -1.5, 'us-do': -1.5, 'us-img': -2.5, 'non-us-img': -2.5 };
const { intercepts, reach } = fitModel(FM_MATCH_2024, start);
const source = fittedSource({
  year: FM_MATCH_2024.year,
  seed: FIT_SETTINGS.seed,
  markets: FIT_SETTINGS.interceptMarkets * (FIT_SETTINGS.rounds + 1) + FIT_SETTINGS.reachMarkets,
  intercept: intercepts.intercept,
  reach: reach.coefficients,
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current.trim() !== source.trim()) {
    console.error(`src/core/model/fitted.ts is stale: run npm run model:fit (refit in ${seconds} s)`);
    process.exit(1);
  }
  console.log(`fitted.ts is current (refit in ${seconds} s)`);
} else {
  writeFileSync(target, source);
  console.log(`Wrote ${target} in ${seconds} s`);
  console.log(
    'intercepts',
    intercepts.intercept,
    'matched by group',
    intercepts.outcome.matchedByGroup.map(Math.round),
  );
}
