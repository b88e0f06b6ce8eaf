import type { ApplicantType } from '../profile/applicant-profile.js';
import { FITTED } from './fitted.js';

/**
 * q: the chance that an interview ends with the program willing to take you at the end of the Match — "the offer
 * reaches you". An applicant matches exactly when at least one interviewed program would take them (that is what
 * stability means), and programs' interview-day views are independent, so
 * P(match | interviews at S) = 1 − Π_{p∈S} (1 − q_p).
 *
 * q is read off simulated Matches of the one market (fit-model.ts) in two parts, because they behave differently:
 *   q = ranked × [open + (1 − open) × above]
 * - ranked: the share of interviewees a program ranks at all;
 * - open: the chance the program ends the Match with a place left (it then takes anyone it ranked) — about one in
 *   eight family medicine positions goes unfilled, which puts a floor under a weak applicant's chance;
 * - above: at a program that fills, the chance you rank at or above its last matched applicant, by your screening
 *   log-odds L there and the program's level (its house leaning and IMG-share effect raise everyone's L there, so
 *   the same L is a weaker standing), typical score and size; one logistic regression per applicant type.
 * A single curve in L alone over-stated an IMG's chance with one interview by 25 points, and a regression without
 * the "open" part under-stated a weak applicant's by as much.
 */
export interface ReachCoefficientRow {
  readonly intercept: number;
  /** Per unit of the applicant's screening log-odds at the program (without a signal). */
  readonly logOdds: number;
  /** Per unit of L² (the standing's effect bends at both ends). */
  readonly logOddsSquared: number;
  /** Per unit of L × house leaning, and of house leaning²: where an interview reveals a program's leaning. */
  readonly logOddsHouse: number;
  readonly houseSquared: number;
  /** Per unit of L × IMG-share effect, and of its square (IMGs): standing at IMG-friendly programs bends too. */
  readonly logOddsImg: number;
  readonly imgSquared: number;
  /** Per unit of the program's house leaning. */
  readonly house: number;
  /** Per unit of the program's IMG-share effect (IMGs only). */
  readonly imgEffect: number;
  /** Per 10 points of the program's typical Step 2 CK above 240. */
  readonly typical: number;
  /** Per 6 positions. */
  readonly capacity: number;
}

export interface OpenPlaceCoefficients {
  readonly intercept: number;
  readonly house: number;
  /** Per unit of the program's IMG-share effect (whoever applies: IMG-friendly programs fill differently). */
  readonly imgEffect: number;
  readonly typical: number;
  readonly capacity: number;
}

export interface ReachCoefficients {
  readonly ranked: number;
  readonly open: OpenPlaceCoefficients;
  readonly above: Readonly<Record<ApplicantType, ReachCoefficientRow>>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** q for one interview at a program whose facts are all known. */
export function reachChance(
  type: ApplicantType,
  logOdds: number,
  /** `imgEffect`: imgShareEffect of the program's IMG share, whoever the applicant is. */
  program: { house: number; imgEffect: number; typicalStep2: number; positions: number },
  coefficients: ReachCoefficients = FITTED.reach,
): number {
  const isImg = type === 'us-img' || type === 'non-us-img';
  if (logOdds === Number.NEGATIVE_INFINITY) return 0;
  const o = coefficients.open;
  const a = coefficients.above[type];
  const typical = (program.typicalStep2 - 240) / 10;
  const size = program.positions / 6;
  const open = sigmoid(
    o.intercept +
      o.house * program.house +
      o.imgEffect * program.imgEffect +
      o.typical * typical +
      o.capacity * size,
  );
  const above = sigmoid(
    a.intercept +
      a.logOdds * logOdds +
      a.logOddsSquared * logOdds * logOdds +
      a.logOddsHouse * logOdds * program.house +
      a.houseSquared * program.house * program.house +
      (isImg ? a.logOddsImg * logOdds * program.imgEffect + a.imgSquared * program.imgEffect ** 2 : 0) +
      a.house * program.house +
      (isImg ? a.imgEffect * program.imgEffect : 0) +
      a.typical * typical +
      a.capacity * size,
  );
  return coefficients.ranked * (open + (1 - open) * above);
}
