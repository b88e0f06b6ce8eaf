import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { FM_RUNS_PER_MARKET } from '../src/core/match/monte-carlo.js';
import { benchBruteForce, benchDuplicates } from './duplicates.bench.js';
import { benchNational, benchOneToOne } from './match.bench.js';
import { matchLimitSection } from './match-limit.bench.js';
import { benchMonteCarlo, profileRun } from './monte-carlo.bench.js';
import { CASES, runCase } from './smartpick.bench.js';
import { describeMachine } from './timing.js';

/**
 * `npm run bench`: SmartPick, the Match engine and duplicate detection, recorded in bench/RESULTS.md (the HTTP
 * API section, written by `npm run bench:api`, is kept). `npm run bench -- match`, `-- smartpick` or
 * `-- duplicates` runs one part and keeps the others' last recorded sections.
 */
const only = process.argv[2];
const SMARTPICK_TARGET_MS = 50;
const NATIONAL_TARGET_MS = 300;
const MONTE_CARLO_TARGET_MS = 10_000;
const DUPLICATES_TARGET_MS = 1_000;
const machine = describeMachine();
const ms = (value: number) => value.toFixed(1);
const resultsUrl = new URL('./RESULTS.md', import.meta.url);

function smartpickSection(): string {
  const loadBefore = os.loadavg()[0] as number;
  const results = CASES.map((benchCase) => {
    const result = runCase(benchCase);
    console.log(`${result.name}: median ${ms(result.medianMs)} ms, p95 ${ms(result.p95Ms)} ms`);
    return result;
  });
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.runs} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.minMs)} | ${r.listSize} | ${(r.pMatch * 100).toFixed(1)}% |`,
  );
  return `## SmartPick

Full \`recommend()\` (profile features, hard filters, P(interview) for every program, optimizer, signals, final
order, curve, verdicts for every program) on seeded synthetic family medicine catalogs (\`syntheticPrograms\`,
seed 2027, about 40% of facts known) for a U.S. IMG with Step 2 CK 235. ${results[0]?.runs ?? 0} timed runs after 10
warm-up runs per case. Target: under ${SMARTPICK_TARGET_MS} ms at 5,000 programs.

| Case | Runs | Median ms | p95 ms | Min ms | List size | P(match) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Before the quadrature rework (66769c0: points computed once, only weighted points kept, coefficients read outside
the hot loop) the second case was 65 ms median, 42 ms minimum (ce0b42d); before the shortlist heap and shared
integrations, 69 ms median (7644cd7); both on a quiet machine. 1-minute load average when these cases ran: ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]?.toFixed(1)} after (2 cores).

\`explain: 'all'\` attaches the per-factor explanation to all 5,000 programs (the default, \`'list'\`, does so for
listed programs and gives the others their probability and band).
`;
}

async function matchSection(): Promise<string> {
  const national = benchNational();
  console.log(
    `national: median ${ms(national.solver.medianMs)} ms, baseline ${ms(national.baseline.medianMs)} ms`,
  );
  const oneToOne = benchOneToOne();
  console.log(
    `one-to-one: ours ${ms(oneToOne.solver.medianMs)} ms, stable-marriage ${ms(oneToOne.stableMarriage.medianMs)} ms`,
  );
  const monteCarlo = await benchMonteCarlo();
  const perRun = profileRun();
  console.log(`Monte Carlo: ${monteCarlo.runs} runs in ${ms(monteCarlo.wall.medianMs)} ms`);
  const perSecond = (national.proposals / national.solver.medianMs) * 1000;
  const verdict = (value: number, target: number) =>
    value < target
      ? `met (${ms(value)} ms < ${target} ms)`
      : `missed by ${ms(value - target)} ms (${ms(value)} ms)`;
  return `## Match engine

Instances are seeded and synthetic (\`src/core/match/testing/national-market.ts\`, \`src/core/match/market-model\`). Times are wall
clock in one Node process; medians over the runs shown.

| Case | Runs | Median ms | p95 ms | Min ms |
| --- | ---: | ---: | ---: | ---: |
| National Match, typed-array solver (\`solveMatch\`) | ${national.solver.runs} | ${ms(national.solver.medianMs)} | ${ms(national.solver.p95Ms)} | ${ms(national.solver.minMs)} |
| National Match, object-based baseline (\`object-baseline.ts\`) | ${national.baseline.runs} | ${ms(national.baseline.medianMs)} | ${ms(national.baseline.p95Ms)} | ${ms(national.baseline.minMs)} |
| One-to-one ${oneToOne.n} × ${oneToOne.n}, complete lists, \`solveMatch\` | ${oneToOne.solver.runs} | ${ms(oneToOne.solver.medianMs)} | ${ms(oneToOne.solver.p95Ms)} | ${ms(oneToOne.solver.minMs)} |
| Same instance, npm \`stable-marriage\` 1.0.2 | ${oneToOne.stableMarriage.runs} | ${ms(oneToOne.stableMarriage.medianMs)} | ${ms(oneToOne.stableMarriage.p95Ms)} | ${ms(oneToOne.stableMarriage.minMs)} |
| ${monteCarlo.runs} family medicine Monte Carlo runs, pool of ${monteCarlo.workers} workers | ${monteCarlo.wall.runs} | ${ms(monteCarlo.wall.medianMs)} | ${ms(monteCarlo.wall.p95Ms)} | ${ms(monteCarlo.wall.minMs)} |

- National instance: ${national.applicants.toLocaleString('en-US')} applicants (${national.couples.toLocaleString('en-US')} couples),
  ${national.programs.toLocaleString('en-US')} programs, ${national.positions.toLocaleString('en-US')} positions, 12 ranks per single
  applicant; ${national.matched.toLocaleString('en-US')} matched, status ${national.status},
  ${national.proposals.toLocaleString('en-US')} proposals — **${Math.round(perSecond).toLocaleString('en-US')} proposals per second**.
  The baseline places ${(national.sameAsBaseline * 100).toFixed(1)}% of applicants identically.
- Target national Match < ${NATIONAL_TARGET_MS} ms: ${verdict(national.solver.medianMs, NATIONAL_TARGET_MS)}.
  Baseline ratio: the object-based implementation takes ${(national.baseline.medianMs / national.solver.medianMs).toFixed(1)}× as long.
- One-to-one against \`stable-marriage\`: ratio ${(oneToOne.stableMarriage.medianMs / oneToOne.solver.medianMs).toFixed(2)}
  (theirs ÷ ours; above 1 means ours is faster); both give the same matching: ${oneToOne.agree ? 'yes' : 'NO'}.
  On these complete lists \`solveMatch\` builds no rank index: each proposal scans the program's list, no further
  than its worst holder's rank (both one-to-one shapes, side by side, in "Match engine against C" below).
- Target 1,000 Monte Carlo runs < ${MONTE_CARLO_TARGET_MS / 1000} s: ${verdict(monteCarlo.wall.medianMs, MONTE_CARLO_TARGET_MS)}
  (1-minute load average ${monteCarlo.load[0].toFixed(1)} before the timed runs, ${monteCarlo.load[1].toFixed(1)} after; on 2 cores).
  Before runs shared markets (every run drew a whole market; recorded at b43668f on a quiet machine): 20.2 s median.
  Runs come ${FM_RUNS_PER_MARKET} to a market: on one thread, drawing a market's background (\`drawMarketBackground\`:
  800 programs, about 7,160 applicants and their interviews) takes ${ms(perRun.backgroundMs)} ms, a run on it
  (\`completeMarket\`: the user's programs and everyone's interviews there) ${ms(perRun.runMs)} ms and solving it
  ${ms(perRun.solveMs)} ms: ${ms(perRun.perRunMs)} ms per run (means over 12 markets).
  P(match) for the benchmark list ${(monteCarlo.pMatch * 100).toFixed(1)}% (95% CI ${(monteCarlo.ci95[0] * 100).toFixed(1)}–${(monteCarlo.ci95[1] * 100).toFixed(1)}%,
  simulation error only, counting the runs of a market as correlated: ${(100 * (monteCarlo.ci95[1] - monteCarlo.ci95[0])).toFixed(2)} points
  wide, against ${(100 * monteCarlo.independentWidth).toFixed(2)} for as many independent runs).
`;
}

function duplicatesSection(): string {
  const results = benchDuplicates();
  for (const r of results) console.log(`duplicates, ${r.name}: median ${ms(r.timing.medianMs)} ms`);
  const brute = benchBruteForce(1_000);
  console.log(`duplicates, brute force on 1,000: ${ms(brute.timing.medianMs)} ms`);
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.timing.runs} | ${ms(r.timing.medianMs)} | ${ms(r.timing.p95Ms)} | ${ms(r.timing.minMs)} | ${r.pairs.toLocaleString('en-US')} | ${r.partialBlocks} |`,
  );
  const tenThousand = results.find((r) => r.contacts === 10_000);
  const verdict =
    tenThousand === undefined
      ? 'not run'
      : tenThousand.timing.medianMs < DUPLICATES_TARGET_MS
        ? `met (median ${ms(tenThousand.timing.medianMs)} ms < ${DUPLICATES_TARGET_MS} ms)`
        : `missed (median ${ms(tenThousand.timing.medianMs)} ms)`;
  return `## Duplicate detection

\`searchDuplicates\` (\`src/core/network/duplicates.ts\`): contacts are compared only within blocks that share a
normalized email, a LinkedIn profile, or a program or institution (split by name keys past 200 contacts).
Seeded synthetic networks (\`bench/duplicates.bench.ts\`): 60% with an email, 50% with a LinkedIn profile, 80% at
one of 700 institutions skewed toward a few big ones, 3% re-entered records. Times are the whole search,
including normalizing every name. "Partial blocks" were too big to compare whole and were searched by name
keys or nearest names only.

| Case | Runs | Median ms | p95 ms | Min ms | Pairs | Partial blocks |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

- Target 10,000 contacts < ${DUPLICATES_TARGET_MS / 1000} s: ${verdict}.
- The quadratic search it replaced (kept as the test oracle, \`src/core/network/testing/duplicates-brute-force.ts\`)
  takes ${ms(brute.timing.medianMs)} ms on 1,000 contacts of the same kind; both find the same pairs: ${brute.samePairs ? 'yes' : 'NO'}.
- \`GET /api/contacts/duplicates\` runs networks above 1,000 contacts in a worker thread
  (\`src/app/network/duplicates-off-thread.ts\`), so the seconds a 50,000-contact search takes do not stall
  other requests.
`;
}

function previousSection(title: string): string {
  try {
    const previous = readFileSync(resultsUrl, 'utf8');
    const start = previous.indexOf(`## ${title}`);
    if (start < 0) return '';
    const end = previous.indexOf('\n## ', start + 3);
    return previous.slice(start, end < 0 ? undefined : end + 1);
  } catch {
    return '';
  }
}

/** Sections other scripts record (bench/api.ts, the web and static builds): kept as they are. */
const KEPT_SECTIONS = ['HTTP API', 'Web bundle', 'Static edition'];
const runs = (part: string) => only === undefined || only === part;
const smartpick = runs('smartpick') ? smartpickSection() : previousSection('SmartPick');
const match = runs('match') ? await matchSection() : previousSection('Match engine');
// `-- match-limit` runs issue 12's comparison alone (seconds, not the Monte Carlo's minutes).
const matchLimit =
  runs('match-limit') || only === 'match'
    ? matchLimitSection()
    : previousSection('Match engine against C (issue 12)');
const duplicates = runs('duplicates') ? duplicatesSection() : previousSection('Duplicate detection');
const markdown = `# Benchmarks

Run with \`npm run bench\` (not part of \`npm test\`). Recorded ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on:
${machine.map((line) => `- ${line}`).join('\n')}

The machine is shared (2 cores); a load average above the core count inflates medians and p95, and the minimum
shows the unloaded cost. Sections recorded on their own give their own time and load.

${[smartpick, match, matchLimit, duplicates, ...KEPT_SECTIONS.map((title) => previousSection(title))]
  .map((section) => section.trim())
  .filter((section) => section !== '')
  .join('\n\n')}
`;
// Each section is trimmed and joined with one blank line: kept sections no longer gather blank lines run after run.
writeFileSync(fileURLToPath(resultsUrl), markdown);
console.log('Wrote bench/RESULTS.md');
