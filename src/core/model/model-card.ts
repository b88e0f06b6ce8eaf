import { FM_MARKET_PARAMETERS, marketForYear } from '../match/market-model/parameters.js';
import { emptyProfile } from '../profile/applicant-profile.js';
import { plural } from '../shared/plural.js';
import { applicantFeatures } from '../smartpick/applicant-features.js';
import { estimateInterview } from '../smartpick/interview-model.js';
import { DEFAULT_PARAMETERS, ERAS_2026_FEE_SCHEDULE } from '../smartpick/model-parameters.js';
import { sigmoid } from '../smartpick/probability.js';
import { recommend } from '../smartpick/recommend.js';
import { SILENCE_RULE } from '../smartpick/season-odds.js';
import { OUTSIDE_SHARE } from '../smartpick/settings.js';
import { syntheticPrograms } from '../smartpick/synthetic-market.js';
import { FIT_SETTINGS, fitIntercepts, type MarketOutcome, simulateOutcome } from './fit-model.js';
import { FITTED } from './fitted.js';
import { FM_MATCH_2023, FM_MATCH_2024, type MatchYearFigures } from './fm-figures.js';
import { type ReachCoefficientRow, WEAK_KNOT } from './offer-reach.js';
import { GROUP_LABELS, POPULATION, POPULATION_GROUPS } from './population.js';
import { PROGRAM_PRIORS, priorMeanImgShare, priorMeanPositions } from './program-priors.js';
import { QUADRATURE_POINTS } from './unknown-facts.js';

/**
 * docs/model-card.md, built from code: every figure below is read from the parameters or recomputed with fixed
 * seeds, so the card cannot drift from the model. `npm run model-card` writes it; `npm run model-card -- --check`
 * fails when the file differs (a test runs the check).
 */

/** Seeds and sizes of the card's own simulations (not those of the fit, so 2024 is re-simulated out of sample). */
export const CARD_SETTINGS = { seed: 424242, markets: 4, refitMarkets: 2, refitRounds: 8 } as const;

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const num = (x: number, digits = 2) => x.toFixed(digits);
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const signed = (x: number, digits = 2) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function fillTable(figures: MatchYearFigures, outcome: MarketOutcome, kind: string): string {
  const publishedTotal = figures.filledByGroup.reduce((a, b) => a + b, 0);
  const simulatedTotal = outcome.matchedByGroup.reduce((a, b) => a + b, 0);
  const rows = POPULATION_GROUPS.map((group, g) => {
    const published = (figures.filledByGroup[g] as number) / publishedTotal;
    const simulated = (outcome.matchedByGroup[g] as number) / simulatedTotal;
    return [
      GROUP_LABELS[group],
      int(figures.filledByGroup[g] as number),
      int(outcome.matchedByGroup[g] as number),
      pct(published),
      pct(simulated),
      `${signed(100 * (simulated - published))} points`,
    ];
  });
  rows.push([
    'Fill rate',
    int(figures.filled),
    int(outcome.matched),
    pct(figures.filled / figures.positions),
    pct(outcome.matched / outcome.positions),
    `${signed(100 * (outcome.matched / outcome.positions - figures.filled / figures.positions))} points`,
  ]);
  return `${kind}, ${figures.year}:\n\n${table(['Group', 'Published filled', 'Simulated filled', 'Share published', 'Share simulated', 'Gap'], rows)}`;
}

function persona(): { lines: string[] } {
  const base = emptyProfile();
  const profile = {
    ...base,
    applicantType: 'us-img' as const,
    graduationYear: 2023,
    exams: { ...base.exams, step2ck: 232 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 3, inSpecialty: 3 },
    geography: { ...base.geography, preferredRegions: ['Northeast' as const, 'Midwest' as const] },
  };
  const programs = syntheticPrograms({ count: 800, seed: 2027, knownRate: 0.4 });
  const lines = [10, 30, 60].map((size) => {
    const result = recommend({
      profile,
      programs,
      settings: { budget: { kind: 'programs', programs: size }, signals: 5, matchYear: 2027 },
    });
    if (!result.ok) return `- ${size} programs: (no result)`;
    const r = result.value;
    return `- ${size} programs: P(match) ${pct(r.pMatch.probability)} (model range ${pct(r.pMatch.range[0])}–${pct(r.pMatch.range[1])}), ${num(r.pMatch.expectedInterviews, 1)} expected interviews, ${r.regions.outsideOnList} outside the preferred regions`;
  });
  return { lines };
}

function unknownExample(): string {
  const base = emptyProfile();
  const profile = {
    ...base,
    applicantType: 'us-img' as const,
    graduationYear: 2025,
    exams: { ...base.exams, step2ck: 235 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 2, inSpecialty: 2 },
  };
  const applicant = applicantFeatures({ profile, matchYear: 2027, parameters: DEFAULT_PARAMETERS });
  const program = {
    acgmeId: '1200000001',
    nrmpCode: null,
    name: 'A family medicine program with no facts known',
    institution: null,
    city: 'Columbus',
    state: 'OH',
    censusDivision: 'East North Central' as const,
    latitude: null,
    longitude: null,
    specialty: 'family-medicine' as const,
    positions: null,
    programType: null,
    facts: {},
    synthetic: true,
    origin: 'model card example',
  };
  const estimate = estimateInterview({ applicant, program });
  return `For a U.S. IMG (Step 2 CK 235, graduated 2025, 3 months hands-on USCE, 2 U.S. family medicine letters) at an Ohio program with no facts known, the known log-odds are ${num(estimate.logOdds)}: σ of that alone would say ${pct(sigmoid(estimate.logOdds))}, but the expectation over what is unknown is **${pct(estimate.probability)}** (range ${pct(estimate.range[0])}–${pct(estimate.range[1])}).`;
}

export function buildModelCard(): string {
  const p = DEFAULT_PARAMETERS;
  const m = p.interview;
  const s = CARD_SETTINGS;
  const fitted2024 = simulateOutcome(FM_MARKET_PARAMETERS, s.seed, s.markets);
  const predicted2023 = simulateOutcome(marketForYear(FM_MATCH_2023), s.seed, s.markets);
  const refit2023 = fitIntercepts({
    figures: FM_MATCH_2023,
    start: FITTED.intercept,
    seed: s.seed + 7,
    markets: s.refitMarkets,
    rounds: s.refitRounds,
  });
  const predicted2024 = simulateOutcome(marketForYear(FM_MATCH_2024, refit2023.intercept), s.seed, s.markets);
  const example = persona();
  const reach = FITTED.reach;

  const populationRows = POPULATION_GROUPS.map((group) => [
    GROUP_LABELS[group],
    int(POPULATION.applicants[group]),
    `${POPULATION.step2Mean[group]} ± ${POPULATION.step2Sd}`,
    String(POPULATION.listLength[group]),
    pct(POPULATION.oneFailure[group], 0),
    POPULATION.maxHandsOnMonths[group] > 0 ? `0–${POPULATION.maxHandsOnMonths[group]}` : 'clerkships',
    pct(
      (fitted2024.matchedByGroup[POPULATION_GROUPS.indexOf(group)] as number) / POPULATION.applicants[group],
      0,
    ),
  ]);

  const factorRows: string[][] = [
    [
      'Applicant type (intercept)',
      `U.S. MD ${num(m.intercept['us-md'])}, DO ${num(m.intercept['us-do'])}, U.S. IMG ${num(m.intercept['us-img'])}, non-U.S. IMG ${num(m.intercept['non-us-img'])}`,
      '**Fitted** by simulated 2024 Matches (below)',
    ],
    [
      "Step 2 CK vs the program's typical score",
      `${num(m.step2.logOddsPer10Below)} per 10 points below, ${num(m.step2.logOddsPer10Above)} per 10 above, capped at ${num(m.step2.maxBonus)} / ${num(m.step2.maxPenalty)}`,
      'Assumption',
    ],
    [
      'Typical score unknown',
      `averaged over ${m.step2.programExpectationPrior} ± ${m.step2.programExpectationSd}`,
      'Anchor: 2024 mean Step 2 CK of matched U.S. IMGs in FM, 240 (Match A Resident; not in shared/data)',
    ],
    [
      'COMLEX Level 2 only (DO)',
      `compared as the Step 2 CK at the same national percentile (COMLEX ${m.step2.comlexMean} ± ${m.step2.comlexSd} ↔ Step 2 CK ${m.step2.step2NationalMean} ± ${m.step2.step2NationalSd}), extra SD ${num(m.step2.comlexOnlySd)}`,
      'Assumption (no official concordance)',
    ],
    ['No score at all', `${num(m.step2.missingScore)} (SD ${num(m.step2.missingScoreSd)})`, 'Assumption'],
    [
      'Years since graduation',
      `0 for ${plural(m.yearsSinceGraduation.graceYears, 'year')}, then to ${num(m.yearsSinceGraduation.maxPenalty)} over ${plural(m.yearsSinceGraduation.yearsToMaxPenalty, 'year')}`,
      'PD survey "continuous education without gaps" 57% (3.9), nrmp-fm L38',
    ],
    [
      'Failed attempts',
      `${num(m.failedAttempts.firstFailure)} first, ${num(m.failedAttempts.eachFurther)} each further`,
      'Assumption',
    ],
    [
      'USCE (IMGs)',
      `${num(m.usce.scale)} × saturation (${m.usce.saturationMonths} months), centred on ${m.usce.referenceMonths}; observership × ${m.usce.weightObservership}, research × ${m.usce.weightResearch}`,
      'Assumption',
    ],
    [
      'Letters',
      `${num(m.letters.weight)} × (score − ${num(m.letters.referenceScore)})`,
      'PD survey "letters in the specialty" 82% (4.1), nrmp-fm L34',
    ],
    [
      'Visa needed, program sponsors',
      num(m.visa.sponsorshipKnown),
      'PD survey "visa status" 37% (3.9), nrmp-fm L44',
    ],
    [
      'Visa needed, sponsorship unknown',
      `screened out unless it sponsors: J-1 ${pct(PROGRAM_PRIORS.sponsorsJ1, 0)}, H-1B ${pct(PROGRAM_PRIORS.sponsorsH1b, 0)} of programs`,
      'Assumption (program priors)',
    ],
    [
      "Program's IMG share (IMGs)",
      `${num(m.imgShare.slope)} × [logit(share) − logit(${pct(m.imgShare.nationalShare)})]`,
      'National share 1,455 / 4,595 (nrmp-fm L9, L11); slope assumption',
    ],
    [
      'Ties: state / division',
      `+${num(m.geography.tiesState)} / +${num(m.geography.tiesDivision)}`,
      'Assumption',
    ],
    [
      'Stated preference: state / division',
      `+${num(m.geography.preferredState)} / +${num(m.geography.preferredDivision)}`,
      'Assumption',
    ],
    [
      'Rotated there / letter writer there / contact there',
      `+${num(m.network.rotated)} / +${num(m.network.letterWriter)} / +${num(m.network.contact)} (overlapping: × ${m.network.overlapDecay.join(', ')})`,
      'PD survey lines nrmp-fm L36–37; contact at half weight (assumption)',
    ],
    ['Preference signal', `+${num(m.signal)}`, 'Assumption (AAMC signal analyses not in front of us)'],
    [
      "Program's own leaning (unknown)",
      `SD ${num(PROGRAM_PRIORS.houseSd)}; on years, attempts, little USCE: SD ${num(PROGRAM_PRIORS.yearsLeaningSd)}, ${num(PROGRAM_PRIORS.attemptsLeaningSd)}, ${num(PROGRAM_PRIORS.usceLeaningSd)}`,
      'Assumption',
    ],
  ];

  const reachTypes = ['us-md', 'us-do', 'us-img', 'non-us-img'] as const;
  const reachTerms: [string, keyof ReachCoefficientRow][] = [
    ['Intercept', 'intercept'],
    ['L', 'logOdds'],
    ['L²', 'logOddsSquared'],
    ['L × house', 'logOddsHouse'],
    ['House²', 'houseSquared'],
    ['L × IMG-share effect', 'logOddsImg'],
    ['IMG-share effect²', 'imgSquared'],
    ['House', 'house'],
    ['IMG-share effect', 'imgEffect'],
    ['Typical /10', 'typical'],
    ['Positions /6', 'capacity'],
    ['ln(positions /6)', 'logCapacity'],
    ['S (leanings that apply to you)', 'leaning'],
    ['S²', 'leaningSquared'],
    ['L × S', 'logOddsLeaning'],
    ['House × S', 'houseLeaning'],
    ['L × house²', 'logOddsHouseSquared'],
    [`Weak tail max(0, ${WEAK_KNOT} − L)`, 'weakTail'],
  ];
  const reachRows = reachTerms.map(([label, key]) => [
    label,
    ...reachTypes.map((type) => num(reach.above[type][key], 3)),
  ]);

  return `# Matchwise model card

<!-- GENERATED by \`npm run model-card\` from src/core/model/model-card.ts: do not edit by hand. -->

Every probability Matchwise shows — P(interview) and P(match) on My list, P(match) now, the rank list's odds, the
CLI — comes from **one model of the family medicine Match**: one applicant population, one set of program priors,
one screening function, one simulated market. This card is rebuilt from code; every figure in it is read from the
parameters or recomputed with fixed seeds (\`npm run model-card -- --check\` fails when it is stale).

Model version: \`${p.version}\`. Code: \`src/core/model/\` (the shared model), \`src/core/smartpick/\` (My list),
\`src/core/match/\` (the Match algorithm and the simulated market). "nrmp-fm Lnn" is line nn of
\`shared/data/nrmp-family-medicine.md\`; "PD survey" is the NRMP Program Director Survey 2024 for family medicine as
quoted there. "Assumption" means nobody published the number for us: we chose it and say so. **Fitted** numbers
are fitted to published figures; **predicted** numbers are checked against figures the fit did not see.

## The one population (\`population.ts\`)

Published figures give how many of each group matched, not how many applied, so the counts are the central
assumption; the intercepts are fitted to whatever they are. The last column is the simulated match rate.

${table(['Group', 'Applicants (assumption)', 'Step 2 CK', 'List length', 'One failed attempt', 'Hands-on USCE months', 'Simulated match rate'], populationRows)}

Non-U.S. IMGs: ${pct(POPULATION.nonUsVisa.j1, 0)} need a J-1, ${pct(POPULATION.nonUsVisa.h1b, 0)} an H-1B. ${pct(POPULATION.coupleShare, 0)} of applicants enter as couples (up to ${POPULATION.coupleMaxLines} lines). Simulated applicants apply to programs **at random** (each program on the list with chance list length / ${FM_MARKET_PARAMETERS.programCount}); see the limits.

## Program priors (\`program-priors.ts\`)

What Matchwise assumes about a program it knows nothing about — drawn from in the simulated Match, integrated over
on My list:

- Positions: ${PROGRAM_PRIORS.sizes.values.join(', ')} with weights ${PROGRAM_PRIORS.sizes.weights.join(', ')} (mean ${num(priorMeanPositions())}; ${FM_MARKET_PARAMETERS.programCount} programs × mean ≈ ${int(FM_MARKET_PARAMETERS.programCount * priorMeanPositions())} positions vs 5,231 published, nrmp-fm L8).
- Typical Step 2 CK ${PROGRAM_PRIORS.typicalStep2Mean} ± ${PROGRAM_PRIORS.typicalStep2Sd}; desirability to applicants correlated ${PROGRAM_PRIORS.desirabilityScoreCorrelation} with it.
- IMG share: ${PROGRAM_PRIORS.imgShareMixture.map((piece) => `${pct(piece.weight, 0)} between ${pct(piece.low, 0)} and ${pct(piece.high, 0)}`).join(', ')} (mean ${pct(priorMeanImgShare())} vs the national ${pct(m.imgShare.nationalShare)}); below ${pct(PROGRAM_PRIORS.noImgsWhenShareBelow, 0)}, ${pct(PROGRAM_PRIORS.noImgsChance, 0)} take no IMGs.
- Sponsors the J-1 ${pct(PROGRAM_PRIORS.sponsorsJ1, 0)}, the H-1B ${pct(PROGRAM_PRIORS.sponsorsH1b, 0)}.
- Programs leave ${pct(PROGRAM_PRIORS.skipInterviewee, 0)} of interviewees off their lists; the interview day moves their view by SD ${num(PROGRAM_PRIORS.rankNoiseSd)} (log-odds); applicants' taste beyond desirability SD ${num(PROGRAM_PRIORS.tasteSd)}.

## P(interview): one screening function (\`screening.ts\`)

The log-odds of an interview are a sum of signed contributions, measured against a reference applicant of the
same type (Step 2 CK at the program's typical score, recent graduate, no failed attempt, 3 months hands-on USCE for
IMGs, 2 of 3 letters U.S. and in family medicine, no visa need, no ties, no signal, no connection). The simulated
Match calls the same function for every application; SmartPick explains it factor by factor.

${table(['Factor', 'What it adds (log-odds)', 'Source'], factorRows)}

PD-survey lines become weights as ${num(3)} × share × (importance − 1) / 4: the survey ranks factors, it does not
measure effect sizes, so the one scale is an assumption.

**Inputs that do not move the odds**, said where they are entered: research and publications (no published
family medicine effect in front of us), languages and program preferences other than places and stars (they shape
fit, not the odds).

## Unknown facts are counted, not only shown (\`unknown-facts.ts\`)

A catalog rarely knows a program's typical score, IMG share, visa policy or size, and never its own leanings.
P(interview) is the **expectation** over what is unknown — ${QUADRATURE_POINTS} quadrature points (a Halton sequence
pushed through each prior; "does not sponsor" and "takes no IMGs" as weights) — not the logistic of the mean
log-odds, which is biased low wherever the odds are low. ${unknownExample()} The range shown is the
${pct(m.bandLow, 0)}–${pct(m.bandHigh, 0)} percentiles of the same distribution. \`unknown-facts.test.ts\` checks the
expectation against σ(L) averaged over 20,000 programs drawn from the priors.

## P(match): derived from simulated Matches (\`offer-reach.ts\`)

An applicant matches exactly when at least one program that interviewed them would take them at the end of the
Match (that is what a stable matching means). So P(match | interviews at S) = 1 − Π (1 − q_p), where q_p — "the
offer reaches you" — is read off simulated Matches of the one market as

q = ranked × [open + (1 − open) × above]

- ranked: share of interviewees programs rank, **${num(reach.ranked, 4)}**;
- open: chance a program ends the Match with a place left (it then takes anyone it ranked): logistic with
  intercept ${num(reach.open.intercept)}, house leaning ${num(reach.open.house)} and its square ${num(reach.open.houseSquared)}, IMG-share effect
  ${num(reach.open.imgEffect)} and its square ${num(reach.open.imgSquared)}, per 10 points of typical score ${num(reach.open.typical)}, per 6 positions
  ${num(reach.open.capacity)} and per unit of ln(positions / 6) ${num(reach.open.logCapacity)}, and per unit of its leanings on years since
  graduation ${num(reach.open.yearsLeaning)}, failed attempts ${num(reach.open.attemptsLeaning)} and little USCE ${num(reach.open.usceLeaning)} (a leaning brings in more interviewees);
- above: at a program that fills, chance you rank at or above its last matched applicant (logistic per type):

${table(['Term', ...reachTypes], reachRows)}

(L is your screening log-odds there without a signal; S the sum of the program's leanings on the traits programs
may hold against you — years since graduation, failed attempts, little hands-on USCE — which raise the L of everyone
who shares them, so an interview they explain is a weaker standing.) Fitted on ${FITTED.markets} simulated 2024 Matches, seed
${FITTED.seed} (\`npm run model:fit\`; a test refits and compares). Before an interview, a program adds
E[σ(L)·q]; after one, E[σ(L)·q] / E[σ(L)]. This replaces the assumed P(match | n interviews) curve of earlier
versions. \`agreement.test.ts\` compares it with the rank-list simulation for 20 applicants × lists (seeds printed).

## The list, signals, places and the stop point (\`optimizer.ts\`)

With v = −ln(1 − reach), P(match) = 1 − e^(−Σ v): the best list of K programs with k signals maximizes a sum, and
a dynamic program finds it exactly (signals go to programs on the list, where they raise P(match) most). Places:
"any" is chance only; "prefer" allows at most ${pct(OUTSIDE_SHARE.prefer, 0)} and "strongly prefer" ${pct(OUTSIDE_SHARE['strongly-prefer'], 0)} of the list outside your
preferred states, divisions and census regions (never leaving budget unspent when your places run out); the
default is "prefer" when you stated places. Because the optimum is exact and the constraints only loosen, the
headline P(match) never falls when Step 2 CK or USCE rises, a signal or budget is added (property test). The
headline is the **budget's** list; the suggested stop point (each further program adds less than
${num(100 * p.defaults.stopThreshold, 1)} point) is shown apart from it. Fees: ${ERAS_2026_FEE_SCHEDULE.source}.

Example (synthetic 800-program catalog, 40% of facts known, seed 2027; a U.S. IMG, Step 2 CK 232, graduated 2023,
3 months hands-on USCE, 3 letters, Northeast and Midwest preferred, 5 signals):

${example.lines.join('\n')}

## P(match) now (\`season-odds.ts\`)

Interviews on record count as interviews (what is left is whether each offer reaches you); rejected and withdrawn
programs count for nothing; programs silent since you applied are discounted as invitations go out over about
${SILENCE_RULE.fullWindowDays} days (share sent = min(${SILENCE_RULE.maxShareSent}, days / ${SILENCE_RULE.fullWindowDays}); an assumption). The rank-list page shows the
same figure for the ranked programs beside the simulated Matches.

## Calibration: fitted and predicted

The four intercepts are **fitted** so that simulated 2024 Matches fill positions by group as published
(${FIT_SETTINGS.interceptMarkets} markets per round, ${FIT_SETTINGS.rounds} rounds). Previous U.S. graduates use the U.S. MD intercept with their years
since graduation: their count is a prediction even in 2024.

${fillTable(FM_MATCH_2024, fitted2024, `**Fitted** (re-simulated on ${s.markets} markets with seeds the fit did not use)`)}

${fillTable(FM_MATCH_2023, predicted2023, `**Predicted** from the 2024 fit (positions scaled to 2023; the population is not refitted)`)}

${fillTable(FM_MATCH_2024, predicted2024, `**Predicted** the other way: intercepts refitted to 2023 (${s.refitMarkets} markets × ${s.refitRounds} rounds: U.S. MD ${num(refit2023.intercept['us-md'])}, DO ${num(refit2023.intercept['us-do'])}, U.S. IMG ${num(refit2023.intercept['us-img'])}, non-U.S. IMG ${num(refit2023.intercept['non-us-img'])}), then 2024 simulated`)}

The population has no year: what one year predicts for the other misses the shift in who applied (most visibly
non-U.S. IMGs, 562 filled in 2023 and 706 in 2024).

## Limits — when not to trust it

- **Simulated applicants apply at random, My list targets.** The intercepts are fitted to a population whose lists
  are random draws of programs; a list chosen for chance, as SmartPick chooses, therefore looks much better than a
  typical applicant's, and the example above shows P(match) near certainty for lists of 30 or more. How real
  applicants target (by chance, taste and geography) is not modelled yet; until it is, read high P(match) figures
  for long targeted lists as optimistic, and compare lists rather than trust the level.
- **Most numbers are assumptions**; only the intercepts and the reach model are fitted, to national fill counts
  and to the simulated market itself. Nothing is checked against individual applicants' outcomes.
- The simulated market has no geography (ties, preferences and network count for the user only), no signals for
  other applicants, no SOAP, no interview caps; couples rank pairs of their partners' programs and some sampled
  markets end without a stable matching within 20 re-proposal rounds (counted as \`unstableRuns\`).
- The reach model is a regression on simulated Matches: over 20 applicants × lists it agrees with the rank-list
  simulation within 5 points on average, but not case by case: for weak applicants with short lists (a U.S. IMG
  with Step 2 CK 215 and 8 programs: model 62%, simulated 40%) it runs high, because the program's unknown
  leanings that an interview reveals sit in the tail where the regression extrapolates. agreement.test.ts prints
  every case.
- Fees, the signal count and Match dates change each cycle: verify them before each season.

## Sources

- shared/data/nrmp-family-medicine.md: ${FM_MATCH_2024.source}; ${FM_MATCH_2023.source}; NRMP Program Director Survey
  2024 (family medicine) as quoted on Match A Resident.
- Not in shared/data (verify): AAMC "Fees for 2026 ERAS Season"; Match A Resident's 2024 mean Step 2 CK of matched
  family medicine IMGs (240 U.S., 232 non-U.S.); NRMP 2024 PGY-1 match rates over all specialties (U.S. IMG 67.0%).
`;
}
