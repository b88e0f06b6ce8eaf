import type { ApplicantType } from '../profile/applicant-profile.js';
import type { ModelParameters } from '../smartpick/model-parameters.js';
import { clamp, logit } from '../smartpick/probability.js';

/**
 * How a program screens an applicant: the log-odds of an interview. The single function behind SmartPick's
 * P(interview) (interview-model.ts explains it factor by factor) and the simulated Match's interviews and rank
 * lists (match/market-model/generate-market.ts): both call the helpers below, so the two cannot drift apart.
 *
 * The applicant's side is reduced once to an ApplicantScreen; a program is its true facts (ProgramTruth). What a
 * catalog does not know about a program is drawn from program-priors.ts in the simulator and integrated over in
 * SmartPick (unknown-facts.ts).
 */
export interface ApplicantScreen {
  readonly type: ApplicantType;
  /** Intercept + years since graduation + failed attempts + USCE + letters (+ the missing-score term). */
  readonly base: number;
  /** Step 2 CK, or the equivalent of a DO's COMLEX Level 2; NaN when the applicant has neither. */
  readonly score: number;
  /** SD of how programs may read the score differently (a COMLEX-only DO; no score at all). */
  readonly scoreSd: number;
  readonly isImg: boolean;
  /** 0 none, 1 J-1, 2 H-1B. */
  readonly visa: 0 | 1 | 2;
  /** Past the grace years since graduation / has a failed attempt / little hands-on USCE (IMGs): programs differ. */
  readonly leansYears: boolean;
  readonly leansAttempts: boolean;
  readonly leansUsce: boolean;
}

/** A program's true facts as the simulator draws them (a catalog knows some of them). */
export interface ProgramTruth {
  typicalStep2: number;
  imgShare: number;
  acceptsImgs: boolean;
  sponsorsJ1: boolean;
  sponsorsH1b: boolean;
  /** The program's own leanings (program-priors.ts), on the log-odds scale. */
  house: number;
  yearsLeaning: number;
  attemptsLeaning: number;
  usceLeaning: number;
}

/** Log-odds push of a Step 2 CK score against an expected score. Non-decreasing in the score. */
export function step2Effect(score: number, expected: number, parameters: ModelParameters): number {
  const s = parameters.interview.step2;
  const tens = (score - expected) / 10;
  return tens >= 0
    ? Math.min(s.maxBonus, s.logOddsPer10Above * tens)
    : Math.max(s.maxPenalty, s.logOddsPer10Below * tens);
}

/** For IMGs: the program's IMG share against the national share. */
export function imgShareEffect(share: number, parameters: ModelParameters): number {
  const m = parameters.interview.imgShare;
  return m.slope * (logit(clamp(share, m.clampLow, m.clampHigh)) - logit(m.nationalShare));
}

export function yearsEffect(yearsSinceGraduation: number, parameters: ModelParameters): number {
  const m = parameters.interview.yearsSinceGraduation;
  const over = yearsSinceGraduation - m.graceYears;
  return over > 0 ? m.maxPenalty * Math.min(1, over / m.yearsToMaxPenalty) : 0;
}

export function attemptsEffect(failedAttempts: number, parameters: ModelParameters): number {
  const m = parameters.interview.failedAttempts;
  return failedAttempts > 0 ? m.firstFailure + (failedAttempts - 1) * m.eachFurther : 0;
}

export function usceEffect(isImg: boolean, effectiveMonths: number, parameters: ModelParameters): number {
  if (!isImg) return 0;
  const m = parameters.interview.usce;
  const saturation = (months: number) => 1 - Math.exp(-months / m.saturationMonths);
  return m.scale * (saturation(effectiveMonths) - saturation(m.referenceMonths));
}

export function letterScore(
  usLetters: number,
  inSpecialtyLetters: number,
  parameters: ModelParameters,
): number {
  const full = parameters.interview.letters.fullCount;
  return 0.5 * (Math.min(usLetters, full) / full) + 0.5 * (Math.min(inSpecialtyLetters, full) / full);
}

export function lettersEffect(
  usLetters: number,
  inSpecialtyLetters: number,
  parameters: ModelParameters,
): number {
  const m = parameters.interview.letters;
  return m.weight * (letterScore(usLetters, inSpecialtyLetters, parameters) - m.referenceScore);
}

/** Screened out for sure: a visa the program does not sponsor, or an IMG at a program that takes none. */
export function screenedOut(applicant: ApplicantScreen, program: ProgramTruth): boolean {
  if (applicant.isImg && !program.acceptsImgs) return true;
  if (applicant.visa === 1 && !program.sponsorsJ1) return true;
  if (applicant.visa === 2 && !program.sponsorsH1b) return true;
  return false;
}

/** Applicant flags packed for typed arrays: which program leanings apply (ApplicantScreen.leans*). */
export const LEANS_YEARS = 1;
export const LEANS_ATTEMPTS = 2;
export const LEANS_USCE = 4;

export function leaningFlags(applicant: ApplicantScreen): number {
  return (
    (applicant.leansYears ? LEANS_YEARS : 0) |
    (applicant.leansAttempts ? LEANS_ATTEMPTS : 0) |
    (applicant.leansUsce ? LEANS_USCE : 0)
  );
}

/**
 * The screening sum on plain numbers, for loops over typed arrays (the simulated Match calls it for every
 * application). `imgEffect` is imgShareEffect(program's share); screening out (visa, no IMGs) is the caller's
 * check (screenedOut), done before.
 */
export function pairLogOdds(
  base: number,
  score: number,
  isImg: boolean,
  needsVisa: boolean,
  flags: number,
  typicalStep2: number,
  imgEffect: number,
  house: number,
  yearsLeaning: number,
  attemptsLeaning: number,
  usceLeaning: number,
  parameters: ModelParameters,
): number {
  let logOdds = base + house;
  if (score === score) logOdds += step2Effect(score, typicalStep2, parameters);
  if (isImg) logOdds += imgEffect;
  if (needsVisa) logOdds += parameters.interview.visa.sponsorshipKnown;
  if (flags !== 0) {
    if ((flags & LEANS_YEARS) !== 0) logOdds += yearsLeaning;
    if ((flags & LEANS_ATTEMPTS) !== 0) logOdds += attemptsLeaning;
    if ((flags & LEANS_USCE) !== 0) logOdds += usceLeaning;
  }
  return logOdds;
}

/**
 * The log-odds of an interview for one applicant at one program whose facts are all known; −Infinity when the
 * program screens the applicant out. `extra` is what only the applicant knows about the pair: ties, stated
 * preference, network and a signal (interview-model.ts).
 */
export function screeningLogOdds(
  applicant: ApplicantScreen,
  program: ProgramTruth,
  extra: number,
  parameters: ModelParameters,
): number {
  if (screenedOut(applicant, program)) return Number.NEGATIVE_INFINITY;
  return (
    extra +
    pairLogOdds(
      applicant.base,
      applicant.score,
      applicant.isImg,
      applicant.visa !== 0,
      leaningFlags(applicant),
      program.typicalStep2,
      applicant.isImg ? imgShareEffect(program.imgShare, parameters) : 0,
      program.house,
      program.yearsLeaning,
      program.attemptsLeaning,
      program.usceLeaning,
      parameters,
    )
  );
}
