import type { ApplicantType } from '../profile/applicant-profile.js';
import { FITTED } from './fitted.js';

/**
 * q: the chance that an interview ends with the applicant above the program's last matched rank (or the program
 * has places left) — "the offer reaches you". An applicant matches exactly when at least one interviewed program's
 * offer reaches them (that is what stability means), and programs' interview-day views are independent, so
 * P(match | interviews at S) = 1 − Π_{p∈S} (1 − q_p).
 *
 * q is read off simulated Matches of the one market (fit-model.ts) as a logistic regression per applicant type on
 * what decides it there: the applicant's screening log-odds L at the program, and the program's own level — its
 * house leaning and IMG-share effect raise everyone's L there (so the same L is a weaker standing), its typical
 * score and its size. A single curve in L alone over-stated an IMG's chance with one interview by 25 points.
 */
export interface ReachCoefficientRow {
  readonly intercept: number;
  /** Per unit of the applicant's screening log-odds at the program (without a signal). */
  readonly logOdds: number;
  /** Per unit of the program's house leaning. */
  readonly house: number;
  /** Per unit of the program's IMG-share effect (IMGs only). */
  readonly imgEffect: number;
  /** Per 10 points of the program's typical Step 2 CK above 240. */
  readonly typical: number;
  /** Per 6 positions. */
  readonly capacity: number;
}

export type ReachCoefficients = Readonly<Record<ApplicantType, ReachCoefficientRow>>;

/** Linear predictor of q on the logistic scale. */
export function reachPredictor(
  row: ReachCoefficientRow,
  logOdds: number,
  house: number,
  imgEffect: number,
  typicalStep2: number,
  positions: number,
): number {
  return (
    row.intercept +
    row.logOdds * logOdds +
    row.house * house +
    row.imgEffect * imgEffect +
    (row.typical * (typicalStep2 - 240)) / 10 +
    (row.capacity * positions) / 6
  );
}

export function reachChance(
  type: ApplicantType,
  logOdds: number,
  program: { house: number; imgEffect: number; typicalStep2: number; positions: number },
  coefficients: ReachCoefficients = FITTED.reach,
): number {
  if (logOdds === Number.NEGATIVE_INFINITY) return 0;
  const z = reachPredictor(
    coefficients[type],
    logOdds,
    program.house,
    program.imgEffect,
    program.typicalStep2,
    program.positions,
  );
  return 1 / (1 + Math.exp(-z));
}
