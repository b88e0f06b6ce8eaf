import stableMarriagePackage from 'stable-marriage';
import { NO_PROGRAM } from '../src/core/match/compiled-market.js';
import { indexMarket } from '../src/core/match/market-index.js';
import { solveMatchWithObjects, toObjectMarket } from '../src/core/match/object-baseline.js';
import { solveMatch } from '../src/core/match/solve-match.js';
import { nationalMarket, oneToOneMarket } from '../src/core/match/testing/national-market.js';
import { stableMarriagePeople } from './stable-marriage-people.js';
import { type Timing, time } from './timing.js';

const { stableMarriage } = stableMarriagePackage;

export interface NationalResult {
  applicants: number;
  programs: number;
  positions: number;
  couples: number;
  solver: Timing;
  baseline: Timing;
  proposals: number;
  matched: number;
  status: string;
  sameAsBaseline: number;
}

/**
 * The national-scale Match, typed-array solver against the object-based baseline, on one instance in one
 * process. `sameAsBaseline` is the share of applicants placed identically: with couples the two may process
 * applications in another order and so find another stable matching.
 */
export function benchNational({ runs = 15, warmup = 3 } = {}): NationalResult {
  const market = nationalMarket();
  let result = solveMatch(market);
  const solver = time(() => (result = solveMatch(market)), { runs, warmup, prepare: () => undefined });
  const objects = toObjectMarket(market);
  let baselineResult = solveMatchWithObjects(objects);
  const baseline = time(() => (baselineResult = solveMatchWithObjects(objects)), {
    runs: Math.max(3, Math.floor(runs / 3)),
    warmup: 1,
    prepare: () => undefined,
  });
  let matched = 0;
  let same = 0;
  result.assignment.forEach((program, a) => {
    if (program !== NO_PROGRAM) matched++;
    if ((baselineResult.assignment[a] ?? null) === (program === NO_PROGRAM ? null : program)) same++;
  });
  let positions = 0;
  for (const capacity of market.capacity) positions += capacity;
  return {
    applicants: market.applicantCount,
    programs: market.programCount,
    positions,
    couples: market.coupleCount,
    solver,
    baseline,
    proposals: result.proposals,
    matched,
    status: result.status,
    sameAsBaseline: same / market.applicantCount,
  };
}

export interface OneToOneResult {
  n: number;
  solver: Timing;
  stableMarriage: Timing;
  /** Building the rank index alone, part of every solveMatch call. */
  index: Timing;
  agree: boolean;
}

/**
 * One-to-one, complete lists, n per side: the instance the `stable-marriage` package (a published peer)
 * solves. Its Person objects are rebuilt untimed before each run because it stores engagements on them.
 */
export function benchOneToOne({ n = 2000, runs = 9, warmup = 2 } = {}): OneToOneResult {
  const { market, applicantPrefs, programPrefs } = oneToOneMarket(n, 7);
  const people = () => stableMarriagePeople(applicantPrefs, programPrefs);
  let ours = solveMatch(market);
  const solver = time(() => (ours = solveMatch(market)), { runs, warmup, prepare: () => undefined });
  const index = time(() => indexMarket(market), { runs, warmup, prepare: () => undefined });
  let theirs = people();
  const peer = time(
    (prepared) => {
      stableMarriage(prepared.boys);
      theirs = prepared;
    },
    { runs, warmup, prepare: people },
  );
  // Both find the applicant-optimal stable matching, so they must agree person by person.
  const agree = theirs.boys.every(
    (boy, i) => (boy.fiance ? theirs.girls.indexOf(boy.fiance) : NO_PROGRAM) === ours.assignment[i],
  );
  return { n, solver, stableMarriage: peer, index, agree };
}
