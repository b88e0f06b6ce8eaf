import { type RecommendSettings, recommend } from '../src/core/smartpick/index.js';
import { syntheticPrograms } from '../src/core/smartpick/synthetic-market.js';
import { benchApplicant } from './example-applicant.js';
import { quantile } from './timing.js';

/** Full SmartPick recommendation on synthetic catalogs of realistic and stress size. Not a timed test. */

export interface BenchCase {
  name: string;
  programs: number;
  settings: RecommendSettings;
}

export interface BenchResult extends BenchCase {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  listSize: number;
  pMatch: number;
}

const profile = benchApplicant();

export const CASES: BenchCase[] = [
  {
    name: '800 programs, 80-program budget, 5 signals',
    programs: 800,
    settings: { budget: { kind: 'programs', programs: 80 }, signals: 5 },
  },
  {
    name: '5,000 programs, 80-program budget, 5 signals',
    programs: 5000,
    settings: { budget: { kind: 'programs', programs: 80 }, signals: 5 },
  },
  {
    name: '5,000 programs, $2,500 budget (102 programs), 5 signals',
    programs: 5000,
    settings: { budget: { kind: 'dollars', dollars: 2500 }, signals: 5 },
  },
  {
    name: "5,000 programs, 80-program budget, 5 signals, regions 'strongly-prefer'",
    programs: 5000,
    settings: { budget: { kind: 'programs', programs: 80 }, signals: 5, regionMode: 'strongly-prefer' },
  },
  {
    name: "5,000 programs, 80-program budget, explain: 'all'",
    programs: 5000,
    settings: { budget: { kind: 'programs', programs: 80 }, signals: 5, explain: 'all' },
  },
];

export function runCase(benchCase: BenchCase, runs = 50, warmup = 10): BenchResult {
  // Seeded: the same catalog on every machine; about 40% of facts known, like a partly researched catalog.
  const programs = syntheticPrograms({ count: benchCase.programs, seed: 2027, knownRate: 0.4 });
  const input = { profile, programs, settings: { matchYear: 2027, ...benchCase.settings } };
  let last = recommend(input);
  for (let i = 0; i < warmup; i++) last = recommend(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = recommend(input);
    times.push(performance.now() - start);
  }
  if (!last.ok) throw new Error(JSON.stringify(last.error));
  times.sort((a, b) => a - b);
  return {
    ...benchCase,
    runs,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    minMs: times[0] as number,
    listSize: last.value.list.length,
    pMatch: last.value.pMatch.probability,
  };
}
