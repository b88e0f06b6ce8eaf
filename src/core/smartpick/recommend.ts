import type { Program } from '../catalog/program.js';
import { SPECIALTIES } from '../catalog/specialty.js';
import { regionOf } from '../geo/census.js';
import type { ProgramChances } from '../model/unknown-facts.js';
import type { ApplicantProfile, ApplicantType } from '../profile/applicant-profile.js';
import type { Application } from '../season/application.js';
import { err, type FieldIssue, ok, type Result } from '../shared/result.js';
import { type ApplicantFeatures, applicantFeatures } from './applicant-features.js';
import { applicationCost, maxProgramsWithin } from './fee-schedule.js';
import { type FitScore, fitScore } from './fit-score.js';
import { dollars, percent, plural, points, pointsPrecise } from './format.js';
import { applyHardFilters, type FilterCheck, type FilterExclusion } from './hard-filters.js';
import {
  applicantTerms,
  chancesOf,
  createInterviewWork,
  describeInterview,
  emptyChances,
  FACTOR,
  scoreInterview,
} from './interview-model.js';
import { addProgram, emptyDistribution, matchFromValue, valueOf } from './match-model.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { chooseList } from './optimizer.js';
import { sigmoid } from './probability.js';
import { type NowOdds, nowOdds, type SeasonProgramInput } from './season-odds.js';
import {
  OUTSIDE_SHARE,
  type RecommendSettings,
  type RegionMode,
  resolveSettings,
  settingsIssues,
} from './settings.js';
import { tierOf } from './tiers.js';
import { type ConnectionsById, type InterviewEstimate, NO_CONNECTIONS, type Tier } from './types.js';

export interface RecommendInput {
  profile: ApplicantProfile;
  programs: readonly Program[];
  /** The applicant's network, by ACGME id; absent ids have no connection. */
  connections?: ConnectionsById;
  settings?: RecommendSettings;
  parameters?: ModelParameters;
  /** The application season so far: P(match) now conditions on it (season-odds.ts). */
  season?: { applications: readonly Application[]; today: string; rankList?: readonly string[] };
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
  | 'outside-regions'
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
  /** Chance of an interview here whose offer reaches you (with the signal when sent): what the program adds. */
  reach: number | null;
  signaled: boolean;
  pinned: boolean;
  /** Outside the places you prefer (always false when you stated none). */
  outsideRegions: boolean;
  /** On the list, but past the suggested stop point: the budget pays for it, the suggestion says it adds little. */
  pastStopPoint: boolean;
  /** Rise in P(match) when the program joined the list in its order; null when it never did. */
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
  /** P(match) if every program sat at the low / high end of its range at once: a deliberately wide range. */
  pMatchRange: [number, number];
  /** P(match) of the best list of this size ignoring your places and fit (within budget: your list's own optimum). */
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
  /** Rise in P(match) this signal brings, the rest of the list as chosen. */
  matchGain: number;
  /** Kept for the page: signals now go only to programs on the list, so never a replacement. */
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
  /** Your places and how much they weigh. */
  regions: { mode: RegionMode; stated: string[]; outsideCap: number | null; outsideOnList: number };
  /** The list the budget buys, best first. */
  list: ProgramVerdict[];
  pMatch: {
    /** P(match) of the whole list the budget buys: the plan's figure. */
    probability: number;
    /** The model's range for it (every program at the low / high end of its range): not simulation error. */
    range: [number, number];
    expectedInterviews: number;
    /** P(N = n) for n = 0..C−1 and P(N ≥ C) last. */
    interviewDistribution: number[];
    listSize: number;
    cost: number;
    /** P(match) now, given what the season holds; null before any application is sent. */
    now: NowOdds | null;
  };
  curve: CurvePoint[];
  /** A suggestion, apart from the budget: past this size each program adds less than your threshold. */
  stopPoint: { size: number; threshold: number; why: string; pMatch: number; cost: number };
  signals: SignalRecommendation[];
  tiers: Record<Tier, number>;
  /** P(match) given up, at the budget, for your places and fit. */
  preferenceCost: number;
  /** Every program given, in input order, with why it is in or out. */
  programs: ProgramVerdict[];
  /** Profile inputs that do not move the odds in this model, said where they are entered too. */
  notModelled: string[];
  warnings: string[];
}

/** Inputs the profile asks for that the model does not use (the page and the card say so). */
export const NOT_MODELLED = [
  'Research and publications: no PD-survey line or published figure in front of us sets their effect for family medicine, so they do not change the odds.',
  'Languages and program preferences other than places and stars shape fit, not the odds.',
];

interface Candidates {
  count: number;
  program: Int32Array;
  interview: Float64Array;
  interviewSignal: Float64Array;
  reach: Float64Array;
  reachSignal: Float64Array;
  low: Float64Array;
  high: Float64Array;
  lowSignal: Float64Array;
  highSignal: Float64Array;
  value: Float64Array;
  signalValue: Float64Array;
  weight: Float64Array;
  fit: Float64Array;
  outside: Uint8Array;
  pinned: Uint8Array;
  ids: string[];
}

function isOutside(applicant: ApplicantFeatures, program: Program): boolean {
  const stated =
    applicant.preferredStates.size + applicant.preferredDivisions.size + applicant.preferredRegions.size;
  if (stated === 0) return false;
  if (applicant.preferredStates.has(program.state)) return false;
  const division = program.censusDivision;
  if (division !== null && applicant.preferredDivisions.has(division)) return false;
  const region = regionOf(program.state);
  if (region !== null && applicant.preferredRegions.has(region)) return false;
  return true;
}

/**
 * The one entry point for SmartPick: the list that maximizes P(match) within the budget (and your places), with
 * odds, tiers, signals, the P(match)-vs-size curve, a suggested stop point, P(match) now when the season has
 * started, and a reason for every program in or out.
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
  const chances: ProgramChances = emptyChances();
  const signalBoost = parameters.interview.signal;

  // 1. Sort every program into "out before the optimizer" or a candidate with its chances and fit.
  const verdicts: ProgramVerdict[] = new Array(programs.length);
  const filterResults = new Array<ReturnType<typeof applyHardFilters> | null>(programs.length).fill(null);
  const n = programs.length;
  const c: Candidates = {
    count: 0,
    program: new Int32Array(n),
    interview: new Float64Array(n),
    interviewSignal: new Float64Array(n),
    reach: new Float64Array(n),
    reachSignal: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    lowSignal: new Float64Array(n),
    highSignal: new Float64Array(n),
    value: new Float64Array(n),
    signalValue: new Float64Array(n),
    weight: new Float64Array(n),
    fit: new Float64Array(n),
    outside: new Uint8Array(n),
    pinned: new Uint8Array(n),
    ids: [],
  };
  const fits: (FitScore | null)[] = new Array(n).fill(null);
  const seen = new Set<string>();
  const otherSpecialty = `Not a ${SPECIALTIES[profile.targetSpecialty].name.toLowerCase()} program.`;
  const regionsMatter = settings.regionMode !== 'any';
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
    c.outside[k] = regionsMatter && isOutside(applicant, program) ? 1 : 0;
    const programFit = fitScore({ applicant, program, stars: settings.stars[id], parameters });
    fits[i] = programFit;
    c.weight[k] = settings.fitTolerance * programFit.score;
    c.fit[k] = programFit.score;
    if (filters.excluded) {
      // Pinned although a known rule excludes the applicant: on the list, with no chance counted.
      warnings.push(
        `You pinned ${program.name} (${id}), but it excludes you: ${filters.exclusions[0]?.reason ?? ''}.`,
      );
      continue;
    }
    scoreInterview(applicant, terms, program, connections[id] ?? NO_CONNECTIONS, parameters, work);
    const rule = chancesOf(terms, parameters, work, chances);
    c.interview[k] = chances.interview;
    c.interviewSignal[k] = chances.interviewSignal;
    c.reach[k] = chances.reach;
    c.reachSignal[k] = chances.reachSignal;
    // The range (interview-model.ts rangeOf), without and with a signal.
    c.low[k] = sigmoid(work.mu + rule.low);
    c.high[k] = sigmoid(work.mu + rule.high);
    const signaledLogOdds = work.mu + signalBoost;
    c.lowSignal[k] = sigmoid(signaledLogOdds + rule.low);
    c.highSignal[k] = sigmoid(signaledLogOdds + rule.high);
    c.value[k] = valueOf(chances.reach);
    c.signalValue[k] = valueOf(chances.reachSignal);
  }
  for (const id of settings.pins) if (!seen.has(id)) warnings.push(`Pinned id ${id} is not in the catalog.`);
  for (const id of settings.excludes)
    if (!seen.has(id)) warnings.push(`Excluded id ${id} is not in the catalog.`);

  const count = c.count;
  const sub = <T extends Float64Array | Uint8Array>(array: T) => array.subarray(0, count) as T;
  let pinCount = 0;
  for (let k = 0; k < count; k++) pinCount += c.pinned[k] as number;

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

  // 3. The list and its signals, exactly (optimizer.ts); and the unconstrained optimum, for the price of places.
  // At most a share of the list outside your places — but never fewer than the places cannot fill: a budget is
  // not left unspent because your places hold too few eligible programs.
  let insideCount = 0;
  for (let k = 0; k < count; k++) if (c.outside[k] === 0) insideCount++;
  const outsideCap = regionsMatter
    ? Math.max(Math.floor(OUTSIDE_SHARE_OF[settings.regionMode] * budgetCount), budgetCount - insideCount)
    : Infinity;
  const choiceInput = {
    value: sub(c.value),
    signalValue: sub(c.signalValue),
    weight: sub(c.weight),
    tieBreak: sub(c.fit),
    pinned: sub(c.pinned),
    outside: sub(c.outside),
    ids: c.ids,
    slots: budgetCount,
    signals: settings.signals,
    outsideCap,
  };
  const choice = chooseList(choiceInput);
  const unconstrained =
    regionsMatter || settings.fitTolerance > 0
      ? chooseList({
          ...choiceInput,
          weight: new Float64Array(count),
          outside: new Uint8Array(count),
          outsideCap: Infinity,
        })
      : choice;
  const signaled = choice.signaled;
  const own = (k: number, kind: 'interview' | 'reach' | 'low' | 'high') => {
    const s = signaled[k] === 1;
    switch (kind) {
      case 'interview':
        return s ? (c.interviewSignal[k] as number) : (c.interview[k] as number);
      case 'reach':
        return s ? (c.reachSignal[k] as number) : (c.reach[k] as number);
      case 'low':
        return s ? (c.lowSignal[k] as number) : (c.low[k] as number);
      default:
        return s ? (c.highSignal[k] as number) : (c.high[k] as number);
    }
  };
  // A program's reach at the low / high end of its range: its reach scaled like its interview chance.
  const reachAt = (k: number, end: 'low' | 'high') => {
    const interview = own(k, 'interview');
    return interview > 0 ? Math.min(1, (own(k, 'reach') * own(k, end)) / interview) : 0;
  };

  // 4. The order programs join (the chosen list best first, then the best others past the budget) and the curve.
  // Pins first (you asked for them), then the rest best first.
  const order: number[] = [
    ...Array.from(choice.chosen).filter((k) => c.pinned[k] === 1),
    ...Array.from(choice.chosen).filter((k) => c.pinned[k] === 0),
  ];
  const onList = new Uint8Array(count);
  for (const k of order) onList[k] = 1;
  order.push(...bestOthers(c, onList, parameters.defaults.curveBeyondBudget));
  const withinBudget = choice.chosen.length;
  let value = 0;
  let valueLow = 0;
  let valueHigh = 0;
  let previous = 0;
  const curvePoints: CurvePoint[] = [];
  const gainAt = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as number;
    value += valueOf(own(k, 'reach'));
    valueLow += valueOf(reachAt(k, 'low'));
    valueHigh += valueOf(reachAt(k, 'high'));
    const pMatch = matchFromValue(value);
    gainAt[i] = pMatch - previous;
    previous = pMatch;
    curvePoints.push({
      size: i + 1,
      acgmeId: c.ids[k] as string,
      pMatch,
      pMatchRange: [matchFromValue(valueLow), matchFromValue(valueHigh)],
      bestPossible: i + 1 === withinBudget ? matchFromValue(unconstrained.total) : pMatch,
      marginalGain: gainAt[i] as number,
      cumulativeCost: applicationCost(i + 1, settings.feeSchedule),
      withinBudget: i < withinBudget,
      recommended: false,
    });
  }

  // 5. The suggested stop: just after the last program within budget that still adds at least the threshold.
  let pinnedOnList = 0;
  for (const k of choice.chosen) pinnedOnList += c.pinned[k] as number;
  let lastWorthIt = -1;
  for (let i = 0; i < withinBudget; i++) {
    const k = order[i] as number;
    if ((gainAt[i] as number) >= settings.stopThreshold || c.pinned[k] === 1) lastWorthIt = i;
  }
  const stop = Math.max(lastWorthIt + 1, Math.min(pinnedOnList, withinBudget));
  for (let i = 0; i < stop; i++) (curvePoints[i] as CurvePoint).recommended = true;
  const stopWhy =
    stop === withinBudget
      ? withinBudget === count
        ? `Every eligible program fits in the budget (${plural(withinBudget, 'program')}), and each adds at least your threshold of ${pointsPrecise(settings.stopThreshold)}.`
        : `Every program the budget buys (${plural(withinBudget, 'program')}, ${dollars(applicationCost(withinBudget, settings.feeSchedule))}) adds at least your threshold of ${pointsPrecise(settings.stopThreshold)}.`
      : `Past program ${stop}, each program on the list adds less than your threshold of ${pointsPrecise(settings.stopThreshold)} (program ${stop + 1} would add ${pointsPrecise(gainAt[stop] as number)}): you could stop at ${dollars(applicationCost(stop, settings.feeSchedule))} instead of ${dollars(applicationCost(withinBudget, settings.feeSchedule))}.`;

  // 6. Verdicts for candidates.
  const positionOf = new Int32Array(count).fill(-1);
  for (let i = 0; i < order.length; i++) positionOf[order[i] as number] = i;
  let lowestValue = Number.POSITIVE_INFINITY;
  for (const k of choice.chosen)
    if (c.pinned[k] === 0) lowestValue = Math.min(lowestValue, c.value[k] as number);
  const explainAll = settings.explain === 'all';
  let outsideOnList = 0;
  for (let k = 0; k < count; k++) {
    const i = c.program[k] as number;
    const program = programs[i] as Program;
    const filters = filterResults[i];
    const position = positionOf[k] as number;
    const isSignaled = signaled[k] === 1;
    const isPinned = c.pinned[k] === 1;
    const outside = c.outside[k] === 1;
    const excludedButPinned = filters?.excluded === true;
    const chance = own(k, 'interview');
    const gain = position >= 0 ? (gainAt[position] as number) : null;
    const isOn = position >= 0 && position < withinBudget;
    let code: VerdictCode;
    let why: string;
    if (isOn) {
      if (outside) outsideOnList++;
      const adds = `adds ${points(gain ?? 0)} to P(match)`;
      if (isPinned) {
        code = 'pinned';
        why = excludedButPinned
          ? 'You pinned it; a known program rule excludes you, so it counts as no chance.'
          : `You pinned it; it ${adds}.`;
      } else if (isSignaled) {
        code = 'signaled';
        why = `You signal it: P(interview) ${percent(c.interview[k] as number)} → ${percent(chance)}; it ${adds}.`;
      } else if (position >= stop) {
        code = 'below-stop-point';
        why = `Within budget, past the suggested stop: it adds only ${pointsPrecise(gain ?? 0)} (threshold ${pointsPrecise(settings.stopThreshold)}).`;
      } else {
        code = 'best-chance';
        why = `Among the best chances: P(interview) ${percent(chance)}, ${percent(own(k, 'reach'))} that an interview here ends in an offer that reaches you; it ${adds}.`;
      }
    } else if (outside && (c.value[k] as number) > lowestValue) {
      code = 'outside-regions';
      why = `Outside the places you prefer, and the list holds as many of those as your setting allows (${settings.regionMode === 'prefer' ? 'prefer' : 'strongly prefer'}): P(interview) ${percent(chance)}.`;
    } else if ((c.value[k] as number) >= lowestValue && settings.fitTolerance > 0) {
      code = 'lower-fit';
      why = `Its chance (${percent(chance)}) is close to programs on the list that fit your preferences better; the budget ran out.`;
    } else if (position >= 0) {
      code = 'over-budget';
      why = `Next in line past the budget: it would add ${points(gain ?? 0)} for ${dollars(applicationCost(position + 1, settings.feeSchedule) - applicationCost(position, settings.feeSchedule))} more.`;
    } else {
      code = 'lower-chance';
      why = `Its chance (P(interview) ${percent(chance)}) is below that of every program the budget covers.`;
    }
    let interview: InterviewEstimate | null = null;
    if (!excludedButPinned) {
      const range: [number, number] = [own(k, 'low'), own(k, 'high')];
      if (explainAll || isOn) {
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
          logOdds: work.mu + (isSignaled ? signalBoost : 0),
          probability: chance,
          range,
        });
      } else {
        interview = { probability: chance, range, logOdds: Number.NaN, contributions: [], unknownFacts: [] };
      }
    }
    verdicts[i] = {
      acgmeId: program.acgmeId,
      name: program.name,
      city: program.city,
      state: program.state,
      status: isOn ? 'in' : 'out',
      code,
      why,
      position: isOn ? position + 1 : null,
      tier: excludedButPinned ? null : tierOf(chance, parameters),
      interview,
      interviewWithoutSignal: excludedButPinned ? null : (c.interview[k] as number),
      reach: excludedButPinned ? null : own(k, 'reach'),
      signaled: isSignaled,
      pinned: isPinned,
      outsideRegions: outside,
      pastStopPoint: isOn && position >= stop,
      marginalGain: gain,
      fit: fits[i] ?? null,
      checks: filters?.checks ?? [],
      exclusions: filters?.exclusions ?? [],
    };
  }

  const list: ProgramVerdict[] = [];
  const tiers: Record<Tier, number> = { reach: 0, target: 0, likely: 0 };
  let expectedInterviews = 0;
  const cap = parameters.match.maxInterviews;
  const listDistribution = emptyDistribution(cap);
  for (let i = 0; i < withinBudget; i++) {
    const k = order[i] as number;
    const verdict = verdicts[c.program[k] as number] as ProgramVerdict;
    list.push(verdict);
    if (verdict.tier !== null) tiers[verdict.tier]++;
    expectedInterviews += own(k, 'interview');
    addProgram(listDistribution, own(k, 'interview'));
  }
  const last = withinBudget > 0 ? curvePoints[withinBudget - 1] : undefined;
  const atStop = stop > 0 ? curvePoints[stop - 1] : undefined;

  // 7. P(match) now, from the season (season-odds.ts): each applied program's chance, with its signal if sent.
  let now: NowOdds | null = null;
  if (input.season) {
    const byId = new Map<string, SeasonProgramInput>();
    const signaledInSeason = new Set(
      input.season.applications.filter((application) => application.signaled).map((a) => a.acgmeId),
    );
    for (let k = 0; k < count; k++) {
      const id = c.ids[k] as string;
      const s = signaledInSeason.has(id);
      byId.set(id, {
        acgmeId: id,
        interview: s ? (c.interviewSignal[k] as number) : (c.interview[k] as number),
        reach: s ? (c.reachSignal[k] as number) : (c.reach[k] as number),
      });
    }
    now = nowOdds({
      applications: input.season.applications,
      today: input.season.today,
      chances: byId,
      ...(input.season.rankList ? { rankList: input.season.rankList } : {}),
    });
  }

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
    regions: {
      mode: settings.regionMode,
      stated: [
        ...profile.geography.preferredStates,
        ...profile.geography.preferredDivisions,
        ...(profile.geography.preferredRegions ?? []),
      ],
      outsideCap: Number.isFinite(outsideCap) ? outsideCap : null,
      outsideOnList,
    },
    list,
    pMatch: {
      probability: last?.pMatch ?? 0,
      range: last?.pMatchRange ?? [0, 0],
      expectedInterviews,
      interviewDistribution: Array.from(listDistribution),
      listSize: withinBudget,
      cost: applicationCost(withinBudget, settings.feeSchedule),
      now,
    },
    curve: curvePoints,
    stopPoint: {
      size: stop,
      threshold: settings.stopThreshold,
      why: stopWhy,
      pMatch: atStop?.pMatch ?? 0,
      cost: applicationCost(stop, settings.feeSchedule),
    },
    signals: describeSignals(choice.chosen, signaled, c, programs, value, withinBudget, order),
    tiers,
    preferenceCost: Math.max(0, matchFromValue(unconstrained.total) - (last?.pMatch ?? 0)),
    programs: verdicts,
    notModelled: NOT_MODELLED,
    warnings,
  });
}

const OUTSIDE_SHARE_OF = OUTSIDE_SHARE;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `limit` best candidates not on the list, best first (highest value, then ACGME id): what sorting them all
 * and keeping the first `limit` gives, without sorting thousands to keep twenty.
 */
function bestOthers(c: Candidates, onList: Uint8Array, limit: number): number[] {
  const best: number[] = [];
  if (limit <= 0) return best;
  const before = (x: number, y: number) => {
    const gap = (c.value[y] as number) - (c.value[x] as number);
    return gap ? gap < 0 : compareIds(c.ids[x] as string, c.ids[y] as string) < 0;
  };
  for (let k = 0; k < c.count; k++) {
    if (onList[k] === 1) continue;
    if (best.length === limit && !before(k, best[limit - 1] as number)) continue;
    // Insert in order; the one pushed past the limit drops off.
    let i = best.length < limit ? best.length : limit - 1;
    while (i > 0 && before(k, best[i - 1] as number)) {
      best[i] = best[i - 1] as number;
      i--;
    }
    best[i] = k;
  }
  return best;
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
    reach: null,
    signaled: false,
    pinned: false,
    outsideRegions: false,
    pastStopPoint: false,
    marginalGain: null,
    fit: null,
    checks: [],
    exclusions: [],
  };
}

/** What each signal is worth: P(match) of the list minus P(match) with that one signal taken back. */
function describeSignals(
  chosen: Int32Array,
  signaled: Uint8Array,
  c: Candidates,
  programs: readonly Program[],
  _value: number,
  withinBudget: number,
  order: number[],
): SignalRecommendation[] {
  let total = 0;
  for (let i = 0; i < withinBudget; i++) {
    const k = order[i] as number;
    total += signaled[k] === 1 ? (c.signalValue[k] as number) : (c.value[k] as number);
  }
  const full = matchFromValue(total);
  const out: SignalRecommendation[] = [];
  for (const k of chosen) {
    if (signaled[k] !== 1) continue;
    const without = matchFromValue(total - (c.signalValue[k] as number) + (c.value[k] as number));
    const program = programs[c.program[k] as number] as Program;
    out.push({
      acgmeId: c.ids[k] as string,
      name: program.name,
      interviewWithout: c.interview[k] as number,
      interviewWith: c.interviewSignal[k] as number,
      matchGain: full - without,
      replaces: null,
      why: `P(interview) ${percent(c.interview[k] as number)} → ${percent(c.interviewSignal[k] as number)}, raising P(match) ${points(full - without)}. Signals go where they raise P(match) most among the programs on your list (chosen together with the list, exactly).`,
    });
  }
  out.sort((a, b) => b.matchGain - a.matchGain);
  return out;
}
