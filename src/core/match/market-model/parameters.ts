import {
  CALIBRATION_MARKET,
  CALIBRATION_POPULATION,
  DEFAULT_PARAMETERS,
  pdWeight,
} from '../../smartpick/model-parameters.js';

/**
 * Every number the family medicine Match market simulator uses, in one place, each with its source or the
 * assumption behind it. "nrmp-fm Lnn" names a line of shared/data/nrmp-family-medicine.md (published national
 * figures); "PD survey" is the NRMP Program Director Survey 2024 as quoted there. Numbers shared with SmartPick
 * are imported from smartpick/model-parameters.ts so the two models cannot drift apart silently.
 * docs/model-card.md, "Match market simulator", lists them with the measured calibration gaps.
 */

/** Applicant types of the market. Index = the Int8Array label the simulator outputs. */
export const MARKET_APPLICANT_TYPES = ['us-md', 'us-do', 'us-img', 'non-us-img', 'previous-us-grad'] as const;
export type MarketApplicantType = (typeof MARKET_APPLICANT_TYPES)[number];
export const MARKET_TYPE = {
  'us-md': 0,
  'us-do': 1,
  'us-img': 2,
  'non-us-img': 3,
  'previous-us-grad': 4,
} as const satisfies Record<MarketApplicantType, number>;
export const MARKET_TYPE_COUNT = MARKET_APPLICANT_TYPES.length;

export const MARKET_TYPE_LABELS: Record<MarketApplicantType, string> = {
  'us-md': 'U.S. MD senior',
  'us-do': 'DO senior',
  'us-img': 'U.S. IMG',
  'non-us-img': 'Non-U.S. IMG',
  'previous-us-grad': 'Previous U.S. grad',
};

/** Published 2024 family medicine Main Match figures: the calibration targets (facts, not parameters). */
export const FM_2024 = {
  /** nrmp-fm L8: categorical and combined family medicine positions offered. */
  positions: 5231,
  /** nrmp-fm L10: "nearly 800" programs offered positions; 800 is our rounding. */
  programs: 800,
  /** nrmp-fm L9: positions filled in the Main Match (fill rate 88%). */
  filled: 4595,
  /**
   * nrmp-fm L11-12: filled by U.S. MD seniors 1,535; DO seniors 1,493; U.S. IMGs 749; non-U.S. IMGs 706;
   * previous graduates of U.S. MD and DO schools 112. In MARKET_APPLICANT_TYPES order.
   */
  filledByType: [1535, 1493, 749, 706, 112],
} as const;

/** Parameters of one synthetic market. Plain data so it crosses to worker threads unchanged. */
export interface MarketParameters {
  readonly programCount: number;
  /** Discrete program-size distribution: sizes[i] positions with weight weights[i]. */
  readonly programSizes: { readonly sizes: readonly number[]; readonly weights: readonly number[] };
  /** Applicants who rank family medicine, per type (MARKET_APPLICANT_TYPES order). */
  readonly applicants: readonly number[];
  /** Latent applicant strength ~ Normal(mean, sd) per type: one number standing for scores, letters, USCE… */
  readonly strengthMean: readonly number[];
  readonly strengthSd: number;
  /**
   * Programs each applicant applies to, middle value: per applicant a length is drawn uniformly from half to one
   * and a half times it, and each program is on the list independently with chance length / programCount.
   */
  readonly listLength: readonly number[];
  readonly interview: {
    /** Log-odds of an interview for an applicant of strength equal to the program's competitiveness, per type. */
    readonly intercept: readonly number[];
    /** Log-odds per unit of (applicant strength − program competitiveness). */
    readonly strengthSlope: number;
    /** Log-odds change for a visa-needing applicant at a program that sponsors / does not sponsor. */
    readonly visaSponsoring: number;
    readonly visaNotSponsoring: number;
  };
  /** Share of each type needing a visa (only non-U.S. IMGs). */
  readonly needsVisa: readonly number[];
  /** Share of programs sponsoring visas. */
  readonly programSponsorsVisa: number;
  /** Chance a program leaves an interviewee off its rank list (any reason other than visa). */
  readonly programSkipsInterviewee: number;
  /** SD of the noise on a program's view of an interviewee's strength. */
  readonly programRankNoiseSd: number;
  /** SD of the noise on an applicant's view of a program's desirability. */
  readonly applicantRankNoiseSd: number;
  /** Correlation of program competitiveness with program desirability. */
  readonly competitivenessFromDesirability: number;
  /** Share of applicants who enter as a couple with another applicant of the same type. */
  readonly coupleShare: number;
  /** Most lines on a couple's rank order list. */
  readonly coupleMaxLines: number;
}

/**
 * The FM 2024 market. CALIBRATED where it says so: applicant counts and strength means were tuned by hand (seeded
 * runs of calibration.test.ts) until the simulated filled shares by type and the fill rate came within a point or
 * two of FM_2024; the other values are assumptions or borrowed from SmartPick.
 */
export const FM_MARKET_PARAMETERS: MarketParameters = {
  programCount: FM_2024.programs,
  /**
   * ASSUMPTION (shape): most family medicine programs take 4-8 residents a year, a few take 12-20. Weights chosen
   * so the mean is 6.54 positions, i.e. 800 programs offer about 5,231 positions (nrmp-fm L8, L10).
   */
  programSizes: {
    sizes: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20],
    weights: [3, 8, 17, 14, 16, 10, 12, 5, 6, 5, 2, 1.2, 0.5],
  },
  /**
   * ASSUMPTION, CALIBRATED: nrmp-fm gives matched counts, not how many ranked family medicine. Started from
   * SmartPick's CALIBRATION_POPULATION (1,650 / 1,650 / 1,350 / 2,600, itself an assumption) plus 400 previous
   * U.S. graduates, then tuned by hand on seeded runs until simulated filled counts by type and the fill rate came
   * within a point of nrmp-fm L9-12. Implied family medicine match rates: about 88% (MD, DO), 68% (U.S. IMG), 44%
   * (non-U.S. IMG), 50% (previous graduates).
   */
  applicants: [1750, 1720, 1080, 1600, 220],
  /**
   * ASSUMPTION, CALIBRATED: strength is a latent z-score (SD 1 within a type), centred on U.S. MD seniors. Start:
   * SmartPick's assumed Step 2 CK means (246 / 240 / 236 / 230, CALIBRATION_POPULATION.step2Mean) over their SD
   * of 13; DO moved from −0.46 to −0.25 in tuning. Previous graduates sit with non-U.S. IMGs (assumption: they
   * went unmatched before).
   */
  strengthMean: [0, -0.25, -10 / 13, -16 / 13, -16 / 13],
  /** ASSUMPTION: one SD for every type, the latent scale's unit. */
  strengthSd: 1,
  /** Shared with SmartPick (CALIBRATION_POPULATION.listLength, an assumption there); previous grads as U.S. IMGs. */
  listLength: [
    CALIBRATION_POPULATION.listLength['us-md'],
    CALIBRATION_POPULATION.listLength['us-do'],
    CALIBRATION_POPULATION.listLength['us-img'],
    CALIBRATION_POPULATION.listLength['non-us-img'],
    CALIBRATION_POPULATION.listLength['us-img'],
  ],
  interview: {
    /**
     * Why SmartPick's scoreInterview() is not called here: it works on one ApplicantFeatures + Program object at a
     * time (string sets, fact lookups), far too slow for ~400,000 applications per market, and its intercepts are
     * fitted to its own factor set, which this model folds into one latent strength. What is shared is the
     * logistic form (sigmoid of summed log-odds) and the PD-survey weights:
     * - U.S. graduates: ASSUMPTION −0.4, so a U.S. senior of a program's own level is interviewed 40% of the time.
     * - IMGs: the same minus PD survey "Accreditation status of the applicant's medical school" 51% (4.2),
     *   nrmp-fm L40 (pdWeight = 1.22).
     * - Previous U.S. graduates: U.S. baseline minus PD survey "Evidence of continuous medical education without
     *   gaps" 57% (3.9), nrmp-fm L38 (SmartPick's yearsSinceGraduation.maxPenalty).
     */
    intercept: [
      -0.4,
      -0.4,
      -0.4 - pdWeight(0.51, 4.2),
      -0.4 - pdWeight(0.51, 4.2),
      -0.4 + DEFAULT_PARAMETERS.interview.yearsSinceGraduation.maxPenalty,
    ],
    /** ASSUMPTION: one latent SD of strength moves the log-odds of an interview by 1.5. */
    strengthSlope: 1.5,
    /** PD survey "Visa status" 37% (3.9), nrmp-fm L44, as in SmartPick (visa.sponsorshipKnown). */
    visaSponsoring: DEFAULT_PARAMETERS.interview.visa.sponsorshipKnown,
    /** PD survey "Ability to work legally in the U.S. without a visa" 47% (4.4), nrmp-fm L42 (SmartPick). */
    visaNotSponsoring: DEFAULT_PARAMETERS.interview.visa.sponsorshipUnknown,
  },
  /** Shared with SmartPick (CALIBRATION_POPULATION.nonUsVisa, an assumption): 70% of non-U.S. IMGs need a J-1 or H-1B. */
  needsVisa: [0, 0, 0, CALIBRATION_POPULATION.nonUsVisa.j1 + CALIBRATION_POPULATION.nonUsVisa.h1b, 0],
  /**
   * Shared with SmartPick (CALIBRATION_MARKET.visaJ1, an assumption): 70% of programs sponsor. A program that does
   * not sponsor never ranks a visa-needing applicant (they could not start), though it may have interviewed them.
   */
  programSponsorsVisa: CALIBRATION_MARKET.visaJ1,
  /** ASSUMPTION: programs leave 5% of interviewees off their lists (poor interview, red flags, "do not rank"). */
  programSkipsInterviewee: 0.05,
  /** ASSUMPTION: a program's read of an applicant after the interview is off by 0.5 latent SD. */
  programRankNoiseSd: 0.5,
  /** ASSUMPTION: applicants' tastes (location, partner, feel) weigh about as much as desirability: SD 1. */
  applicantRankNoiseSd: 1,
  /** ASSUMPTION: desirable programs are the competitive ones (correlation 0.8). */
  competitivenessFromDesirability: 0.8,
  /**
   * ASSUMPTION: 3% of family medicine applicants enter as a couple with another family medicine applicant of the
   * same type (NRMP reports roughly 2,000 couples a year over all specialties; the family medicine share is not in
   * shared/data). Partners in other specialties are outside this single-specialty market.
   */
  coupleShare: 0.03,
  /** ASSUMPTION: couples rank up to 40 pairs (every pair of interviewed programs, best rank-sum first). */
  coupleMaxLines: 40,
};

/** Mean program size of a size distribution. */
export function meanProgramSize(parameters: MarketParameters): number {
  const { sizes, weights } = parameters.programSizes;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < sizes.length; i++) {
    total += weights[i] ?? 0;
    weighted += (weights[i] ?? 0) * (sizes[i] ?? 0);
  }
  return weighted / total;
}
