import type { ApplicantType } from '../profile/applicant-profile.js';

/**
 * Every number the SmartPick model uses, in one place, each with its source or the assumption behind it.
 *
 * Sources named "nrmp-fm Lnn" are lines of shared/data/nrmp-family-medicine.md (national figures with their
 * public sources). "PD survey" is the NRMP Program Director Survey 2024, family medicine, as quoted there
 * (nrmp-fm L31-48): the share of programs citing a factor in deciding whom to interview and its mean importance
 * (1-5). Anything else is an ASSUMPTION, said so, with how it was chosen. docs/model-card.md lists them all.
 */

/** An application-fee schedule: cost depends only on how many programs of one specialty you apply to. */
export interface FeeTier {
  /** Last program count (inclusive) charged at this rate; null for "and above". */
  readonly upTo: number | null;
  readonly dollarsPerProgram: number;
}

export interface FeeSchedule {
  readonly name: string;
  /** Application season the schedule is for: check it again each cycle. */
  readonly asOf: string;
  readonly source: string;
  /** Paid once whatever the count (e.g. a token fee); 0 when none. */
  readonly fixedDollars: number;
  /** Ascending tiers; the last has upTo null. */
  readonly tiers: readonly FeeTier[];
}

export interface MatchCurveParameters {
  /** Chance that one interview, on its own, ends in a match (the per-interview conversion). */
  readonly perInterview: number;
  /** The most P(match) can reach however many interviews (other ways to fail: ranking, SOAP, withdrawal). */
  readonly ceiling: number;
}

export interface ModelParameters {
  readonly version: string;
  readonly interview: {
    readonly intercept: Readonly<Record<ApplicantType, number>>;
    readonly step2: {
      readonly programExpectationPrior: number;
      readonly programExpectationSd: number;
      readonly logOddsPer10Below: number;
      readonly logOddsPer10Above: number;
      readonly maxBonus: number;
      readonly maxPenalty: number;
      readonly missingScore: number;
      readonly missingScoreSd: number;
      readonly comlexOnlySd: number;
    };
    readonly yearsSinceGraduation: {
      readonly graceYears: number;
      readonly yearsToMaxPenalty: number;
      readonly maxPenalty: number;
      readonly unknownLimitSd: number;
    };
    readonly failedAttempts: {
      readonly firstFailure: number;
      readonly eachFurther: number;
      readonly unknownLimitSd: number;
    };
    readonly usce: {
      readonly weightHandsOn: number;
      readonly weightObservership: number;
      readonly weightResearch: number;
      readonly scale: number;
      readonly saturationMonths: number;
      readonly referenceMonths: number;
      readonly unknownMinimumSd: number;
      readonly checkBelowHandsOnMonths: number;
    };
    readonly letters: {
      readonly weight: number;
      readonly fullCount: number;
      readonly referenceScore: number;
    };
    readonly visa: {
      readonly sponsorshipUnknown: number;
      readonly sponsorshipKnown: number;
      readonly unknownSd: number;
    };
    readonly imgShare: {
      readonly nationalShare: number;
      readonly slope: number;
      readonly clampLow: number;
      readonly clampHigh: number;
      readonly unknownSd: number;
    };
    readonly acceptsImgsUnknownSd: number;
    readonly geography: {
      readonly tiesState: number;
      readonly tiesDivision: number;
      readonly preferredState: number;
      readonly preferredDivision: number;
    };
    readonly signal: number;
    readonly network: {
      readonly rotated: number;
      readonly letterWriter: number;
      readonly contact: number;
      /** Multipliers for the strongest, second and third connection at one program (they overlap). */
      readonly overlapDecay: readonly [number, number, number];
    };
    readonly baseSd: number;
    readonly bandZ: number;
  };
  readonly match: {
    /** Interview counts are tracked 0..maxInterviews; the curve is flat from there on. */
    readonly maxInterviews: number;
    readonly curve: Readonly<Record<ApplicantType, MatchCurveParameters>>;
  };
  readonly tiers: { readonly reachBelow: number; readonly likelyFrom: number };
  readonly fit: {
    readonly weights: {
      readonly geography: number;
      readonly programType: number;
      readonly size: number;
      readonly rural: number;
      readonly stars: number;
    };
    readonly smallUpTo: number;
    readonly largeFrom: number;
  };
  readonly defaults: {
    readonly matchYear: number;
    readonly signals: number;
    readonly stopThreshold: number;
    readonly fitTolerance: number;
    readonly curveBeyondBudget: number;
    readonly feeSchedule: FeeSchedule;
  };
}

/**
 * Turns a PD-survey line into a log-odds weight: share citing × (mean importance − 1) / 4, times one scale.
 * The survey ranks factors; it does not measure effect sizes. So the relative sizes of these weights come from the
 * survey and a single ASSUMPTION sets their absolute size: PD_SCALE = 3, chosen so the strongest network factor
 * (an audition rotation in the department) multiplies the odds of an interview there by about 4 (e^1.46).
 */
export const PD_SCALE = 3;
export const pdWeight = (shareCiting: number, meanImportance: number): number =>
  (PD_SCALE * shareCiting * (meanImportance - 1)) / 4;

/** Share of 2024 family medicine positions filled by IMGs: 1,455 of 4,595 (nrmp-fm L9, L11). */
export const NATIONAL_FM_IMG_SHARE = 1455 / 4595;

/**
 * ERAS residency application fees for the 2026 ERAS season (the season that opened June 2025): $11 per program for
 * programs 1-30 and $30 per program from the 31st, per specialty (AAMC, "Fees for 2026 ERAS Season",
 * students-residents.aamc.org). Not in shared/data. The AAMC sets fees each season: verify before every cycle and
 * edit here or pass your own schedule in the settings. Fixed fees (e.g. the ECFMG token for IMGs, USMLE transcript)
 * are not included: add them as fixedDollars if you want them counted.
 */
export const ERAS_2026_FEE_SCHEDULE: FeeSchedule = {
  name: 'ERAS residency application fees',
  asOf: '2026 ERAS season (June 2025 on)',
  source: 'AAMC, "Fees for 2026 ERAS Season" — verify each cycle',
  fixedDollars: 0,
  tiers: [
    { upTo: 30, dollarsPerProgram: 11 },
    { upTo: null, dollarsPerProgram: 30 },
  ],
};

export const DEFAULT_PARAMETERS: ModelParameters = {
  version: 'smartpick-2026.11-a',
  interview: {
    /**
     * Log-odds of an interview for the reference applicant of each type (Step 2 CK at the program's expectation,
     * graduated this year or last, no failed attempts, 3 months of hands-on USCE for IMGs, 2 of 3 letters U.S. and
     * in the specialty, no visa need, no ties, no signal, no connection) at a program with the national IMG share.
     * CALIBRATED, not published: fitted so that a synthetic 2024 applicant population (calibration.ts, whose
     * applicant counts and list lengths are assumptions) reproduces the 2024 matched counts by applicant type
     * (nrmp-fm L11) — calibration.ts fitIntercepts(); calibration.test.ts checks these values still do. For
     * comparison, the PD survey line "Accreditation status of the applicant's medical school" 51% (4.2),
     * nrmp-fm L40, would put IMGs pdWeight(0.51, 4.2) = 1.22 below U.S. graduates; the fit puts them 0.9 below.
     * See docs/model-card.md "Calibration".
     */
    intercept: { 'us-md': -1.55, 'us-do': -1.6, 'us-img': -2.47, 'non-us-img': -2.45 },
    step2: {
      /**
       * Step 2 CK a family medicine program expects when the program's typical score is unknown. Anchor: the mean
       * Step 2 CK of matched U.S. IMGs in family medicine in 2024 was 240 (Match A Resident, "IMG-Friendly Family
       * Medicine" — the page nrmp-fm L31-33 quotes for the PD survey; the score itself is not in shared/data, and
       * the NRMP Charting Outcomes tables behind it were not in front of us). ASSUMPTION: one prior for all programs.
       */
      programExpectationPrior: 240,
      /** ASSUMPTION: programs' typical scores spread about ±8 points (1 SD) around the prior. */
      programExpectationSd: 8,
      /**
       * ASSUMPTION: each 10 points below the program's expectation lowers the log-odds by 0.8 and each 10 above
       * raises it by 0.4 (screening cut-offs punish a shortfall more than they reward a surplus). Step 2 CK is not
       * among the PD-survey lines we have (nrmp-fm L34-46), so no published figure sets these.
       */
      logOddsPer10Below: 0.8,
      logOddsPer10Above: 0.4,
      /** ASSUMPTION: a surplus stops helping at +30 points; a shortfall stops mattering more at −50 points. */
      maxBonus: 1.2,
      maxPenalty: -4,
      /** ASSUMPTION: no Step 2 CK entered (and no COMLEX Level 2 for a DO): most screens need a score. */
      missingScore: -1,
      missingScoreSd: 0.6,
      /** ASSUMPTION: a DO with COMLEX Level 2 only is treated as at expectation, with this extra uncertainty. */
      comlexOnlySd: 0.4,
    },
    yearsSinceGraduation: {
      /** ASSUMPTION: graduating this year or last carries no penalty. */
      graceYears: 1,
      /** ASSUMPTION: the penalty grows linearly and is complete 5 years past the grace period. */
      yearsToMaxPenalty: 5,
      /** PD survey "Evidence of continuous medical education without gaps" 57% (3.9), nrmp-fm L38. */
      maxPenalty: -pdWeight(0.57, 3.9),
      /** ASSUMPTION: when the program's graduation limit is unknown and you are past grace, SD 0.4. */
      unknownLimitSd: 0.4,
    },
    failedAttempts: {
      /**
       * ASSUMPTION: the first failed attempt (any USMLE/COMLEX exam) lowers the log-odds by 1.2, each further one
       * by 0.6. The PD survey lines in shared/data do not include exam failures.
       */
      firstFailure: -1.2,
      eachFurther: -0.6,
      unknownLimitSd: 0.5,
    },
    usce: {
      /**
       * U.S. clinical experience for IMGs (U.S. graduates' clerkships are USCE by definition, so this factor is 0
       * for them). ASSUMPTION: effective months = hands-on + 0.5 × observership + 0.25 × research; the effect
       * saturates: scale × (1 − e^(−months/4)), centred on 3 effective months (the reference applicant).
       */
      weightHandsOn: 1,
      weightObservership: 0.5,
      weightResearch: 0.25,
      scale: 2,
      saturationMonths: 4,
      referenceMonths: 3,
      unknownMinimumSd: 0.3,
      /** ASSUMPTION: below 6 hands-on months an unknown USCE requirement is worth checking. */
      checkBelowHandsOnMonths: 6,
    },
    letters: {
      /**
       * PD survey "Letters of recommendation in the specialty" 82% (4.1), nrmp-fm L34. Score = half from U.S.
       * letters and half from letters in family medicine, each counted up to 3; centred on 2 of 3 (ASSUMPTION).
       */
      weight: pdWeight(0.82, 4.1),
      fullCount: 3,
      referenceScore: 2 / 3,
    },
    visa: {
      /** PD survey "Ability to work legally in the U.S. without a visa" 47% (4.4), nrmp-fm L42. */
      sponsorshipUnknown: -pdWeight(0.47, 4.4),
      /** PD survey "Visa status" 37% (3.9), nrmp-fm L44: what remains where the program is known to sponsor. */
      sponsorshipKnown: -pdWeight(0.37, 3.9),
      /** ASSUMPTION. */
      unknownSd: 0.6,
    },
    imgShare: {
      /** nrmp-fm L9, L11: 1,455 of 4,595 filled positions went to IMGs in 2024. */
      nationalShare: NATIONAL_FM_IMG_SHARE,
      /**
       * ASSUMPTION: for IMGs, interview log-odds move 0.7 × the program's IMG-share log-odds relative to the
       * national share (proportional odds, damped because a share also reflects who applied there).
       */
      slope: 0.7,
      clampLow: 0.02,
      clampHigh: 0.95,
      /** ASSUMPTION: program IMG shares spread about ±1.5 on the log-odds scale; SD = 0.7 × 1.5. */
      unknownSd: 0.7 * 1.5,
    },
    /** ASSUMPTION: an IMG at a program whose IMG policy is unknown. */
    acceptsImgsUnknownSd: 0.3,
    geography: {
      /** ASSUMPTION (no published FM figure in shared/data): ties to the program's state. */
      tiesState: 0.7,
      /** ASSUMPTION: ties elsewhere in the program's census division. */
      tiesDivision: 0.3,
      /** ASSUMPTION: a stated preference without ties shows a little in the application. */
      preferredState: 0.1,
      preferredDivision: 0.05,
    },
    /**
     * ASSUMPTION: a preference signal multiplies the odds of an interview by e^1 ≈ 2.7. AAMC publishes
     * interview-rate-with-signal analyses of ERAS data; the family medicine figure was not in front of us.
     */
    signal: 1,
    network: {
      /** PD survey "Audition elective/rotation within your department" 59% (4.3), nrmp-fm L37. */
      rotated: pdWeight(0.59, 4.3),
      /** PD survey "Personal prior knowledge of the applicant" 65% (4.2), nrmp-fm L36: a faculty letter writer. */
      letterWriter: pdWeight(0.65, 4.2),
      /** Same survey line at half weight (ASSUMPTION: a contact knows you less well than a letter writer). */
      contact: pdWeight(0.65, 4.2) / 2,
      /** ASSUMPTION: connections at one program overlap (a rotation usually yields a letter). */
      overlapDecay: [1, 0.5, 0.25],
    },
    /** ASSUMPTION: SD of what a national model cannot know about one program, even with every fact known. */
    baseSd: 0.5,
    /** The band is an 80% interval: z = 1.2816. */
    bandZ: 1.2816,
  },
  match: {
    /** ASSUMPTION: a modelling cap; interviews beyond 40 add nothing. */
    maxInterviews: 40,
    /**
     * P(match | n interviews) = ceiling × (1 − (1 − perInterview)^n). ASSUMPTIONS shaped after the NRMP Charting
     * Outcomes "probability of matching by number of contiguous ranks" charts for family medicine, which were not
     * in front of us. The one point we saw quoted (a forum post reading Charting Outcomes for IMGs 2016, family
     * medicine: about 75% for U.S. IMGs and 50% for non-U.S. IMGs at 15 contiguous ranks; unverified) anchors the
     * U.S. IMG curve (77% at 15). The non-U.S. IMG curve is set close to it (73% at 15), above that old point:
     * with it, the synthetic population needs implausibly many interviews (model card, "Calibration"). U.S.
     * seniors: 80% by 4 interviews, 96% by 12. Chosen together with CALIBRATION_POPULATION; see the model card.
     */
    curve: {
      'us-md': { perInterview: 0.35, ceiling: 0.97 },
      'us-do': { perInterview: 0.33, ceiling: 0.965 },
      'us-img': { perInterview: 0.12, ceiling: 0.9 },
      'non-us-img': { perInterview: 0.11, ceiling: 0.88 },
    },
  },
  /** ASSUMPTION (labels, not facts): reach below 10% P(interview), likely from 30%, target between. */
  tiers: { reachBelow: 0.1, likelyFrom: 0.3 },
  fit: {
    /** ASSUMPTION (preference weights, yours to change): stars weigh most, then geography. */
    weights: { geography: 0.3, programType: 0.15, size: 0.1, rural: 0.1, stars: 0.35 },
    /**
     * Size bands around the national mean of about 6.5 positions per program (5,231 positions, nearly 800
     * programs: nrmp-fm L8, L10). ASSUMPTION: small is 5 or fewer, large is 10 or more.
     */
    smallUpTo: 5,
    largeFrom: 10,
  },
  defaults: {
    /** The Match this catalog is for (applications September 2026, Match Day March 2027). Pass the real one. */
    matchYear: 2027,
    /** ASSUMPTION: family medicine uses ERAS preference signals; 5 is a setting to verify each cycle. */
    signals: 5,
    /** Value judgement, yours to change: stop when the next program adds less than 0.1 point of P(match). */
    stopThreshold: 0.001,
    /** Value judgement: fit may pick a program whose chance is within 1% of the best remaining one. */
    fitTolerance: 0.01,
    /** How far the P(match) curve runs past the budget, to show what more money would buy. */
    curveBeyondBudget: 20,
    feeSchedule: ERAS_2026_FEE_SCHEDULE,
  },
};

/**
 * Calibration targets: 2024 family medicine Main Match matched counts by applicant type (nrmp-fm L11; previous
 * graduates of U.S. schools, 112, are left out because their MD/DO split is not given) and the 2023 counts
 * (nrmp-fm L16), held out: not used to fit, only to show year-to-year drift.
 */
export const CALIBRATION_TARGETS = {
  fit2024: { 'us-md': 1535, 'us-do': 1493, 'us-img': 749, 'non-us-img': 706 },
  holdout2023: { 'us-md': 1499, 'us-do': 1514, 'us-img': 793, 'non-us-img': 562 },
  /** Nearly 800 programs offered 5,231 positions in 2024 (nrmp-fm L8, L10). */
  programs: 800,
} as const satisfies {
  fit2024: Record<ApplicantType, number>;
  holdout2023: Record<ApplicantType, number>;
  programs: number;
};

/**
 * The synthetic 2024 applicant population the intercepts are fitted on. EVERY number here is an ASSUMPTION: the
 * shared figures give matched counts, not how many applied. Applicant counts imply family medicine match rates of
 * U.S. MD 93%, DO 90%, U.S. IMG 55% and non-U.S. IMG 27% (many non-U.S. IMGs apply to family medicine as a second
 * specialty). The non-U.S. IMG count was chosen so that its fitted intercept lands next to the U.S. IMG one (the
 * PD survey gives no reason to treat them differently apart from visa, which has its own factor); with 1,550 the
 * fit put a non-U.S. IMG above a U.S. MD. So that count is effectively fitted too. For context, NRMP reported
 * 2024 PGY-1 match rates over all specialties of 67.0% (U.S. IMGs) and 58.5% (non-U.S. IMGs) — not in
 * shared/data. Score means are anchored on the matched-IMG means of 240 (U.S. IMG) and 232 (non-U.S. IMG) quoted
 * by Match A Resident for 2024 (not in shared/data), lowered a little for the unmatched.
 */
export const CALIBRATION_POPULATION = {
  seed: 20240315,
  applicants: { 'us-md': 1650, 'us-do': 1650, 'us-img': 1350, 'non-us-img': 2600 },
  step2Mean: { 'us-md': 246, 'us-do': 240, 'us-img': 236, 'non-us-img': 230 },
  step2Sd: 13,
  /** Share of DO applicants with COMLEX Level 2 and no Step 2 CK. */
  doComlexOnly: 0.2,
  /** Years since graduation: [years, weight] per type (U.S. seniors graduate the year of the Match). */
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
  },
  /** Share with one failed exam attempt (matched first-attempt Step 1 pass: 93.3% U.S. IMG, 91.0% non-U.S.). */
  oneFailure: { 'us-md': 0.03, 'us-do': 0.05, 'us-img': 0.1, 'non-us-img': 0.1 },
  /** IMGs' hands-on USCE months: uniform whole months up to this. */
  maxHandsOnMonths: { 'us-md': 0, 'us-do': 0, 'us-img': 8, 'non-us-img': 6 },
  maxObservershipMonths: 3,
  /** Visa need of non-U.S. IMGs: J-1, H-1B, none (green card etc.). */
  nonUsVisa: { j1: 0.6, h1b: 0.1 },
  /** Chance of ties to one state (chosen like a program's state). */
  ties: { 'us-md': 0.9, 'us-do': 0.9, 'us-img': 0.7, 'non-us-img': 0.2 },
  /** Chance of a rotation with a letter writer at one program on the list (home or away rotation). */
  rotation: { 'us-md': 0.9, 'us-do': 0.9, 'us-img': 0.5, 'non-us-img': 0.3 },
  /** Family medicine programs applied to (middle value; drawn uniformly from half to one and a half times). */
  listLength: { 'us-md': 30, 'us-do': 40, 'us-img': 70, 'non-us-img': 80 },
  /** Applicants look at this many times their list length, at random, and keep the best bets. */
  screenedMultiple: 3,
  signals: 5,
} as const;

/**
 * The synthetic market (about 800 programs, every fact known) the population applies to. ASSUMPTIONS shaped to
 * the national figures: IMG shares drawn from a three-part mixture whose mean is near the national 31.7%.
 */
export const CALIBRATION_MARKET = {
  seed: 5231,
  imgShareMixture: [
    { weight: 0.35, low: 0, high: 0.08 },
    { weight: 0.4, low: 0.1, high: 0.5 },
    { weight: 0.25, low: 0.5, high: 0.95 },
  ],
  /** Programs with almost no IMGs that say they do not consider IMGs at all. */
  noImgsWhenShareBelow: 0.02,
  noImgsChance: 0.5,
  visaJ1: 0.7,
  visaH1b: 0.25,
  typicalStep2Sd: 8,
  minStep2Stated: 0.4,
  maxYearsStated: 0.4,
  maxYearsValues: [3, 5, 7, 10],
  maxAttemptsStated: 0.3,
  minUsceStated: 0.3,
  minUsceValues: [0, 2, 3, 6],
  rural: 0.15,
} as const;
