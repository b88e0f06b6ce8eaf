import type { ProgramFactKey } from '../catalog/program.js';

/** What the applicant's network holds at one program; supplied by the caller, keyed by ACGME id. */
export interface ProgramConnections {
  /** The applicant rotated (audition elective, hands-on USCE) there. */
  rotated: boolean;
  /** One of the applicant's letter writers works there. */
  letterWriter: boolean;
  /** The applicant knows someone there (resident, faculty, alumnus) who can speak for them. */
  contact: boolean;
}

export type ConnectionsById = Readonly<Record<string, ProgramConnections>>;

export const NO_CONNECTIONS: ProgramConnections = Object.freeze({
  rotated: false,
  letterWriter: false,
  contact: false,
});

/** The factors of the interview model, in the order they are reported. */
export const FACTOR_IDS = [
  'applicant-type',
  'step2ck',
  'years-since-graduation',
  'failed-attempts',
  'usce',
  'us-letters',
  'visa',
  'img-share',
  'geographic-ties',
  'geographic-preference',
  'rotated-here',
  'letter-writer-here',
  'contact-here',
  'signal',
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/** One factor's signed push on the log-odds of an interview, with the reason in words. */
export interface FactorContribution {
  factor: FactorId;
  /** Added to the log-odds; positive helps. */
  logOdds: number;
  reason: string;
}

/** P(interview) at one program, its 80% band, and why. */
export interface InterviewEstimate {
  probability: number;
  /** 80% band [low, high]; wider for each program fact that is unknown. */
  range: [number, number];
  logOdds: number;
  contributions: FactorContribution[];
  /** Program facts that were unknown and widened the band. */
  unknownFacts: ProgramFactKey[];
}

export type Tier = 'reach' | 'target' | 'likely';
