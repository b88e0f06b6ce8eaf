import type { Program, ProgramFactKey } from '../catalog/program.js';
import { divisionOf } from '../geo/census.js';
import { applicantScreen } from '../model/applicant-screen.js';
import { FITTED } from '../model/fitted.js';
import { capacityTerms, type ReachCoefficients } from '../model/offer-reach.js';
import { PROGRAM_PRIORS } from '../model/program-priors.js';
import {
  type ApplicantScreen,
  attemptsEffect,
  imgShareEffect,
  letterScore,
  lettersEffect,
  step2Effect,
  usceEffect,
  yearsEffect,
} from '../model/screening.js';
import {
  createRuleCache,
  type ProgramChances,
  programChances,
  type QuadratureRule,
  type UnknownPattern,
} from '../model/unknown-facts.js';
import { APPLICANT_TYPE_LABELS } from '../profile/applicant-profile.js';
import type { ApplicantFeatures } from './applicant-features.js';
import { percent, plural } from './format.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { sigmoid } from './probability.js';
import {
  FACTOR_IDS,
  type FactorContribution,
  type InterviewEstimate,
  NO_CONNECTIONS,
  type ProgramConnections,
} from './types.js';

/**
 * P(interview | applicant, program). The log-odds are the screening function of model/screening.ts — the same one
 * the simulated Match screens with — written here factor by factor with reasons. What the catalog knows about the
 * program sums to μ; what it does not know (the program's own leanings; unknown typical score, IMG share, visa
 * policy, whether it takes IMGs, size) is integrated over the priors the simulator draws from
 * (model/unknown-facts.ts): P(interview) = E[σ(μ + X)], the range its 10th–90th percentiles.
 */

/** Slot of each factor in a contributions array (same order as FACTOR_IDS). */
export const FACTOR = {
  applicantType: 0,
  step2: 1,
  years: 2,
  attempts: 3,
  usce: 4,
  letters: 5,
  visa: 6,
  imgShare: 7,
  ties: 8,
  preference: 9,
  rotated: 10,
  letterWriter: 11,
  contact: 12,
  signal: 13,
} as const;
export const FACTOR_COUNT = FACTOR_IDS.length;

/** Reusable buffers for the per-program hot loop: one allocation per catalog, not per program. */
export interface InterviewWork {
  readonly contributions: Float64Array;
  /** Known part of the log-odds (no signal). */
  mu: number;
  /** Known part of the "above" predictor, without β_L·L, and of the open-place predictor (model/offer-reach.ts). */
  muQ: number;
  muO: number;
  /** What is unknown about this program for this applicant. */
  pattern: MutablePattern;
  /** IMG applicants at a program whose IMG share is known: its effect (the reach model bends with it); else 0. */
  knownImgEffect: number;
  /** Facts that are unknown and matter here. */
  unknownMask: number;
}

type MutablePattern = { -readonly [K in keyof UnknownPattern]: UnknownPattern[K] };

export function createInterviewWork(): InterviewWork {
  return {
    contributions: new Float64Array(FACTOR_COUNT),
    mu: 0,
    muQ: 0,
    muO: 0,
    knownImgEffect: 0,
    pattern: {
      typicalScore: false,
      imgShare: false,
      acceptsImgsChance: 1,
      sponsorsChance: 1,
      positions: false,
      leansYears: false,
      leansAttempts: false,
      leansUsce: false,
    },
    unknownMask: 0,
  };
}

/** The applicant-only factors, the same at every program: computed once per recommendation. */
export interface ApplicantTerms {
  readonly intercept: number;
  readonly years: number;
  readonly attempts: number;
  readonly usce: number;
  readonly letters: number;
  readonly letterScore: number;
  /** What programs screen on, reduced once (model/screening.ts). */
  readonly screen: ApplicantScreen;
  /** Expectation rules per pattern of unknown facts. */
  readonly rules: (pattern: UnknownPattern) => QuadratureRule;
  readonly reach: ReachCoefficients;
}

export function applicantTerms(
  applicant: ApplicantFeatures,
  parameters: ModelParameters,
  reach: ReachCoefficients = FITTED.reach,
): ApplicantTerms {
  const m = parameters.interview;
  const screen = applicantScreen(applicant, parameters);
  return {
    intercept: m.intercept[applicant.applicantType],
    years: yearsEffect(applicant.yearsSinceGraduation, parameters),
    attempts: attemptsEffect(applicant.failedAttempts, parameters),
    usce: usceEffect(applicant.isImg, applicant.usceEffectiveMonths, parameters),
    letters: lettersEffect(applicant.usLetters, applicant.inSpecialtyLetters, parameters),
    letterScore: letterScore(applicant.usLetters, applicant.inSpecialtyLetters, parameters),
    screen,
    rules: createRuleCache(screen, parameters, PROGRAM_PRIORS, reach),
    reach,
  };
}

export { step2Effect };

export function visaFactKey(applicant: ApplicantFeatures): 'visaJ1' | 'visaH1b' | null {
  if (applicant.visaNeed === 'j1') return 'visaJ1';
  if (applicant.visaNeed === 'h1b') return 'visaH1b';
  return null;
}

/** Bits of InterviewWork.unknownMask: program facts that are unknown and matter for this applicant. */
const UNKNOWN_BIT = {
  typicalStep2Score: 1,
  maxYearsSinceGraduation: 2,
  maxFailedAttempts: 4,
  minUsceMonths: 8,
  visa: 16,
  imgShare: 32,
  acceptsImgs: 64,
  positions: 128,
} as const;

/**
 * The hot path: fills `work` with each factor's known contribution, μ, the known part of the reach predictor and
 * the pattern of unknown facts. No strings, no allocation. The signal factor is left at 0 here.
 */
export function scoreInterview(
  applicant: ApplicantFeatures,
  terms: ApplicantTerms,
  program: Program,
  connections: ProgramConnections,
  parameters: ModelParameters,
  work: InterviewWork,
): void {
  const m = parameters.interview;
  const facts = program.facts;
  const c = work.contributions;
  const pattern = work.pattern;
  const screen = terms.screen;
  const row = terms.reach.above[applicant.applicantType];
  const openRow = terms.reach.open;
  let mask = 0;
  let muQ = row.intercept;
  let muO = openRow.intercept;
  c[FACTOR.applicantType] = terms.intercept;

  // Step 2 CK (or a DO's COMLEX equivalent) against the program's typical score.
  const typical = facts.typicalStep2Score?.value;
  pattern.typicalScore = typical === undefined;
  if (typical === undefined) {
    c[FACTOR.step2] = Number.isNaN(screen.score) ? m.step2.missingScore : 0;
    mask |= UNKNOWN_BIT.typicalStep2Score;
  } else {
    c[FACTOR.step2] = Number.isNaN(screen.score)
      ? m.step2.missingScore
      : step2Effect(screen.score, typical, parameters);
    muQ += (row.typical * (typical - 240)) / 10;
    muO += (openRow.typical * (typical - 240)) / 10;
  }

  c[FACTOR.years] = terms.years;
  pattern.leansYears = screen.leansYears && facts.maxYearsSinceGraduation === undefined;
  if (pattern.leansYears) mask |= UNKNOWN_BIT.maxYearsSinceGraduation;
  c[FACTOR.attempts] = terms.attempts;
  pattern.leansAttempts = screen.leansAttempts && facts.maxFailedAttempts === undefined;
  if (pattern.leansAttempts) mask |= UNKNOWN_BIT.maxFailedAttempts;
  c[FACTOR.usce] = terms.usce;
  pattern.leansUsce = screen.leansUsce && facts.minUsceMonths === undefined;
  if (pattern.leansUsce) mask |= UNKNOWN_BIT.minUsceMonths;
  c[FACTOR.letters] = terms.letters;

  // Visa need against sponsorship: known → its weight; unknown → the chance programs sponsor it.
  const visaKey = visaFactKey(applicant);
  pattern.sponsorsChance = 1;
  if (visaKey === null) {
    c[FACTOR.visa] = 0;
  } else {
    const sponsors = facts[visaKey]?.value;
    if (sponsors === undefined) {
      c[FACTOR.visa] = 0;
      pattern.sponsorsChance = visaKey === 'visaJ1' ? PROGRAM_PRIORS.sponsorsJ1 : PROGRAM_PRIORS.sponsorsH1b;
      mask |= UNKNOWN_BIT.visa;
    } else {
      c[FACTOR.visa] = m.visa.sponsorshipKnown;
      // Known not to sponsor: screened out, as the simulated Match screens (recommend's hard filter drops it first).
      if (sponsors === false) pattern.sponsorsChance = 0;
    }
  }

  // The program's IMG share and whether it takes IMGs: they move an IMG's interview chance, and anyone's chance
  // that a place stays open.
  pattern.imgShare = false;
  pattern.acceptsImgsChance = 1;
  work.knownImgEffect = 0;
  c[FACTOR.imgShare] = 0;
  const share = facts.imgShare?.value;
  if (share === undefined) {
    pattern.imgShare = true;
    if (applicant.isImg) mask |= UNKNOWN_BIT.imgShare;
  } else {
    const effect = imgShareEffect(share, parameters);
    muO += openRow.imgEffect * effect + openRow.imgSquared * effect * effect;
    muQ += row.imgEffect * effect + row.imgSquared * effect * effect;
    work.knownImgEffect = effect;
  }
  if (applicant.isImg) {
    const accepts = facts.acceptsImgs?.value;
    if (share === undefined) {
      pattern.acceptsImgsChance = accepts === undefined ? null : accepts ? 1 : 0;
    } else {
      const effect = work.knownImgEffect;
      c[FACTOR.imgShare] = effect;
      pattern.acceptsImgsChance =
        accepts === false
          ? 0
          : accepts === true || share >= PROGRAM_PRIORS.noImgsWhenShareBelow
            ? 1
            : 1 - PROGRAM_PRIORS.noImgsChance;
    }
    if (accepts === undefined) mask |= UNKNOWN_BIT.acceptsImgs;
  }

  // Size matters to whether an offer reaches you, not to the interview.
  pattern.positions = program.positions === null || program.positions === 0;
  if (pattern.positions) mask |= UNKNOWN_BIT.positions;
  else {
    muQ += capacityTerms(program.positions as number, row);
    muO += capacityTerms(program.positions as number, openRow);
  }

  // Geography: ties count with programs; a stated preference counts a little.
  const division = program.censusDivision ?? divisionOf(program.state);
  const g = m.geography;
  c[FACTOR.ties] = applicant.tiesStates.has(program.state)
    ? g.tiesState
    : division !== null && applicant.tiesDivisions.has(division)
      ? g.tiesDivision
      : 0;
  c[FACTOR.preference] = applicant.preferredStates.has(program.state)
    ? g.preferredState
    : division !== null && applicant.preferredDivisions.has(division)
      ? g.preferredDivision
      : 0;

  // Network at this program: the strongest connection counts fully, overlapping ones less.
  const n = m.network;
  const wRot = connections.rotated ? n.rotated : 0;
  const wLet = connections.letterWriter ? n.letterWriter : 0;
  const wCon = connections.contact ? n.contact : 0;
  const rankRot = (wLet > wRot ? 1 : 0) + (wCon > wRot ? 1 : 0);
  const rankLet = (wRot >= wLet ? 1 : 0) + (wCon > wLet ? 1 : 0);
  const rankCon = (wRot >= wCon ? 1 : 0) + (wLet >= wCon ? 1 : 0);
  c[FACTOR.rotated] = wRot * (n.overlapDecay[rankRot] ?? 0);
  c[FACTOR.letterWriter] = wLet * (n.overlapDecay[rankLet] ?? 0);
  c[FACTOR.contact] = wCon * (n.overlapDecay[rankCon] ?? 0);
  c[FACTOR.signal] = 0;

  let sum = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) sum += c[i] as number;
  work.mu = sum;
  work.muQ = muQ;
  work.muO = muO;
  work.unknownMask = mask;
}

/**
 * Expectations already computed under one rule and parameters, by μ: [μ_Q, μ_O, known IMG effect, the four
 * chances] per entry.
 */
interface ChanceMemo {
  readonly parameters: ModelParameters;
  readonly byMu: Map<number, number[]>;
}
const CHANCE_MEMO_STRIDE = 7;
const chanceMemos = new WeakMap<QuadratureRule, ChanceMemo>();

/**
 * The expectations at the program just scored into `work`, written into `out`; returns the program's rule (for its
 * range). Programs whose known parts are the same (a catalog's programs with nothing known but their state, say)
 * get the same expectations, so each distinct set of inputs is integrated once per rule. A rule belongs to one applicant's terms (terms.rules), so with the same
 * parameters the rule, μ, μ_Q, μ_O and the known IMG effect are all the expectation depends on.
 */
export function chancesOf(
  terms: ApplicantTerms,
  parameters: ModelParameters,
  work: InterviewWork,
  out: ProgramChances,
): QuadratureRule {
  const rule = terms.rules(work.pattern);
  let memo = chanceMemos.get(rule);
  if (memo === undefined || memo.parameters !== parameters) {
    memo = { parameters, byMu: new Map() };
    chanceMemos.set(rule, memo);
  }
  const seen = memo.byMu.get(work.mu);
  if (seen !== undefined) {
    for (let i = 0; i < seen.length; i += CHANCE_MEMO_STRIDE) {
      if (seen[i] === work.muQ && seen[i + 1] === work.muO && seen[i + 2] === work.knownImgEffect) {
        out.interview = seen[i + 3] as number;
        out.interviewSignal = seen[i + 4] as number;
        out.reach = seen[i + 5] as number;
        out.reachSignal = seen[i + 6] as number;
        return rule;
      }
    }
  }
  programChances(rule, work, parameters.interview.signal, out);
  const entry = [
    work.muQ,
    work.muO,
    work.knownImgEffect,
    out.interview,
    out.interviewSignal,
    out.reach,
    out.reachSignal,
  ];
  if (seen === undefined) memo.byMu.set(work.mu, entry);
  else seen.push(...entry);
  return rule;
}

export function emptyChances(): ProgramChances {
  return { interview: 0, interviewSignal: 0, reach: 0, reachSignal: 0 };
}

/** The 80% range of P(interview) at a program: σ(μ + the 10th / 90th percentile of X). */
export function rangeOf(rule: QuadratureRule, logOdds: number): [number, number] {
  return [sigmoid(logOdds + rule.low), sigmoid(logOdds + rule.high)];
}

export interface InterviewInput {
  applicant: ApplicantFeatures;
  program: Program;
  connections?: ProgramConnections;
  /** The applicant sends this program a preference signal. */
  signaled?: boolean;
  parameters?: ModelParameters;
}

/**
 * P(interview) at one program with its 80% band and the signed contribution of every factor, in words.
 *
 * @example
 * const applicant = applicantFeatures({ profile, matchYear: 2027, parameters: DEFAULT_PARAMETERS });
 * const estimate = estimateInterview({ applicant, program, connections: { rotated: true, letterWriter: false, contact: false } });
 * estimate.probability; // e.g. 0.31
 * estimate.range;       // e.g. [0.14, 0.55]
 */
export function estimateInterview(input: InterviewInput): InterviewEstimate {
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const terms = applicantTerms(input.applicant, parameters);
  const work = createInterviewWork();
  const connections = input.connections ?? NO_CONNECTIONS;
  scoreInterview(input.applicant, terms, input.program, connections, parameters, work);
  const signaled = input.signaled === true;
  const signal = signaled ? parameters.interview.signal : 0;
  work.contributions[FACTOR.signal] = signal;
  const chances = emptyChances();
  const rule = chancesOf(terms, parameters, work, chances);
  return describeInterview({
    applicant: input.applicant,
    terms,
    program: input.program,
    connections,
    parameters,
    work,
    logOdds: work.mu + signal,
    probability: signaled ? chances.interviewSignal : chances.interview,
    range: rangeOf(rule, work.mu + signal),
  });
}

/** Turns a filled `work` into an InterviewEstimate with reasons. `logOdds` includes the signal when sent. */
export function describeInterview(input: {
  applicant: ApplicantFeatures;
  terms: ApplicantTerms;
  program: Program;
  connections: ProgramConnections;
  parameters: ModelParameters;
  work: InterviewWork;
  /** Known log-odds, with the signal when sent. */
  logOdds: number;
  /** The expectation over unknown facts, and its range. */
  probability: number;
  range: [number, number];
}): InterviewEstimate {
  const { applicant, terms, program, connections, parameters, work, logOdds } = input;
  const c = work.contributions;
  const m = parameters.interview;
  const facts = program.facts;
  const contributions: FactorContribution[] = [];
  const add = (slot: number, reason: string) => {
    const factor = FACTOR_IDS[slot];
    if (factor !== undefined) contributions.push({ factor, logOdds: c[slot] as number, reason });
  };

  add(
    FACTOR.applicantType,
    `Baseline for a ${APPLICANT_TYPE_LABELS[applicant.applicantType]} applicant (calibrated to 2024 national match counts)`,
  );
  const typical = facts.typicalStep2Score?.value;
  const screen = terms.screen;
  const scoreName =
    applicant.step2ck !== null
      ? `Step 2 CK ${applicant.step2ck}`
      : applicant.comlexLevel2 !== null
        ? `COMLEX Level 2 ${applicant.comlexLevel2} (about Step 2 CK ${Math.round(screen.score)} at the same national percentile)`
        : null;
  if (scoreName === null) {
    add(FACTOR.step2, 'No Step 2 CK or COMLEX Level 2 score entered: most programs screen on one');
  } else if (typical !== undefined) {
    add(FACTOR.step2, `${scoreName} vs the program's typical ${typical}`);
  } else {
    const atPrior = step2Effect(screen.score, m.step2.programExpectationPrior, parameters);
    add(
      FACTOR.step2,
      `${scoreName}; the program's typical score is unknown, so it is averaged over family medicine programs (${m.step2.programExpectationPrior} ± ${m.step2.programExpectationSd}; at ${m.step2.programExpectationPrior} it would add ${atPrior >= 0 ? '+' : ''}${atPrior.toFixed(2)})`,
    );
  }
  add(
    FACTOR.years,
    terms.years < 0
      ? `Graduated ${plural(applicant.yearsSinceGraduation, 'year')} before the Match: programs weigh gaps in training`
      : 'Recent graduate: no penalty for time since graduation',
  );
  add(
    FACTOR.attempts,
    applicant.failedAttempts > 0
      ? `${plural(applicant.failedAttempts, 'failed exam attempt')} on record`
      : 'Passed every exam on the first attempt',
  );
  if (applicant.isImg) {
    add(
      FACTOR.usce,
      `${applicant.usceEffectiveMonths.toFixed(1)} effective months of U.S. clinical experience (hands-on ${applicant.usceHandsOn}, observership ${applicant.usceObservership}, research ${applicant.usceResearch}) vs ${m.usce.referenceMonths} for a typical applicant`,
    );
  } else {
    add(FACTOR.usce, 'U.S. clerkships count as U.S. clinical experience');
  }
  add(
    FACTOR.letters,
    `${plural(applicant.usLetters, 'U.S. letter')} and ${plural(applicant.inSpecialtyLetters, 'family medicine letter')} (programs value letters in the specialty most)`,
  );
  const visaKey = visaFactKey(applicant);
  if (visaKey === null) {
    add(FACTOR.visa, 'No visa needed');
  } else {
    const visaName = visaKey === 'visaJ1' ? 'J-1' : 'H-1B';
    const sponsors = facts[visaKey]?.value;
    add(
      FACTOR.visa,
      sponsors === true
        ? `Needs a ${visaName} visa; the program sponsors it`
        : sponsors === false
          ? `Needs a ${visaName} visa; the program does not sponsor it`
          : `Needs a ${visaName} visa; whether the program sponsors it is unknown: counted as the ${percent(visaKey === 'visaJ1' ? PROGRAM_PRIORS.sponsorsJ1 : PROGRAM_PRIORS.sponsorsH1b)} chance that a program does`,
    );
  }
  if (applicant.isImg) {
    const share = facts.imgShare?.value;
    add(
      FACTOR.imgShare,
      share === undefined
        ? `Program's IMG share unknown: averaged over family medicine programs (national share ${percent(m.imgShare.nationalShare)})`
        : `IMGs are ${percent(share)} of residents here vs ${percent(m.imgShare.nationalShare)} nationally`,
    );
  } else {
    add(FACTOR.imgShare, 'IMG share does not apply to U.S. graduates');
  }
  const division = program.censusDivision ?? divisionOf(program.state);
  add(
    FACTOR.ties,
    applicant.tiesStates.has(program.state)
      ? `Ties to ${program.state}`
      : division !== null && applicant.tiesDivisions.has(division)
        ? `Ties in the ${division} division`
        : 'No stated ties to this state or division',
  );
  add(
    FACTOR.preference,
    applicant.preferredStates.has(program.state)
      ? `${program.state} is a preferred state`
      : division !== null && applicant.preferredDivisions.has(division)
        ? `${division} is a preferred division`
        : 'Not in a preferred state or division',
  );
  add(
    FACTOR.rotated,
    connections.rotated
      ? 'You rotated here (audition rotations rank near the top for program directors)'
      : 'No rotation here',
  );
  add(
    FACTOR.letterWriter,
    connections.letterWriter ? 'One of your letter writers works here' : 'No letter writer here',
  );
  add(FACTOR.contact, connections.contact ? 'You have a contact here who knows you' : 'No contact here');
  add(FACTOR.signal, c[FACTOR.signal] !== 0 ? 'You send this program a preference signal' : 'No signal sent');

  const unknownFacts: ProgramFactKey[] = [];
  const mask = work.unknownMask;
  if (mask & UNKNOWN_BIT.typicalStep2Score) unknownFacts.push('typicalStep2Score');
  if (mask & UNKNOWN_BIT.maxYearsSinceGraduation) unknownFacts.push('maxYearsSinceGraduation');
  if (mask & UNKNOWN_BIT.maxFailedAttempts) unknownFacts.push('maxFailedAttempts');
  if (mask & UNKNOWN_BIT.minUsceMonths) unknownFacts.push('minUsceMonths');
  if (mask & UNKNOWN_BIT.visa && visaKey !== null) unknownFacts.push(visaKey);
  if (mask & UNKNOWN_BIT.imgShare) unknownFacts.push('imgShare');
  if (mask & UNKNOWN_BIT.acceptsImgs) unknownFacts.push('acceptsImgs');
  return {
    probability: input.probability,
    range: input.range,
    logOdds,
    contributions,
    unknownFacts,
  };
}
