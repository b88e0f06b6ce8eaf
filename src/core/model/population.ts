import type { ApplicantType } from '../profile/applicant-profile.js';

/**
 * The one applicant population of the family medicine Match: who ranks family medicine programs, and how their
 * files look. SmartPick's calibration, the market simulator and the rank-list odds all draw from this table, so
 * every probability Matchwise shows assumes the same world.
 *
 * Published figures give how many of each group MATCHED (fm-figures.ts), not how many applied, so every count and
 * spread below is an ASSUMPTION unless its comment names a source; docs/model-card.md lists them. The interview
 * intercepts are then fitted (fit-model.ts) so that this population, in the simulated Match, fills positions as
 * the published year did.
 */
export const POPULATION_GROUPS = ['us-md', 'us-do', 'us-img', 'non-us-img', 'previous-us-grad'] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];
export const GROUP_COUNT = POPULATION_GROUPS.length;
export const GROUP_INDEX: Record<PopulationGroup, number> = {
  'us-md': 0,
  'us-do': 1,
  'us-img': 2,
  'non-us-img': 3,
  'previous-us-grad': 4,
};

export const GROUP_LABELS: Record<PopulationGroup, string> = {
  'us-md': 'U.S. MD senior',
  'us-do': 'DO senior',
  'us-img': 'U.S. IMG',
  'non-us-img': 'Non-U.S. IMG',
  'previous-us-grad': 'Previous U.S. grad',
};

/** The applicant type whose interview intercept a group uses: previous U.S. graduates are U.S. MDs/DOs with years since graduation. */
export const GROUP_TYPE: Record<PopulationGroup, ApplicantType> = {
  'us-md': 'us-md',
  'us-do': 'us-do',
  'us-img': 'us-img',
  'non-us-img': 'non-us-img',
  'previous-us-grad': 'us-md',
};

type PerGroup<T> = Readonly<Record<PopulationGroup, T>>;

export interface Population {
  /** Applicants who rank family medicine programs. */
  readonly applicants: PerGroup<number>;
  /** Step 2 CK (or its COMLEX equivalent for DOs): normal mean per group, one SD. */
  readonly step2Mean: PerGroup<number>;
  readonly step2Sd: number;
  readonly step2Range: readonly [number, number];
  /** Years between graduation and the Match: [years, weight] pairs. */
  readonly yearsSinceGraduation: PerGroup<readonly (readonly [number, number])[]>;
  /** Share with one failed exam attempt. */
  readonly oneFailure: PerGroup<number>;
  /** Hands-on U.S. clinical experience (IMGs): whole months uniform from 0 to this. */
  readonly maxHandsOnMonths: PerGroup<number>;
  readonly maxObservershipMonths: number;
  /** Letters: U.S. letters and family medicine letters, each 0..3. */
  readonly letters: PerGroup<{ readonly us: number; readonly inSpecialty: number }>;
  /** Non-U.S. IMGs needing a J-1 / H-1B (the rest need none: green card, EAD). */
  readonly nonUsVisa: { readonly j1: number; readonly h1b: number };
  /** Family medicine programs applied to: per applicant uniform from half to one and a half times this. */
  readonly listLength: PerGroup<number>;
  /** Share of applicants who enter as a couple with another family medicine applicant of the same group. */
  readonly coupleShare: number;
  /** Most lines on a couple's rank order list. */
  readonly coupleMaxLines: number;
}

export const POPULATION: Population = {
  /**
   * ASSUMPTION (the central one): how many rank family medicine. Chosen so the implied family medicine match rates
   * are U.S. MD about 93%, DO about 90%, U.S. IMG about 65% (NRMP's 2024 PGY-1 rate over all specialties was 67.0%,
   * not in shared/data), non-U.S. IMG about 28% (many apply to family medicine as a second specialty; with fewer,
   * the fitted intercept put a non-U.S. IMG without a visa need above a U.S. IMG, which no published factor
   * supports) and previous U.S. graduates about 70%. The intercepts are fitted to whatever these are.
   */
  applicants: { 'us-md': 1650, 'us-do': 1650, 'us-img': 1150, 'non-us-img': 2500, 'previous-us-grad': 160 },
  /**
   * ASSUMPTION anchored on the mean Step 2 CK of matched IMGs in family medicine in 2024, 240 (U.S. IMG) and 232
   * (non-U.S. IMG), as quoted by Match A Resident (not in shared/data), lowered a little for the unmatched.
   */
  step2Mean: { 'us-md': 246, 'us-do': 240, 'us-img': 236, 'non-us-img': 230, 'previous-us-grad': 232 },
  step2Sd: 13,
  step2Range: [196, 280],
  /** ASSUMPTION; U.S. seniors graduate the year of the Match. */
  yearsSinceGraduation: {
    'us-md': [[0, 1]],
    'us-do': [[0, 1]],
    'us-img': [
      [0, 50],
      [1, 20],
      [2, 10],
      [3, 6],
      [4, 4],
      [5, 4],
      [6, 3],
      [8, 3],
    ],
    'non-us-img': [
      [0, 20],
      [1, 20],
      [2, 15],
      [3, 12],
      [4, 8],
      [5, 8],
      [7, 9],
      [10, 8],
    ],
    'previous-us-grad': [
      [1, 50],
      [2, 25],
      [3, 15],
      [5, 10],
    ],
  },
  /**
   * ASSUMPTION near the first-attempt Step 1 pass rates of matched IMGs (93.3% U.S. IMG, 91.0% non-U.S.), quoted by
   * Match A Resident (not in shared/data).
   */
  oneFailure: { 'us-md': 0.03, 'us-do': 0.05, 'us-img': 0.1, 'non-us-img': 0.1, 'previous-us-grad': 0.15 },
  /** ASSUMPTION. U.S. graduates' clerkships are U.S. clinical experience by definition (0 here, unused). */
  maxHandsOnMonths: { 'us-md': 0, 'us-do': 0, 'us-img': 8, 'non-us-img': 6, 'previous-us-grad': 0 },
  maxObservershipMonths: 3,
  /**
   * ASSUMPTION: U.S. graduates have 3 U.S. letters, 2 of them in family medicine; IMGs earn about one U.S. letter
   * per two months of hands-on USCE (up to 3), the same count in family medicine.
   */
  letters: {
    'us-md': { us: 3, inSpecialty: 2 },
    'us-do': { us: 3, inSpecialty: 2 },
    'us-img': { us: -1, inSpecialty: -1 },
    'non-us-img': { us: -1, inSpecialty: -1 },
    'previous-us-grad': { us: 3, inSpecialty: 2 },
  },
  /** ASSUMPTION: 70% of non-U.S. IMGs need a visa. */
  nonUsVisa: { j1: 0.6, h1b: 0.1 },
  /** ASSUMPTION: middle values of family medicine list lengths. */
  listLength: { 'us-md': 30, 'us-do': 40, 'us-img': 70, 'non-us-img': 80, 'previous-us-grad': 60 },
  /**
   * ASSUMPTION: 3% enter as a couple with a family medicine applicant of the same group (NRMP reports roughly 2,000
   * couples a year over all specialties; the family medicine share is not in shared/data).
   */
  coupleShare: 0.03,
  coupleMaxLines: 40,
};

/** Letters an IMG with this many hands-on months is assumed to hold (POPULATION.letters says why). */
export function imgLettersFor(handsOnMonths: number): number {
  return Math.min(3, Math.round(handsOnMonths / 2));
}
