import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import stableMarriagePackage from 'stable-marriage';
import type { CompiledMarket } from '../src/core/match/compiled-market.js';
import { NO_PROGRAM } from '../src/core/match/compiled-market.js';
import { compileMarket } from '../src/core/match/json-market.js';
import { chooseRankMode, type RankMode } from '../src/core/match/rank-lookup.js';
import { solveMatch } from '../src/core/match/solve-match.js';
import { enumerateStableMatchingsWithCouples } from '../src/core/match/testing/enumerate-stable-matchings.js';
import { jsonFromCompiled } from '../src/core/match/testing/json-from-compiled.js';
import {
  nationalMarket,
  oneToOneMarket,
  shortListOneToOneMarket,
} from '../src/core/match/testing/national-market.js';
import { compile, type MarketShape, marketArbitrary } from '../src/core/match/testing/random-market.js';
import { runCReference } from './c-reference.js';
import { timeWallAndCpu, type WallAndCpu } from './cpu-timing.js';
import { stableMarriagePeople } from './stable-marriage-people.js';
import { summarizeTimes } from './timing.js';

const { stableMarriage } = stableMarriagePackage;

/**
 * Small markets with couples, brute-forceable: programs ranking everyone who applied (as in issue 12's
 * failing cases) and ranking random subsets (the property tests' kind).
 */
const COUPLES_SHAPES: MarketShape[] = [
  {
    applicants: { min: 5, max: 9 },
    programs: { min: 2, max: 3 },
    capacity: { min: 1, max: 3 },
    couples: { max: 3 },
    programsRankEveryone: true,
  },
  {
    applicants: { min: 5, max: 9 },
    programs: { min: 1, max: 4 },
    capacity: { min: 0, max: 3 },
    couples: { max: 3 },
  },
];

/** Issue 12's instance: the national Match's size with every applicant single. */
const SINGLES = { singles: 48_000, couples: 0, positions: 41_995 };
/** The same size with 1,000 couples (2,000 of the applicants). */
const WITH_COUPLES = { singles: 46_000, couples: 1_000, positions: 41_995 };
const ROUNDS = 5;

/** Samples from several rounds, pooled, so that both sides see the same spells of load. */
class Pool {
  wall: number[] = [];
  cpu: number[] = [];
  add(timing: { wallTimes: number[]; cpuTimes: number[] }): void {
    this.wall.push(...timing.wallTimes);
    this.cpu.push(...timing.cpuTimes);
  }
  summary(): WallAndCpu {
    return { wall: summarizeTimes(this.wall), cpu: summarizeTimes(this.cpu) };
  }
}

function samples(work: () => unknown, runs: number, warmup: number) {
  const timing = timeWallAndCpu(work, { runs, warmup });
  return { wallTimes: timing.samples.wall, cpuTimes: timing.samples.cpu };
}

export interface NationalLimit {
  load: number[];
  compiler: string | null;
  cflags: string | null;
  c: WallAndCpu | null;
  singles: WallAndCpu;
  couples: WallAndCpu;
  compile: WallAndCpu;
  sameAsC: boolean | null;
  proposals: number;
  cProposals: number | null;
  matched: number;
  couplesStatus: string;
  couplesOrders: number;
  couplesProposals: number;
  memory: { singles: MemoryUse; couples: MemoryUse };
  positions: number;
}

export interface MemoryUse {
  /** Bytes on the JS heap and in typed-array buffers allocated during one solve, with no GC in between. */
  heapBytes: number;
  bufferBytes: number;
  proposals: number;
}

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The largest of five measurements: a GC during a solve (there is room for a scavenge) would free what the
 * solve already dropped and understate it.
 */
function memoryOfSolve(market: CompiledMarket, gc: () => void): MemoryUse {
  let heapBytes = 0;
  let bufferBytes = 0;
  let proposals = 0;
  for (let i = 0; i < 5; i++) {
    gc();
    const before = process.memoryUsage();
    const result = solveMatch(market);
    const after = process.memoryUsage();
    heapBytes = Math.max(heapBytes, after.heapUsed - before.heapUsed);
    bufferBytes = Math.max(bufferBytes, after.arrayBuffers - before.arrayBuffers);
    proposals = result.proposals;
  }
  return { heapBytes, bufferBytes, proposals };
}

/**
 * The national singles market solved by the C reference and by `solveMatch` (rank index included), the
 * same size with couples, and `compileMarket` from the parsed JSON of the singles market; ROUNDS rounds,
 * each side in turn, samples pooled.
 */
export function benchNationalLimit(): NationalLimit {
  const load = loadavg();
  const singles = nationalMarket(SINGLES);
  const couples = nationalMarket(WITH_COUPLES);
  const parsed = JSON.parse(JSON.stringify(jsonFromCompiled(singles))) as unknown;
  const pools = { c: new Pool(), singles: new Pool(), couples: new Pool(), compile: new Pool() };
  let compiler: string | null = null;
  let cflags: string | null = null;
  let cAssignment: Int32Array | null = null;
  let cProposals: number | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const c = runCReference(singles, 10);
    if (c.available) {
      compiler = c.compiler;
      cflags = c.flags;
      cAssignment = c.assignment;
      cProposals = c.proposals;
      pools.c.add({ wallTimes: c.samples.wall, cpuTimes: c.samples.cpu });
    }
    pools.singles.add(samples(() => solveMatch(singles), 10, round === 0 ? 5 : 1));
    pools.couples.add(samples(() => solveMatch(couples), 6, round === 0 ? 3 : 1));
    pools.compile.add(samples(() => compileMarket(parsed), 3, 1));
  }
  const result = solveMatch(singles);
  const withCouples = solveMatch(couples);
  const compiled = compileMarket(parsed);
  if (!compiled.ok || !sameMarket(compiled.value, singles))
    throw new Error('compileMarket changed the market');
  const gc = exposeGc();
  let positions = 0;
  for (const n of singles.capacity) positions += n;
  return {
    load,
    compiler,
    cflags,
    c: cAssignment === null ? null : pools.c.summary(),
    singles: pools.singles.summary(),
    couples: pools.couples.summary(),
    compile: pools.compile.summary(),
    sameAsC: cAssignment === null ? null : cAssignment.every((p, a) => p === result.assignment[a]),
    proposals: result.proposals,
    cProposals,
    matched: result.assignment.filter((p) => p !== NO_PROGRAM).length,
    couplesStatus: withCouples.status,
    couplesOrders: withCouples.orders ?? 1,
    couplesProposals: withCouples.proposals,
    memory: { singles: memoryOfSolve(singles, gc), couples: memoryOfSolve(couples, gc) },
    positions,
  };
}

function sameMarket(a: CompiledMarket, b: CompiledMarket): boolean {
  const same = (x: Int32Array, y: Int32Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.capacity, b.capacity) &&
    same(a.applicantRolOffsets, b.applicantRolOffsets) &&
    same(a.applicantRol, b.applicantRol) &&
    same(a.programRolOffsets, b.programRolOffsets) &&
    same(a.programRol, b.programRol)
  );
}

export interface OneToOneLimit {
  name: string;
  ours: WallAndCpu;
  theirs: WallAndCpu;
  agree: boolean;
  rankMode: string;
}

/**
 * One-to-one 2000 × 2000 against `stable-marriage`, with complete lists and with 20-entry lists. Its
 * Person objects are rebuilt untimed before each of its runs, because it stores engagements on them.
 */
export function benchOneToOneLimit(n = 2000): OneToOneLimit[] {
  const cases = [
    { name: `${n} × ${n}, complete lists`, ...oneToOneMarket(n, 7) },
    { name: `${n} × ${n}, 20-entry lists`, ...shortListOneToOneMarket(n, 20, 7) },
  ];
  return cases.map(({ name, market, applicantPrefs, programPrefs }) => {
    const people = () => stableMarriagePeople(applicantPrefs, programPrefs);
    const ours = new Pool();
    const theirs = new Pool();
    let last = people();
    for (let round = 0; round < ROUNDS; round++) {
      ours.add(samples(() => solveMatch(market), 6, round === 0 ? 3 : 1));
      const wallTimes: number[] = [];
      const cpuTimes: number[] = [];
      for (let run = 0; run < (round === 0 ? 8 : 6); run++) {
        const prepared = people();
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        stableMarriage(prepared.boys);
        const wall = performance.now() - start;
        const cpu = process.cpuUsage(cpuStart);
        last = prepared;
        // The first two runs of the first round warm it up, as ours are warmed.
        if (round === 0 && run < 2) continue;
        wallTimes.push(wall);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
      theirs.add({ wallTimes, cpuTimes });
    }
    const assignment = solveMatch(market).assignment;
    const girlIndex = new Map(last.girls.map((girl, i) => [girl, i]));
    // Both find the applicant-optimal stable matching, so they must agree person by person.
    const agree = last.boys.every(
      (boy, i) => (boy.fiance ? (girlIndex.get(boy.fiance) ?? -2) : NO_PROGRAM) === assignment[i],
    );
    return {
      name,
      ours: ours.summary(),
      theirs: theirs.summary(),
      agree,
      rankMode: chooseRankMode(market),
    };
  });
}

export interface RankModeTiming {
  market: string;
  mode: RankMode;
  chosen: boolean;
  timing: WallAndCpu;
}

/** Every rank mode on the three shapes, so the choice in rank-lookup.ts can be checked against this machine. */
export function benchRankModes(): RankModeTiming[] {
  const markets = [
    { market: 'national singles', value: nationalMarket(SINGLES), modes: ['buckets', 'scan'] as RankMode[] },
    {
      market: '2000 × 2000 complete',
      value: oneToOneMarket(2000, 7).market,
      modes: ['scan', 'inverse', 'buckets'] as RankMode[],
    },
    {
      market: '2000 × 2000, 20-entry',
      value: shortListOneToOneMarket(2000, 20, 7).market,
      modes: ['scan', 'inverse', 'buckets'] as RankMode[],
    },
  ];
  return markets.flatMap(({ market, value, modes }) =>
    modes.map((mode) => ({
      market,
      mode,
      chosen: chooseRankMode(value) === mode,
      timing: timeWallAndCpu(() => solveMatch(value, { rankMode: mode }), { runs: 10, warmup: 3 }),
    })),
  );
}

export interface CouplesRetryLimit {
  markets: number;
  shape: string;
  before: { failed: number; failedButStableExists: number };
  after: { failed: number; failedButStableExists: number };
  /** Markets that settled in the first order but, with retries, in another: none expected. */
  changedWhenFirstSettled: number;
}

/**
 * Small random markets with couples (testing/random-market.ts, seeded): how often the solver reports "no
 * stable matching found" in one processing order (before) and with seeded retries (after, the default),
 * and how many of those reports a brute-force search proves wrong (a stable matching exists).
 */
export function benchCouplesRetries(shape: MarketShape, markets = 3000): CouplesRetryLimit {
  const plains = fc.sample(
    marketArbitrary(shape).filter((plain) => plain.coupleLines.length > 0),
    { seed: 1212, numRuns: markets },
  );
  const before = { failed: 0, failedButStableExists: 0 };
  const after = { failed: 0, failedButStableExists: 0 };
  let changedWhenFirstSettled = 0;
  for (const plain of plains) {
    const market = compile(plain);
    const once = solveMatch(market, { retries: 0, maxRounds: 200 });
    const retried = solveMatch(market, { maxRounds: 200 });
    if (once.status === 'stable' && !once.assignment.every((p, a) => p === retried.assignment[a])) {
      changedWhenFirstSettled++;
    }
    const exists = once.status === 'stable' && retried.status === 'stable' ? true : null;
    const stableExists = () => exists ?? enumerateStableMatchingsWithCouples(market).length > 0;
    if (once.status !== 'stable') {
      before.failed++;
      if (stableExists()) before.failedButStableExists++;
    }
    if (retried.status !== 'stable') {
      after.failed++;
      if (stableExists()) after.failedButStableExists++;
    }
  }
  return {
    markets: plains.length,
    shape: `${shape.applicants.min}-${shape.applicants.max} applicants, 1-${shape.couples.max} couples, ${shape.programs.min}-${shape.programs.max} programs of ${shape.capacity.min}-${shape.capacity.max} positions, ${shape.programsRankEveryone ? 'programs ranking every applicant' : 'programs ranking a random subset'}`,
    before,
    after,
    changedWhenFirstSettled,
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const loadText = (load: number[]) => load.map((v) => v.toFixed(2)).join(' / ');
const row = (name: string, t: WallAndCpu) =>
  `| ${name} | ${t.wall.runs} | ${ms(t.wall.minMs)} | ${ms(t.wall.medianMs)} | ${ms(t.cpu.minMs)} | ${ms(t.cpu.medianMs)} |`;
const verdict = (value: number, target: number) =>
  value <= target ? `met (${value.toFixed(2)}× ≤ ${target}×)` : `missed (${value.toFixed(2)}× > ${target}×)`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Issue 12's figures as a RESULTS.md section: national vs C, compileMarket, one-to-one, couples retries. */
export function matchLimitSection(): string {
  const national = benchNationalLimit();
  console.log(
    `national vs C: ours ${ms(national.singles.wall.minMs)} ms, C ${national.c ? ms(national.c.wall.minMs) : '—'} ms (min)`,
  );
  const oneToOne = benchOneToOneLimit();
  for (const o of oneToOne)
    console.log(
      `${o.name}: ours ${ms(o.ours.wall.medianMs)} ms, stable-marriage ${ms(o.theirs.wall.medianMs)} ms`,
    );
  const modes = benchRankModes();
  const loadAfterTimings = loadavg();
  const couples = COUPLES_SHAPES.map((shape) => benchCouplesRetries(shape));
  for (const k of couples) {
    console.log(`couples retries: ${k.before.failed} → ${k.after.failed} failures of ${k.markets}`);
  }
  const c = national.c;
  const cRow =
    c === null
      ? '| C reference: skipped, no `cc` on this machine | | | | | |'
      : row('C deferred acceptance (`bench/c/deferred-acceptance.c`), rank index included', c);
  const vsC = (t: WallAndCpu, target: number) => {
    if (c === null) return 'not measured (no C compiler)';
    const byMin = t.wall.minMs / c.wall.minMs;
    return `${ratio(t.wall.minMs, c.wall.minMs)} by minimum wall time, ${ratio(t.wall.medianMs, c.wall.medianMs)} by median, ${ratio(t.cpu.medianMs, c.cpu.medianMs)} by median CPU time — target ≤ ${target}×: ${verdict(byMin, target)} by minimum, ${verdict(t.wall.medianMs / c.wall.medianMs, target)} by median`;
  };
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(2)}%`;
  return `## Match engine against C (issue 12)

Recorded with load average (1/5/15 min) ${loadText(national.load)} at the start of these timings and
${loadText(loadAfterTimings)} at their end (2 cores, shared with other work: medians are inflated by waiting; the
minimums and the CPU times are closer to the unloaded cost). Each case ran in ${ROUNDS} rounds, the C reference and
the TypeScript in turn within each round, and the samples are pooled; times in ms.

National singles market (\`nationalMarket(${JSON.stringify(SINGLES).replaceAll('"', '')})\`: ${national.proposals.toLocaleString('en-US')} proposals,
${national.matched.toLocaleString('en-US')} of 48,000 matched to ${national.positions.toLocaleString('en-US')} positions at 6,000 programs; 12 ranks per applicant,
programs ranking everyone who applied). ${c === null ? 'The C reference was skipped: no `cc` on this machine.' : `The C reference is compiled at bench time with \`cc ${national.cflags}\` (${national.compiler}) into a temporary directory and reads the same market from a flat int32 file; its own clocks time each solve, including its rank index (each program list read once, each entry found on the applicant's short list).`}
Same assignment as the C reference: ${national.sameAsC === null ? 'not checked (no C)' : national.sameAsC ? 'yes' : '**NO**'}${national.cProposals === null ? '' : `; same proposals: ${national.cProposals === national.proposals ? 'yes' : 'NO'}`}.

| Case | Runs | Min wall | Median wall | Min CPU | Median CPU |
| --- | ---: | ---: | ---: | ---: | ---: |
${cRow}
${row('`solveMatch`, singles (its rank index included)', national.singles)}
${row('`solveMatch`, 46,000 singles + 1,000 couples, same programs and positions', national.couples)}
${row('`compileMarket` of the singles market from parsed JSON', national.compile)}

- Singles against C: ${vsC(national.singles, 3)}.
- With 1,000 couples against the C singles solve of the same size: ${vsC(national.couples, 5)}
  (status ${national.couplesStatus} in ${national.couplesOrders} processing order${national.couplesOrders === 1 ? '' : 's'}, ${national.couplesProposals.toLocaleString('en-US')} proposals).
- \`compileMarket\` against the C solve: ${vsC(national.compile, 25)}.
- Memory allocated during one solve (the largest of 5 measurements, each after a full GC; what a solve holds at
  its peak is at most this): singles ${mib(national.memory.singles.bufferBytes)} of typed arrays and ${(national.memory.singles.heapBytes / 1024).toFixed(0)} KiB on the JS heap for
  ${national.memory.singles.proposals.toLocaleString('en-US')} proposals; with couples ${mib(national.memory.couples.bufferBytes)} and ${(national.memory.couples.heapBytes / 1024).toFixed(0)} KiB for
  ${national.memory.couples.proposals.toLocaleString('en-US')} proposals — the JS heap figure is far below one object per proposal.

One-to-one 2000 × 2000 against npm \`stable-marriage\` 1.0.2 (its Person objects rebuilt untimed before each run):

| Case | Runs | Min wall | Median wall | Min CPU | Median CPU |
| --- | ---: | ---: | ---: | ---: | ---: |
${oneToOne.map((o) => `${row(`${o.name}, \`solveMatch\` (ranks by ${o.rankMode})`, o.ours)}\n${row(`${o.name}, \`stable-marriage\``, o.theirs)}`).join('\n')}

${oneToOne.map((o) => `- ${o.name}: \`stable-marriage\` takes ${ratio(o.theirs.wall.medianMs, o.ours.wall.medianMs)} as long by median (${ratio(o.theirs.wall.minMs, o.ours.wall.minMs)} by minimum); target ≥ 5×: ${o.theirs.wall.medianMs / o.ours.wall.medianMs >= 5 ? 'met' : 'missed'}; same matching: ${o.agree ? 'yes' : '**NO**'}.`).join('\n')}
- Both one-to-one shapes look ranks up by scanning the program's list at each proposal, no further than its worst
  holder's rank (\`src/core/match/rank-lookup.ts\` says how the mode is chosen); the national market uses the
  bucket index.

Each rank mode forced on each shape (\`solveMatch(market, { rankMode })\`, 10 runs after 3 warm-up; the solver
chooses by shape as marked):

| Market | Rank mode | Runs | Min wall | Median wall | Min CPU | Median CPU |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${modes.map((m) => `| ${m.market} | ${m.mode}${m.chosen ? ' (chosen)' : ''} | ${m.timing.wall.runs} | ${ms(m.timing.wall.minMs)} | ${ms(m.timing.wall.medianMs)} | ${ms(m.timing.cpu.minMs)} | ${ms(m.timing.cpu.medianMs)} |`).join('\n')}

Couples: seeded random small markets (\`bench/match-limit.bench.ts\`, generator \`testing/random-market.ts\`) solved
with \`maxRounds: 200\` in one processing order (before) and with the default seeded retries, up to 9 orders (after).
"Wrong" counts the reports that a brute-force search of every matching disproves (a stable matching exists).

| Markets | Shape | Before: no stable matching found | of which wrong | After: no stable matching found | of which wrong |
| ---: | --- | ---: | ---: | ---: | ---: |
${couples.map((k) => `| ${k.markets.toLocaleString('en-US')} | ${k.shape} | ${k.before.failed} (${pct(k.before.failed, k.markets)}) | ${k.before.failedButStableExists} | ${k.after.failed} (${pct(k.after.failed, k.markets)}) | ${k.after.failedButStableExists} |`).join('\n')}

Markets that settled in the first order are never re-solved (results changed: ${couples.reduce((n, k) => n + k.changedWhenFirstSettled, 0)}).
`;
}
