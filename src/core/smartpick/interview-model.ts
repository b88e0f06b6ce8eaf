import type { Program, ProgramFactKey } from '../catalog/program.js';
import { divisionOf } from '../geo/census.js';
import { APPLICANT_TYPE_LABELS } from '../profile/applicant-profile.js';
import type { ApplicantFeatures } from './applicant-features.js';
import { percent, plural } from './format.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { clamp, logit, sigmoid } from './probability.js';
import {
  FACTOR_IDS,
  type FactorContribution,
  type InterviewEstimate,
  NO_CONNECTIONS,
  type ProgramConnections,
} from './types.js';

/**
 * P(interview | applicant, program): a logistic model. The log-odds are the sum of signed factor contributions
 * (model-parameters.ts gives each its source or assumption); the 80% band adds, on the log-odds scale, the variance
 * of every factor whose program fact is unknown to a base variance, and maps logit ± z·SD back to probabilities.
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

/** Sources of uncertainty tracked per program (their variances add up in the band). */
const UNKNOWN = {
  typicalStep2Score: 0,
  maxYearsSinceGraduation: 1,
  maxFailedAttempts: 2,
  minUsceMonths: 3,
  visa: 4,
  imgShare: 5,
  acceptsImgs: 6,
  applicantScore: 7,
} as const;
const UNKNOWN_COUNT = 8;

/** Reusable buffers for the per-program hot loop: one allocation per catalog, not per program. */
export interface InterviewWork {
  readonly contributions: Float64Array;
  readonly unknownVariance: Float64Array;
  logOdds: number;
  /** SD of the log-odds (base and unknown facts together). */
  sd: number;
}

export function createInterviewWork(): InterviewWork {
  return {
    contributions: new Float64Array(FACTOR_COUNT),
    unknownVariance: new Float64Array(UNKNOWN_COUNT),
    logOdds: 0,
    sd: 0,
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
}

export function applicantTerms(applicant: ApplicantFeatures, parameters: ModelParameters): ApplicantTerms {
  const m = parameters.interview;
  const overGrace = applicant.yearsSinceGraduation - m.yearsSinceGraduation.graceYears;
  const years =
    overGrace > 0
      ? m.yearsSinceGraduation.maxPenalty * Math.min(1, overGrace / m.yearsSinceGraduation.yearsToMaxPenalty)
      : 0;
  const failed = applicant.failedAttempts;
  const attempts =
    failed > 0 ? m.failedAttempts.firstFailure + (failed - 1) * m.failedAttempts.eachFurther : 0;
  const saturation = (months: number) => 1 - Math.exp(-months / m.usce.saturationMonths);
  const usce = applicant.isImg
    ? m.usce.scale * (saturation(applicant.usceEffectiveMonths) - saturation(m.usce.referenceMonths))
    : 0;
  const full = m.letters.fullCount;
  const letterScore =
    0.5 * (Math.min(applicant.usLetters, full) / full) +
    0.5 * (Math.min(applicant.inSpecialtyLetters, full) / full);
  return {
    intercept: m.intercept[applicant.applicantType],
    years,
    attempts,
    usce,
    letters: m.letters.weight * (letterScore - m.letters.referenceScore),
    letterScore,
  };
}

/** Log-odds push of a Step 2 CK score against an expected score. Non-decreasing in the score. */
export function step2Effect(score: number, expected: number, parameters: ModelParameters): number {
  const s = parameters.interview.step2;
  const tens = (score - expected) / 10;
  return tens >= 0
    ? Math.min(s.maxBonus, s.logOddsPer10Above * tens)
    : Math.max(s.maxPenalty, s.logOddsPer10Below * tens);
}

export function visaFactKey(applicant: ApplicantFeatures): 'visaJ1' | 'visaH1b' | null {
  if (applicant.visaNeed === 'j1') return 'visaJ1';
  if (applicant.visaNeed === 'h1b') return 'visaH1b';
  return null;
}

/**
 * The hot path: fills `work` with each factor's contribution, the log-odds and its SD. No strings, no allocation.
 * The signal factor is left at 0 here; a signal adds parameters.interview.signal to the log-odds.
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
  const u = work.unknownVariance;
  u.fill(0);
  c[FACTOR.applicantType] = terms.intercept;

  // Step 2 CK against the program's expectation (its typical score when known, the specialty prior when not).
  const typical = facts.typicalStep2Score?.value;
  if (applicant.step2ck !== null) {
    c[FACTOR.step2] = step2Effect(applicant.step2ck, typical ?? m.step2.programExpectationPrior, parameters);
    if (typical === undefined) {
      const sd = (m.step2.logOddsPer10Below * m.step2.programExpectationSd) / 10;
      u[UNKNOWN.typicalStep2Score] = sd * sd;
    }
  } else if (applicant.comlexOnly) {
    c[FACTOR.step2] = 0;
    u[UNKNOWN.applicantScore] = m.step2.comlexOnlySd * m.step2.comlexOnlySd;
  } else {
    c[FACTOR.step2] = m.step2.missingScore;
    u[UNKNOWN.applicantScore] = m.step2.missingScoreSd * m.step2.missingScoreSd;
  }

  c[FACTOR.years] = terms.years;
  if (terms.years < 0 && facts.maxYearsSinceGraduation === undefined) {
    u[UNKNOWN.maxYearsSinceGraduation] = m.yearsSinceGraduation.unknownLimitSd ** 2;
  }
  c[FACTOR.attempts] = terms.attempts;
  if (applicant.failedAttempts > 0 && facts.maxFailedAttempts === undefined) {
    u[UNKNOWN.maxFailedAttempts] = m.failedAttempts.unknownLimitSd ** 2;
  }
  c[FACTOR.usce] = terms.usce;
  if (
    applicant.isImg &&
    facts.minUsceMonths === undefined &&
    applicant.usceHandsOn < m.usce.checkBelowHandsOnMonths
  ) {
    u[UNKNOWN.minUsceMonths] = m.usce.unknownMinimumSd ** 2;
  }
  c[FACTOR.letters] = terms.letters;

  // Visa need against sponsorship.
  const visaKey = visaFactKey(applicant);
  if (visaKey === null) {
    c[FACTOR.visa] = 0;
  } else {
    const sponsors = facts[visaKey]?.value;
    c[FACTOR.visa] = sponsors === true ? m.visa.sponsorshipKnown : m.visa.sponsorshipUnknown;
    if (sponsors === undefined) u[UNKNOWN.visa] = m.visa.unknownSd ** 2;
  }

  // The program's IMG share, for IMGs only.
  if (applicant.isImg) {
    const share = facts.imgShare?.value;
    if (share === undefined) {
      c[FACTOR.imgShare] = 0;
      u[UNKNOWN.imgShare] = m.imgShare.unknownSd ** 2;
    } else {
      const clamped = clamp(share, m.imgShare.clampLow, m.imgShare.clampHigh);
      c[FACTOR.imgShare] = m.imgShare.slope * (logit(clamped) - logit(m.imgShare.nationalShare));
    }
    if (facts.acceptsImgs === undefined) u[UNKNOWN.acceptsImgs] = m.acceptsImgsUnknownSd ** 2;
  } else {
    c[FACTOR.imgShare] = 0;
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
  let variance = m.baseSd * m.baseSd;
  for (let i = 0; i < UNKNOWN_COUNT; i++) variance += u[i] as number;
  work.logOdds = sum;
  work.sd = Math.sqrt(variance);
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
  const signal = input.signaled === true ? parameters.interview.signal : 0;
  work.contributions[FACTOR.signal] = signal;
  return describeInterview({
    applicant: input.applicant,
    terms,
    program: input.program,
    connections,
    parameters,
    work,
    logOdds: work.logOdds + signal,
  });
}

/** Band of a log-odds estimate: logit ± z·SD mapped back to probabilities. */
export function band(logOdds: number, sd: number, parameters: ModelParameters): [number, number] {
  const half = parameters.interview.bandZ * sd;
  return [sigmoid(logOdds - half), sigmoid(logOdds + half)];
}

const UNKNOWN_FACT_KEYS: readonly (ProgramFactKey | 'visa' | null)[] = [
  'typicalStep2Score',
  'maxYearsSinceGraduation',
  'maxFailedAttempts',
  'minUsceMonths',
  'visa',
  'imgShare',
  'acceptsImgs',
  null,
];

/** Turns a filled `work` into an InterviewEstimate with reasons. `logOdds` includes the signal when sent. */
export function describeInterview(input: {
  applicant: ApplicantFeatures;
  terms: ApplicantTerms;
  program: Program;
  connections: ProgramConnections;
  parameters: ModelParameters;
  work: InterviewWork;
  logOdds: number;
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
  if (applicant.step2ck !== null) {
    const expected = typical ?? m.step2.programExpectationPrior;
    const versus =
      typical !== undefined
        ? `the program's typical ${typical}`
        : `${expected}, a family medicine prior (the program's typical score is unknown)`;
    add(FACTOR.step2, `Step 2 CK ${applicant.step2ck} vs ${versus}`);
  } else if (applicant.comlexOnly) {
    add(FACTOR.step2, 'COMLEX Level 2 only: treated as at expectation, with extra uncertainty');
  } else {
    add(FACTOR.step2, 'No Step 2 CK score entered: most programs screen on it');
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
          : `Needs a ${visaName} visa; whether the program sponsors it is unknown`,
    );
  }
  if (applicant.isImg) {
    const share = facts.imgShare?.value;
    add(
      FACTOR.imgShare,
      share === undefined
        ? `Program's IMG share unknown (national family medicine share ${percent(m.imgShare.nationalShare)})`
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
  for (let i = 0; i < UNKNOWN_COUNT; i++) {
    if ((work.unknownVariance[i] as number) <= 0) continue;
    const key = UNKNOWN_FACT_KEYS[i];
    if (key === 'visa') {
      if (visaKey !== null) unknownFacts.push(visaKey);
    } else if (key !== null && key !== undefined) {
      unknownFacts.push(key);
    }
  }
  return {
    probability: sigmoid(logOdds),
    range: band(logOdds, work.sd, parameters),
    logOdds,
    contributions,
    unknownFacts,
  };
}
