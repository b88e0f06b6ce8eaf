import type { Program } from '../catalog/program.js';
import {
  APPLICANT_TYPES,
  type ApplicantProfile,
  type ApplicantType,
  emptyProfile,
} from '../profile/applicant-profile.js';
import { applicantFeatures } from './applicant-features.js';
import { applyHardFilters } from './hard-filters.js';
import { applicantTerms, createInterviewWork, scoreInterview } from './interview-model.js';
import { addProgram, emptyDistribution, matchCurve, matchProbabilityOf } from './match-model.js';
import {
  CALIBRATION_MARKET,
  CALIBRATION_POPULATION,
  CALIBRATION_TARGETS,
  type ModelParameters,
} from './model-parameters.js';
import { sigmoid } from './probability.js';
import { normal, SYNTHETIC_STATES, seededRandom, syntheticPrograms, weighted } from './synthetic-market.js';
import { NO_CONNECTIONS, type ProgramConnections } from './types.js';

/**
 * Calibration: a synthetic 2024 applicant population (CALIBRATION_POPULATION, all assumptions) applies to a
 * synthetic market (CALIBRATION_MARKET); the model gives each applicant's P(match | their list); summing by type
 * gives expected matched counts to compare with the published 2024 counts (nrmp-fm L11).
 *
 * The intercepts (one per applicant type) are the only fitted numbers: fitIntercepts() solves, type by type, for the
 * intercept whose expected matched count equals the 2024 count. The intercept shifts every program's log-odds
 * alike, so each applicant's list (the best bets by P(interview)) does not depend on it, and the fit is a 1-D
 * monotone root-find per type.
 */

export interface CalibrationPopulation {
  types: ApplicantType[];
  /** Start of each applicant's list in `logOdds` (length applicants + 1). */
  offsets: Int32Array;
  /** Log-odds of an interview WITHOUT the intercept, per program on each list (signal included). */
  logOdds: Float64Array;
}

const CALIBRATION_MATCH_YEAR = 2024;

export type PopulationAssumptions = typeof CALIBRATION_POPULATION;

function syntheticProfile(
  type: ApplicantType,
  random: () => number,
  pop: PopulationAssumptions,
): ApplicantProfile {
  const profile = emptyProfile();
  const isImg = type === 'us-img' || type === 'non-us-img';
  const comlexOnly = type === 'us-do' && random() < pop.doComlexOnly;
  const score = Math.round(pop.step2Mean[type] + pop.step2Sd * normal(random));
  const years = weighted(random, pop.yearsSinceGraduation[type] as readonly (readonly [number, number])[]);
  const failed = random() < pop.oneFailure[type];
  const visaRoll = random();
  const visaNeed =
    type !== 'non-us-img'
      ? 'none'
      : visaRoll < pop.nonUsVisa.j1
        ? 'j1'
        : visaRoll < pop.nonUsVisa.j1 + pop.nonUsVisa.h1b
          ? 'h1b'
          : 'none';
  const ties = random() < pop.ties[type] ? [weighted(random, SYNTHETIC_STATES)] : [];
  return {
    ...profile,
    applicantType: type,
    visaNeed,
    exams: {
      ...profile.exams,
      step2ck: comlexOnly ? null : Math.min(300, Math.max(180, score)),
      comlexLevel2: comlexOnly ? 550 : null,
      step1Attempts: failed ? 2 : 1,
    },
    graduationYear: CALIBRATION_MATCH_YEAR - years,
    usce: {
      handsOnMonths: isImg ? Math.floor(random() * (pop.maxHandsOnMonths[type] + 1)) : 0,
      observershipMonths: isImg ? Math.floor(random() * (pop.maxObservershipMonths + 1)) : 0,
      researchMonths: 0,
    },
    letters: isImg
      ? { total: 3, us: Math.floor(random() * 4), inSpecialty: Math.floor(random() * 4) }
      : { total: 3, us: 3, inSpecialty: 1 + Math.floor(random() * 3) },
    geography: { preferredStates: [], preferredDivisions: [], tiesStates: ties, excludedStates: [] },
  };
}

/** Builds the population once; the result does not depend on the intercepts. */
export function buildCalibrationPopulation(
  parameters: ModelParameters,
  options: { market?: readonly Program[]; population?: PopulationAssumptions } = {},
): CalibrationPopulation {
  const pop = options.population ?? CALIBRATION_POPULATION;
  const market = options.market;
  const programs =
    market ?? syntheticPrograms({ count: CALIBRATION_TARGETS.programs, seed: CALIBRATION_MARKET.seed });
  const random = seededRandom(pop.seed);
  const work = createInterviewWork();
  const types: ApplicantType[] = [];
  const offsets: number[] = [0];
  const logOdds: number[] = [];
  const scratch: { index: number; logOdds: number }[] = [];
  for (const type of APPLICANT_TYPES) {
    for (let a = 0; a < pop.applicants[type]; a++) {
      const profile = syntheticProfile(type, random, pop);
      const applicant = applicantFeatures({ profile, matchYear: CALIBRATION_MATCH_YEAR, parameters });
      const terms = applicantTerms(applicant, parameters);
      const middle = pop.listLength[type];
      const length = Math.round(middle * (0.5 + random()));
      const home = random() < pop.rotation[type] ? Math.floor(random() * programs.length) : -1;
      scratch.length = 0;
      const looked = new Set<number>();
      if (home >= 0) looked.add(home);
      while (looked.size < Math.min(programs.length, length * pop.screenedMultiple)) {
        looked.add(Math.floor(random() * programs.length));
      }
      for (const index of looked) {
        const program = programs[index] as Program;
        if (applyHardFilters({ applicant, program, parameters }).excluded) continue;
        const connections: ProgramConnections =
          index === home ? { rotated: true, letterWriter: true, contact: false } : NO_CONNECTIONS;
        scoreInterview(applicant, terms, program, connections, parameters, work);
        scratch.push({ index, logOdds: work.logOdds - terms.intercept });
      }
      scratch.sort((x, y) => y.logOdds - x.logOdds || x.index - y.index);
      const list = scratch.slice(0, length);
      const signalCount = Math.min(pop.signals, list.length);
      const signaled = new Set<number>();
      while (signaled.size < signalCount) signaled.add(Math.floor(random() * list.length));
      list.forEach((entry, position) => {
        logOdds.push(entry.logOdds + (signaled.has(position) ? parameters.interview.signal : 0));
      });
      types.push(type);
      offsets.push(logOdds.length);
    }
  }
  return { types, offsets: Int32Array.from(offsets), logOdds: Float64Array.from(logOdds) };
}

/** Expected matched applicants by type, Σ P(match | list), for the given intercepts. */
export function expectedMatches(
  population: CalibrationPopulation,
  intercepts: Readonly<Record<ApplicantType, number>>,
  parameters: ModelParameters,
  only?: ApplicantType,
): Record<ApplicantType, number> {
  const totals: Record<ApplicantType, number> = { 'us-md': 0, 'us-do': 0, 'us-img': 0, 'non-us-img': 0 };
  const curves = Object.fromEntries(
    APPLICANT_TYPES.map((type) => [type, matchCurve(type, parameters)]),
  ) as Record<ApplicantType, Float64Array>;
  const distribution = emptyDistribution(parameters.match.maxInterviews);
  for (let a = 0; a < population.types.length; a++) {
    const type = population.types[a] as ApplicantType;
    if (only !== undefined && type !== only) continue;
    distribution.fill(0);
    distribution[0] = 1;
    const shift = intercepts[type];
    for (let i = population.offsets[a] as number; i < (population.offsets[a + 1] as number); i++) {
      addProgram(distribution, sigmoid((population.logOdds[i] as number) + shift));
    }
    totals[type] += matchProbabilityOf(distribution, curves[type]);
  }
  return totals;
}

/** Solves each type's intercept so its expected matched count equals the target (bisection on a monotone map). */
export function fitIntercepts(
  population: CalibrationPopulation,
  targets: Readonly<Record<ApplicantType, number>>,
  parameters: ModelParameters,
): Record<ApplicantType, number> {
  const fitted = { ...parameters.interview.intercept };
  for (const type of APPLICANT_TYPES) {
    let low = -8;
    let high = 4;
    for (let step = 0; step < 40; step++) {
      const middle = (low + high) / 2;
      const expected = expectedMatches(population, { ...fitted, [type]: middle }, parameters, type)[type];
      if (expected < targets[type]) low = middle;
      else high = middle;
    }
    fitted[type] = Math.round(((low + high) / 2) * 100) / 100;
  }
  return fitted;
}

export interface CalibrationRow {
  applicantType: ApplicantType;
  applicants: number;
  target: number;
  expected: number;
  targetShare: number;
  modelShare: number;
  /** Model share − target share, in percentage points. */
  gapPoints: number;
}

/** Compares the model's expected matched shares with a year's published shares. */
export function compareShares(
  expected: Readonly<Record<ApplicantType, number>>,
  target: Readonly<Record<ApplicantType, number>>,
): CalibrationRow[] {
  const sum = (record: Readonly<Record<ApplicantType, number>>) =>
    APPLICANT_TYPES.reduce((total, type) => total + record[type], 0);
  const expectedTotal = sum(expected);
  const targetTotal = sum(target);
  return APPLICANT_TYPES.map((type) => {
    const modelShare = expected[type] / expectedTotal;
    const targetShare = target[type] / targetTotal;
    return {
      applicantType: type,
      applicants: CALIBRATION_POPULATION.applicants[type],
      target: target[type],
      expected: expected[type],
      targetShare,
      modelShare,
      gapPoints: (modelShare - targetShare) * 100,
    };
  });
}
