import { FITTED } from '../model/fitted.js';
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
      readonly comlexMean: number;
      readonly comlexSd: number;
      readonly step2NationalMean: number;
      readonly step2NationalSd: number;
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
      readonly sponsorshipKnown: number;
    };
    readonly imgShare: {
      readonly nationalShare: number;
      readonly slope: number;
      readonly clampLow: number;
      readonly clampHigh: number;
    };
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
    readonly bandLow: number;
    readonly bandHigh: number;
  };
  readonly match: {
    /** The interview-count distribution shown is tracked 0..maxInterviews ("or more" last). */
    readonly maxInterviews: number;
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
     * CALIBRATED, not published: fitted (src/core/model/fit-model.ts, `npm run model:fit`) so that the one
     * applicant population (model/population.ts, whose counts are assumptions) in the simulated 2024 family
     * medicine Match fills positions by group as published (nrmp-fm L11). The values live in model/fitted.ts,
     * which a test regenerates. For comparison, the PD survey line "Accreditation status of the applicant's
     * medical school" 51% (4.2), nrmp-fm L40, would put IMGs pdWeight(0.51, 4.2) = 1.22 below U.S. graduates.
     */
    intercept: FITTED.intercept,
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
      /**
       * A DO with COMLEX Level 2-CE only is compared on it: the score is mapped to the Step 2 CK at the same national
       * percentile, with this extra uncertainty (programs read COMLEX differently). ASSUMPTION: the national means
       * and SDs below (COMLEX Level 2-CE about 580 ± 85, Step 2 CK about 245 ± 15); the NBOME and USMLE score reports
       * that give them were not in front of us, and no official concordance exists.
       */
      comlexOnlySd: 0.4,
      comlexMean: 580,
      comlexSd: 85,
      step2NationalMean: 245,
      step2NationalSd: 15,
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
      /**
       * PD survey "Visa status" 37% (3.9), nrmp-fm L44: what remains where the program sponsors. Where sponsorship
       * is unknown, the chance a program sponsors (model/program-priors.ts) counts instead: a program that does not
       * screens a visa-needing applicant out.
       */
      sponsorshipKnown: -pdWeight(0.37, 3.9),
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
    },
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
    /**
     * The range shown is the 10th to 90th percentile of P(interview) over what is unknown about the program (an 80%
     * range), from the same quadrature points as the point (model/unknown-facts.ts).
     */
    bandLow: 0.1,
    bandHigh: 0.9,
  },
  match: {
    /** Display only: the interview-count chart stops at 40 ("40 or more"). */
    maxInterviews: 40,
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
    /** Value judgement: fit only breaks exact ties unless you ask it to weigh more (settings.fitTolerance). */
    fitTolerance: 0,
    /** How far the P(match) curve runs past the budget, to show what more money would buy. */
    curveBeyondBudget: 20,
    feeSchedule: ERAS_2026_FEE_SCHEDULE,
  },
};
