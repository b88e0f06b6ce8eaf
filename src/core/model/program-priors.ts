import { DEFAULT_PARAMETERS, NATIONAL_FM_IMG_SHARE } from '../smartpick/model-parameters.js';

/**
 * What Matchwise assumes about a family medicine program it knows nothing about: the prior every unknown program
 * fact is drawn from in the simulated Match, and integrated over in SmartPick (unknown-facts.ts). One table, so a
 * fact that is unknown on My list and a fact drawn in the simulator come from the same distribution.
 * Numbers are ASSUMPTIONS unless a comment names a source.
 */
export interface ProgramPriors {
  /** Positions: sizes[i] with weight weights[i]. */
  readonly sizes: { readonly values: readonly number[]; readonly weights: readonly number[] };
  /** Typical Step 2 CK of a program's interviewees: normal. */
  readonly typicalStep2Mean: number;
  readonly typicalStep2Sd: number;
  /** IMG share of residents: a mixture of uniform pieces. */
  readonly imgShareMixture: readonly {
    readonly weight: number;
    readonly low: number;
    readonly high: number;
  }[];
  /** A program with an IMG share below this says it does not consider IMGs with chance noImgsChance. */
  readonly noImgsWhenShareBelow: number;
  readonly noImgsChance: number;
  /** Chance a program sponsors the J-1 / the H-1B. */
  readonly sponsorsJ1: number;
  readonly sponsorsH1b: number;
  /**
   * SD of a program's own leaning on the interview log-odds that no national fact explains (its "house" view), and
   * of its leaning on time since graduation, failed attempts and little USCE (how strict its unstated limits are).
   */
  readonly houseSd: number;
  readonly yearsLeaningSd: number;
  readonly attemptsLeaningSd: number;
  readonly usceLeaningSd: number;
  /** Correlation of a program's desirability to applicants with its typical Step 2 CK. */
  readonly desirabilityScoreCorrelation: number;
  /** Chance a program leaves an interviewee off its rank list for reasons outside the model. */
  readonly skipInterviewee: number;
  /** SD of what the interview day adds to a program's view of an applicant, on the log-odds scale. */
  readonly rankNoiseSd: number;
  /** SD of an applicant's taste for a program beyond its desirability (location, partner, feel). */
  readonly tasteSd: number;
}

const interview = DEFAULT_PARAMETERS.interview;

export const PROGRAM_PRIORS: ProgramPriors = {
  /**
   * ASSUMPTION (shape): most family medicine programs take 4-8 residents a year, a few 12-20. Weights give a mean of
   * 6.54 positions, so 800 programs offer about 5,231 positions (nrmp-fm L8, L10).
   */
  sizes: {
    values: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20],
    weights: [3, 8, 17, 14, 16, 10, 12, 5, 6, 5, 2, 1.2, 0.5],
  },
  /** SmartPick's prior for an unknown typical score (model-parameters.ts says where 240 comes from). */
  typicalStep2Mean: interview.step2.programExpectationPrior,
  typicalStep2Sd: interview.step2.programExpectationSd,
  /** ASSUMPTION: three pieces whose mean, 31.6%, is near the national 31.7% (1,455 of 4,595; nrmp-fm L9, L11). */
  imgShareMixture: [
    { weight: 0.35, low: 0, high: 0.08 },
    { weight: 0.4, low: 0.1, high: 0.5 },
    { weight: 0.25, low: 0.5, high: 0.95 },
  ],
  noImgsWhenShareBelow: 0.02,
  noImgsChance: 0.5,
  sponsorsJ1: 0.7,
  sponsorsH1b: 0.25,
  houseSd: interview.baseSd,
  yearsLeaningSd: interview.yearsSinceGraduation.unknownLimitSd,
  attemptsLeaningSd: interview.failedAttempts.unknownLimitSd,
  usceLeaningSd: interview.usce.unknownMinimumSd,
  desirabilityScoreCorrelation: 0.6,
  /** ASSUMPTION: 5% of interviewees are left off ("do not rank", a poor interview day). */
  skipInterviewee: 0.05,
  /** ASSUMPTION: the interview day moves a program's view by about 0.75 on the log-odds scale (1 SD). */
  rankNoiseSd: 0.75,
  /** ASSUMPTION: applicants' tastes weigh about as much as desirability. */
  tasteSd: 1,
};

/** Mean IMG share of the prior mixture (the card compares it with the national share). */
export function priorMeanImgShare(priors: ProgramPriors = PROGRAM_PRIORS): number {
  let total = 0;
  for (const piece of priors.imgShareMixture) total += (piece.weight * (piece.low + piece.high)) / 2;
  return total;
}

/** Mean positions per program of the size prior. */
export function priorMeanPositions(priors: ProgramPriors = PROGRAM_PRIORS): number {
  let total = 0;
  let weighted = 0;
  priors.sizes.values.forEach((size, i) => {
    const weight = priors.sizes.weights[i] ?? 0;
    total += weight;
    weighted += weight * size;
  });
  return weighted / total;
}

export { NATIONAL_FM_IMG_SHARE };
