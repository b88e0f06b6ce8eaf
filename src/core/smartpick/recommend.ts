import type { Program } from '../catalog/program.js';
import { SPECIALTIES } from '../catalog/specialty.js';
import type { ApplicantProfile, ApplicantType } from '../profile/applicant-profile.js';
import { err, type FieldIssue, ok, type Result } from '../shared/result.js';
import { applicantFeatures } from './applicant-features.js';
import { applicationCost, maxProgramsWithin } from './fee-schedule.js';
import { type FitScore, fitScore } from './fit-score.js';
import { dollars, percent, plural, points, pointsPrecise } from './format.js';
import { applyHardFilters, type FilterCheck, type FilterExclusion } from './hard-filters.js';
import {
  applicantTerms,
  createInterviewWork,
  describeInterview,
  FACTOR,
  scoreInterview,
} from './interview-model.js';
import { addProgram, emptyDistribution, matchCurve, matchProbabilityOf } from './match-model.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { optimizeOrder } from './optimizer.js';
import { sigmoid } from './probability.js';
import { type RecommendSettings, resolveSettings, settingsIssues } from './settings.js';
import { chooseSignals } from './signals.js';
import { tierOf } from './tiers.js';
import { type ConnectionsById, type InterviewEstimate, NO_CONNECTIONS, type Tier } from './types.js';

export interface RecommendInput {
  profile: ApplicantProfile;
  programs: readonly Program[];
  /** The applicant's network, by ACGME id; absent ids have no connection. */
  connections?: ConnectionsById;
  settings?: RecommendSettings;
  parameters?: ModelParameters;
}

export type RecommendError = { kind: 'invalid-settings'; issues: FieldIssue[] };

/** Why a program is in or out. */
export type VerdictCode =
  | 'pinned'
  | 'signaled'
  | 'best-chance'
  | 'hard-filter'
  | 'excluded-by-you'
  | 'excluded-state'
  | 'other-specialty'
  | 'duplicate'
  | 'below-stop-point'
  | 'over-budget'
  | 'lower-fit'
  | 'lower-chance';

export interface ProgramVerdict {
  acgmeId: string;
  name: string;
  city: string;
  state: string;
  status: 'in' | 'out';
  code: VerdictCode;
  /** One or two sentences a person reads. */
  why: string;
  /** 1-based place on the list; null when not on it. */
  position: number | null;
  tier: Tier | null;
  /** P(interview) with the signal when one is sent; null when the program was not evaluated. */
  interview: InterviewEstimate | null;
  /** P(interview) without a signal (equals interview.probability when none is sent). */
  interviewWithoutSignal: number | null;
  signaled: boolean;
  pinned: boolean;
  /** Rise in P(match) when the program joined the ordered list; null when it was never ordered. */
  marginalGain: number | null;
  fit: FitScore | null;
  /** Unknown facts to check before applying. */
  checks: FilterCheck[];
  exclusions: FilterExclusion[];
}

export interface CurvePoint {
  size: number;
  acgmeId: string;
  pMatch: number;
  /** P(match) if every program sat at the low / high end of its band at once: a deliberately wide range. */
  pMatchRange: [number, number];
  /** P(match) of the best list of this size ignoring fit (same pins and signals). */
  bestPossible: number;
  marginalGain: number;
  cumulativeCost: number;
  withinBudget: boolean;
  recommended: boolean;
}

export interface SignalRecommendation {
  acgmeId: string;
  name: string;
  interviewWithout: number;
  interviewWith: number;
  matchGain: number;
  /** The program it displaced from the list, when the signal went to a program that was not on it. */
  replaces: string | null;
  why: string;
}

export interface Recommendation {
  modelVersion: string;
  applicantType: ApplicantType;
  matchYear: number;
  budget: {
    kind: 'programs' | 'dollars';
    /** Programs the budget pays for. */
    programs: number;
    dollars: number | null;
    feeSchedule: { name: string; asOf: string; source: string };
  };
  /** The recommended list, in the order programs joined it (best first after pins and signals). */
  list: ProgramVerdict[];
  pMatch: {
    probability: number;
    range: [number, number];
    expectedInterviews: number;
    /** P(N = n) for n = 0..C−1 and P(N ≥ C) last. */
    interviewDistribution: number[];
    listSize: number;
    cost: number;
  };
  curve: CurvePoint[];
  stopPoint: { size: number; threshold: number; why: string };
  signals: SignalRecommendation[];
  tiers: Record<Tier, number>;
  /** P(match) given up, at the recommended size, by letting fit break near-ties. */
  preferenceCost: number;
  /** Every program given, in input order, with why it is in or out. */
  programs: ProgramVerdict[];
  warnings: string[];
}

interface Candidates {
  count: number;
  program: Int32Array;
  p: Float64Array;
  logOdds: Float64Array;
  low: Float64Array;
  high: Float64Array;
  pSignal: Float64Array;
  lowSignal: Float64Array;
  highSignal: Float64Array;
  fit: Float64Array;
  pinned: Uint8Array;
  ids: string[];
}

/**
 * The one entry point for SmartPick: the list that maximizes P(match) within the budget, with odds, tiers,
 * signals, the P(match)-vs-size curve, a stop point and a reason for every program in or out.
 *
 * @example
 * const result = recommend({ profile, programs, connections, settings: { budget: { kind: 'programs', programs: 60 }, signals: 5 } });
 * if (result.ok) console.log(result.value.pMatch.probability, result.value.list.length);
 */
export function recommend(input: RecommendInput): Result<Recommendation, RecommendError> {
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const settings = resolveSettings(input.profile, input.settings, parameters);
  const issues = settingsIssues(settings);
  if (issues.length > 0) return err({ kind: 'invalid-settings', issues });

  const { profile, programs } = input;
  const connections = input.connections ?? {};
  const warnings: string[] = [];
  const applicant = applicantFeatures({ profile, matchYear: settings.matchYear, parameters });
  const terms = applicantTerms(applicant, parameters);
  const work = createInterviewWork();
  const signalBoost = parameters.interview.signal;
  const z = parameters.interview.bandZ;

  // 1. Sort every program into "out before the optimizer" or a candidate with its chances and fit.
  const verdicts: ProgramVerdict[] = new Array(programs.length);
  const filterResults = new Array<ReturnType<typeof applyHardFilters> | null>(programs.length).fill(null);
  const n = programs.length;
  const c: Candidates = {
    count: 0,
    program: new Int32Array(n),
    p: new Float64Array(n),
    logOdds: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    pSignal: new Float64Array(n),
    lowSignal: new Float64Array(n),
    highSignal: new Float64Array(n),
    fit: new Float64Array(n),
    pinned: new Uint8Array(n),
    ids: [],
  };
  const fits: (FitScore | null)[] = new Array(n).fill(null);
  const seen = new Set<string>();
  const otherSpecialty = `Not a ${SPECIALTIES[profile.targetSpecialty].name.toLowerCase()} program.`;
  for (let i = 0; i < n; i++) {
    const program = programs[i] as Program;
    const id = program.acgmeId;
    const pinned = settings.pins.size > 0 && settings.pins.has(id);
    if (seen.has(id)) {
      verdicts[i] = outVerdict(
        program,
        'duplicate',
        'The same ACGME id appears earlier in the catalog; that row is used.',
      );
      continue;
    }
    seen.add(id);
    if (program.specialty !== profile.targetSpecialty) {
      verdicts[i] = outVerdict(program, 'other-specialty', otherSpecialty);
      continue;
    }
    if (settings.excludes.size > 0 && settings.excludes.has(id)) {
      verdicts[i] = outVerdict(program, 'excluded-by-you', 'You excluded this program.');
      if (pinned) warnings.push(`${id} is both pinned and excluded; it was left out.`);
      continue;
    }
    if (!pinned && applicant.excludedStates.has(program.state)) {
      verdicts[i] = outVerdict(
        program,
        'excluded-state',
        `${program.state} is one of the states you will not apply to.`,
      );
      continue;
    }
    const filters = applyHardFilters({ applicant, program, parameters });
    filterResults[i] = filters;
    if (filters.excluded && !pinned) {
      const verdict = outVerdict(program, 'hard-filter', filters.exclusions.map((e) => e.reason).join('; '));
      verdict.exclusions = filters.exclusions;
      verdict.checks = filters.checks;
      verdicts[i] = verdict;
      continue;
    }
    const k = c.count++;
    c.program[k] = i;
    c.ids.push(id);
    c.pinned[k] = pinned ? 1 : 0;
    const programFit = fitScore({ applicant, program, stars: settings.stars[id], parameters });
    fits[i] = programFit;
    c.fit[k] = programFit.score;
    if (filters.excluded) {
      // Pinned although a known rule excludes the applicant: on the list, with no chance counted.
      warnings.push(
        `You pinned ${program.name} (${id}), but it excludes you: ${filters.exclusions[0]?.reason ?? ''}.`,
      );
      continue;
    }
    scoreInterview(applicant, terms, program, connections[id] ?? NO_CONNECTIONS, parameters, work);
    const half = z * work.sd;
    c.logOdds[k] = work.logOdds;
    c.p[k] = sigmoid(work.logOdds);
    c.low[k] = sigmoid(work.logOdds - half);
    c.high[k] = sigmoid(work.logOdds + half);
    c.pSignal[k] = sigmoid(work.logOdds + signalBoost);
    c.lowSignal[k] = sigmoid(work.logOdds + signalBoost - half);
    c.highSignal[k] = sigmoid(work.logOdds + signalBoost + half);
  }
  for (const id of settings.pins) if (!seen.has(id)) warnings.push(`Pinned id ${id} is not in the catalog.`);
  for (const id of settings.excludes)
    if (!seen.has(id)) warnings.push(`Excluded id ${id} is not in the catalog.`);

  const count = c.count;
  const p = c.p.subarray(0, count);
  const pSignal = c.pSignal.subarray(0, count);
  const fit = c.fit.subarray(0, count);
  const userPinned = c.pinned.subarray(0, count);
  let pinCount = 0;
  for (let k = 0; k < count; k++) pinCount += userPinned[k] as number;

  // 2. Budget as a program count.
  const budget = settings.budget;
  const affordable =
    budget.kind === 'programs'
      ? budget.programs
      : maxProgramsWithin(budget.dollars, settings.feeSchedule, count + 1);
  let budgetCount = Math.min(affordable, count);
  if (pinCount > budgetCount) {
    warnings.push(
      `Your ${plural(pinCount, 'pinned program')} exceed the budget of ${plural(affordable, 'program')}; all pins are kept.`,
    );
    budgetCount = pinCount;
  }
  if (count === 0) warnings.push('No program is left to choose from after exclusions and hard filters.');

  // 3. Stage A: the best list without signals; 4. signals on it; 5. the final order with signals held in place.
  const curve = matchCurve(profile.applicantType, parameters);
  const first = optimizeOrder({
    probability: p,
    fit,
    ids: c.ids,
    pinned: userPinned,
    length: budgetCount,
    curve,
    fitTolerance: settings.fitTolerance,
  });
  const signalPlan = chooseSignals({
    list: first.order,
    probability: p,
    signaledProbability: pSignal,
    pinned: userPinned,
    ids: c.ids,
    k: Math.min(settings.signals, count),
    curve,
  });
  const signaled = signalPlan.signaled;
  const finalP = new Float64Array(count);
  const finalLow = new Float64Array(count);
  const finalHigh = new Float64Array(count);
  const held = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const s = signaled[k] === 1;
    finalP[k] = s ? (pSignal[k] as number) : (p[k] as number);
    finalLow[k] = s ? (c.lowSignal[k] as number) : (c.low[k] as number);
    finalHigh[k] = s ? (c.highSignal[k] as number) : (c.high[k] as number);
    held[k] = (userPinned[k] as number) | (signaled[k] as number);
  }
  const final = optimizeOrder({
    probability: finalP,
    fit,
    ids: c.ids,
    pinned: held,
    length: budgetCount + parameters.defaults.curveBeyondBudget,
    curve,
    fitTolerance: settings.fitTolerance,
  });

  // 6. Stop point: just after the last program within budget that still adds at least the threshold.
  // Not the first one below it: pins, signals and fit tie-breaks reorder programs, so gains need not fall
  // monotonically, and a program that still pays off must not be cut because an earlier one did not.
  const ordered = final.order.length;
  const withinBudget = Math.min(budgetCount, ordered);
  let stop = withinBudget;
  let stopWhy =
    withinBudget === count
      ? `Every eligible program fits in the budget (${plural(withinBudget, 'program')}).`
      : `The budget pays for ${plural(budgetCount, 'program')} (${dollars(applicationCost(budgetCount, settings.feeSchedule))}).`;
  let lastWorthIt = final.pinnedCount - 1;
  for (let i = final.pinnedCount; i < withinBudget; i++) {
    if ((final.marginalGain[i] as number) >= settings.stopThreshold) lastWorthIt = i;
  }
  if (lastWorthIt + 1 < withinBudget) {
    stop = lastWorthIt + 1;
    stopWhy = `Past program ${stop}, each program within the budget adds less than your threshold of ${pointsPrecise(settings.stopThreshold)} (program ${stop + 1} would add ${pointsPrecise(final.marginalGain[stop] as number)}).`;
  }

  // 7. The curve, with the band and cumulative cost.
  const cap = parameters.match.maxInterviews;
  const lowDistribution = emptyDistribution(cap);
  const highDistribution = emptyDistribution(cap);
  const curvePoints: CurvePoint[] = new Array(ordered);
  for (let i = 0; i < ordered; i++) {
    const k = final.order[i] as number;
    addProgram(lowDistribution, finalLow[k] as number);
    addProgram(highDistribution, finalHigh[k] as number);
    curvePoints[i] = {
      size: i + 1,
      acgmeId: c.ids[k] as string,
      pMatch: final.pMatch[i] as number,
      pMatchRange: [matchProbabilityOf(lowDistribution, curve), matchProbabilityOf(highDistribution, curve)],
      bestPossible: final.bestPMatch[i] as number,
      marginalGain: final.marginalGain[i] as number,
      cumulativeCost: applicationCost(i + 1, settings.feeSchedule),
      withinBudget: i < budgetCount,
      recommended: i < stop,
    };
  }

  // 8. Verdicts for candidates.
  const positionOf = new Int32Array(count).fill(-1);
  for (let i = 0; i < ordered; i++) positionOf[final.order[i] as number] = i;
  let lowestChosen = Number.POSITIVE_INFINITY;
  for (let i = final.pinnedCount; i < withinBudget; i++) {
    lowestChosen = Math.min(lowestChosen, finalP[final.order[i] as number] as number);
  }
  const explainAll = settings.explain === 'all';
  const toleranceText = percent(settings.fitTolerance);
  for (let k = 0; k < count; k++) {
    const i = c.program[k] as number;
    const program = programs[i] as Program;
    const filters = filterResults[i];
    const position = positionOf[k] as number;
    const isSignaled = signaled[k] === 1;
    const isPinned = userPinned[k] === 1;
    const excludedButPinned = filters?.excluded === true;
    const chance = finalP[k] as number;
    const gain = position >= 0 ? (final.marginalGain[position] as number) : null;
    let status: 'in' | 'out' = 'out';
    let code: VerdictCode;
    let why: string;
    if (position >= 0 && position < stop) {
      status = 'in';
      const adds = `adds ${points(gain ?? 0)} to P(match)`;
      if (isPinned) {
        code = 'pinned';
        why = excludedButPinned
          ? 'You pinned it; a known program rule excludes you, so it counts as no chance.'
          : `You pinned it; it ${adds}.`;
      } else if (isSignaled) {
        code = 'signaled';
        why = `You signal it: P(interview) ${percent(p[k] as number)} → ${percent(chance)}; it ${adds}.`;
      } else {
        code = 'best-chance';
        why =
          final.chosenForFit[position] === 1
            ? `Chosen for fit among programs with nearly the same chance (within ${toleranceText}); P(interview) ${percent(chance)}; it ${adds}.`
            : `Among the best remaining chances: P(interview) ${percent(chance)}; it ${adds}.`;
      }
    } else if (position >= 0 && position < withinBudget) {
      code = 'below-stop-point';
      why = `Within budget, but past the stop point: it would add only ${pointsPrecise(gain ?? 0)} (threshold ${pointsPrecise(settings.stopThreshold)}).`;
    } else if (chance >= lowestChosen) {
      code = 'lower-fit';
      why = `Its chance (${percent(chance)}) is as good as, or within ${toleranceText} of, programs on the list that fit your preferences at least as well; the budget ran out.`;
    } else if (position >= 0) {
      code = 'over-budget';
      why = `Next in line past the budget: it would add ${points(gain ?? 0)} for ${dollars(applicationCost(position + 1, settings.feeSchedule) - applicationCost(position, settings.feeSchedule))} more.`;
    } else {
      code = 'lower-chance';
      why = `Its P(interview) (${percent(chance)}) is below that of every program the budget covers.`;
    }
    const onList = status === 'in';
    let interview: InterviewEstimate | null = null;
    if (excludedButPinned) {
      interview = null;
    } else if (explainAll || onList) {
      scoreInterview(
        applicant,
        terms,
        program,
        connections[program.acgmeId] ?? NO_CONNECTIONS,
        parameters,
        work,
      );
      work.contributions[FACTOR.signal] = isSignaled ? signalBoost : 0;
      interview = describeInterview({
        applicant,
        terms,
        program,
        connections: connections[program.acgmeId] ?? NO_CONNECTIONS,
        parameters,
        work,
        logOdds: work.logOdds + (isSignaled ? signalBoost : 0),
      });
    } else {
      interview = bareEstimate(
        chance,
        finalLow[k] as number,
        finalHigh[k] as number,
        (c.logOdds[k] as number) + (isSignaled ? signalBoost : 0),
      );
    }
    verdicts[i] = {
      acgmeId: program.acgmeId,
      name: program.name,
      city: program.city,
      state: program.state,
      status,
      code,
      why,
      position: onList ? position + 1 : null,
      tier: excludedButPinned ? null : tierOf(chance, parameters),
      interview,
      interviewWithoutSignal: excludedButPinned ? null : (p[k] as number),
      signaled: isSignaled,
      pinned: isPinned,
      marginalGain: gain,
      fit: fits[i] ?? null,
      checks: filters?.checks ?? [],
      exclusions: filters?.exclusions ?? [],
    };
  }

  const list: ProgramVerdict[] = [];
  for (let i = 0; i < stop; i++) {
    const k = final.order[i] as number;
    list.push(verdicts[c.program[k] as number] as ProgramVerdict);
  }
  const tiers: Record<Tier, number> = { reach: 0, target: 0, likely: 0 };
  let expectedInterviews = 0;
  const listDistribution = emptyDistribution(cap);
  for (let i = 0; i < stop; i++) {
    const k = final.order[i] as number;
    const verdict = list[i] as ProgramVerdict;
    if (verdict.tier !== null) tiers[verdict.tier]++;
    expectedInterviews += finalP[k] as number;
    addProgram(listDistribution, finalP[k] as number);
  }
  const last = stop > 0 ? curvePoints[stop - 1] : undefined;

  return ok({
    modelVersion: parameters.version,
    applicantType: profile.applicantType,
    matchYear: settings.matchYear,
    budget: {
      kind: budget.kind,
      programs: budgetCount,
      dollars: budget.kind === 'dollars' ? budget.dollars : null,
      feeSchedule: {
        name: settings.feeSchedule.name,
        asOf: settings.feeSchedule.asOf,
        source: settings.feeSchedule.source,
      },
    },
    list,
    pMatch: {
      probability: last?.pMatch ?? 0,
      range: last?.pMatchRange ?? [0, 0],
      expectedInterviews,
      interviewDistribution: Array.from(listDistribution),
      listSize: stop,
      cost: applicationCost(stop, settings.feeSchedule),
    },
    curve: curvePoints,
    stopPoint: { size: stop, threshold: settings.stopThreshold, why: stopWhy },
    signals: describeSignals(signalPlan, c, programs, p, pSignal),
    tiers,
    preferenceCost: last === undefined ? 0 : Math.max(0, last.bestPossible - last.pMatch),
    programs: verdicts,
    warnings,
  });
}

function outVerdict(program: Program, code: VerdictCode, why: string): ProgramVerdict {
  return {
    acgmeId: program.acgmeId,
    name: program.name,
    city: program.city,
    state: program.state,
    status: 'out',
    code,
    why,
    position: null,
    tier: null,
    interview: null,
    interviewWithoutSignal: null,
    signaled: false,
    pinned: false,
    marginalGain: null,
    fit: null,
    checks: [],
    exclusions: [],
  };
}

/** An estimate without the per-factor breakdown (settings.explain = 'list' and the program is off the list). */
function bareEstimate(probability: number, low: number, high: number, logOdds: number): InterviewEstimate {
  return {
    probability,
    range: [low, high],
    logOdds,
    contributions: [],
    unknownFacts: [],
  };
}

function describeSignals(
  plan: ReturnType<typeof chooseSignals>,
  c: Candidates,
  programs: readonly Program[],
  p: Float64Array,
  pSignal: Float64Array,
): SignalRecommendation[] {
  const nameOf = (k: number) => (programs[c.program[k] as number] as Program).name;
  return plan.steps.map((step, index) => {
    const runnerUp = step.runnersUp[0];
    const displaced =
      step.replaces >= 0
        ? ` It joins the list in place of ${nameOf(step.replaces)}, your weakest unpinned program.`
        : '';
    const comparison =
      runnerUp === undefined
        ? ''
        : ` The next best use of this signal, ${nameOf(runnerUp.candidate)}, would add ${points(runnerUp.gain)}.`;
    return {
      acgmeId: c.ids[step.candidate] as string,
      name: nameOf(step.candidate),
      interviewWithout: p[step.candidate] as number,
      interviewWith: pSignal[step.candidate] as number,
      matchGain: step.gain,
      replaces: step.replaces >= 0 ? (c.ids[step.replaces] as string) : null,
      why: `Signal ${index + 1}: P(interview) ${percent(step.interviewWithout)} → ${percent(step.interviewWith)}, raising P(match) ${points(step.gain)} — the largest rise of ${plural(step.considered, 'option')} compared, given the signals already placed.${displaced}${comparison}`,
    };
  });
}
