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
 *   the same L is a weaker standing), the leanings that raise the L of everyone who shares your trait (years since
 *   graduation, failed attempts, little USCE), typical score and size; one logistic regression per applicant type.
 * A single curve in L alone over-stated an IMG's chance with one interview by 25 points, and a regression without
 * the "open" part under-stated a weak applicant's by as much. Without the shared leanings, a U.S. IMG with little
 * USCE and 8 interviews was put 21 points above the simulated Match of the same list (agreement.test.ts).
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
  /**
   * Per unit of L × IMG-share effect, and of its square: standing at IMG-friendly programs bends too (for an IMG the
   * effect is part of L; for a U.S. graduate it is the IMGs it brings in).
   */
  readonly logOddsImg: number;
  readonly imgSquared: number;
  /** Per unit of the program's house leaning. */
  readonly house: number;
  /** Per unit of the program's IMG-share effect. */
  readonly imgEffect: number;
  /**
   * Per unit of S, the program's leanings that apply to this applicant (years since graduation, failed attempts,
   * little USCE: LEANS_* in screening.ts), of S² and of L × S. A leaning raises the L of every applicant who shares
   * the trait, so an interview it explains is a weaker standing than the same L from the applicant's own record.
   */
  readonly leaning: number;
  readonly leaningSquared: number;
  readonly logOddsLeaning: number;
  /** Per unit of house leaning × S, and of L × house leaning²: the two kinds of leaning compound. */
  readonly houseLeaning: number;
  readonly logOddsHouseSquared: number;
  /** Per unit of max(0, WEAK_KNOT − L): a standing far below the programs' usual interviewees bends on its own. */
  readonly weakTail: number;
  /** Per 10 points of the program's typical Step 2 CK above 240. */
  readonly typical: number;
  /** Per 6 positions, and per unit of ln(positions / 6): a place's chance bends with size (capacityTerms). */
  readonly capacity: number;
  readonly logCapacity: number;
}

/** Where the weak tail of the standing starts (log-odds of an interview). */
export const WEAK_KNOT = -2;

export interface OpenPlaceCoefficients {
  readonly intercept: number;
  readonly house: number;
  /**
   * Per unit of house leaning². A linear fit put a 3–6% chance of an open place where simulated Matches leave 0–2%
   * (programs that interview widely, tiny ones, IMG-heavy ones), which is most of a weak applicant's chance.
   */
  readonly houseSquared: number;
  /** Per unit of the program's IMG-share effect (whoever applies: IMG-friendly programs fill differently), and of its square. */
  readonly imgEffect: number;
  readonly imgSquared: number;
  readonly typical: number;
  /** Per 6 positions and per unit of ln(positions / 6). */
  readonly capacity: number;
  readonly logCapacity: number;
  /** Per unit of each of the program's leanings: a leaning brings in more interviewees of that kind. */
  readonly yearsLeaning: number;
  readonly attemptsLeaning: number;
  readonly usceLeaning: number;
}

export interface ReachCoefficients {
  readonly ranked: number;
  readonly open: OpenPlaceCoefficients;
  readonly above: Readonly<Record<ApplicantType, ReachCoefficientRow>>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The size terms both parts read: positions / 6 and ln(positions / 6). */
export function capacityTerms(
  positions: number,
  row: { readonly capacity: number; readonly logCapacity: number },
): number {
  const size = positions / 6;
  return row.capacity * size + row.logCapacity * Math.log(size);
}

/** A program's true facts as the reach model reads them. */
export interface ReachProgram {
  readonly house: number;
  /** imgShareEffect of the program's IMG share, whoever the applicant is. */
  readonly imgEffect: number;
  readonly typicalStep2: number;
  readonly positions: number;
  /** The program's leanings (0 when absent). */
  readonly yearsLeaning?: number;
  readonly attemptsLeaning?: number;
  readonly usceLeaning?: number;
}

/**
 * q for one interview at a program whose facts are all known. `leaning` is S: the sum of the program's leanings
 * that apply to this applicant (already part of `logOdds`).
 */
export function reachChance(
  type: ApplicantType,
  logOdds: number,
  program: ReachProgram,
  leaning = 0,
  coefficients: ReachCoefficients = FITTED.reach,
): number {
  if (logOdds === Number.NEGATIVE_INFINITY) return 0;
  const o = coefficients.open;
  const a = coefficients.above[type];
  const typical = (program.typicalStep2 - 240) / 10;
  const open = sigmoid(
    o.intercept +
      o.house * program.house +
      o.houseSquared * program.house ** 2 +
      o.imgEffect * program.imgEffect +
      o.imgSquared * program.imgEffect ** 2 +
      o.typical * typical +
      capacityTerms(program.positions, o) +
      o.yearsLeaning * (program.yearsLeaning ?? 0) +
      o.attemptsLeaning * (program.attemptsLeaning ?? 0) +
      o.usceLeaning * (program.usceLeaning ?? 0),
  );
  const above = sigmoid(
    a.intercept +
      a.logOdds * logOdds +
      a.logOddsSquared * logOdds * logOdds +
      a.logOddsHouse * logOdds * program.house +
      a.houseSquared * program.house * program.house +
      a.logOddsImg * logOdds * program.imgEffect +
      a.imgSquared * program.imgEffect ** 2 +
      a.house * program.house +
      a.imgEffect * program.imgEffect +
      a.typical * typical +
      capacityTerms(program.positions, a) +
      a.leaning * leaning +
      a.leaningSquared * leaning * leaning +
      a.logOddsLeaning * logOdds * leaning +
      a.houseLeaning * program.house * leaning +
      a.logOddsHouseSquared * logOdds * program.house ** 2 +
      a.weakTail * Math.max(0, WEAK_KNOT - logOdds),
  );
  return coefficients.ranked * (open + (1 - open) * above);
}
