import { FITTED } from '../../model/fitted.js';
import { FM_MATCH_2024, FM_PROGRAMS_2024, type MatchYearFigures } from '../../model/fm-figures.js';
import {
  GROUP_COUNT,
  GROUP_LABELS,
  POPULATION,
  POPULATION_GROUPS,
  type Population,
  type PopulationGroup,
} from '../../model/population.js';
import { PROGRAM_PRIORS, type ProgramPriors } from '../../model/program-priors.js';
import type { ApplicantType } from '../../profile/applicant-profile.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from '../../smartpick/model-parameters.js';

/**
 * The simulated family medicine Match is not a second model: its applicants are drawn from the one population
 * (model/population.ts), its programs from the one set of priors (model/program-priors.ts), and programs screen
 * and rank with SmartPick's screening function (model/screening.ts) and fitted intercepts. This file only says
 * how big the market is. Plain data, so it crosses to worker threads unchanged.
 */
export const MARKET_APPLICANT_TYPES = POPULATION_GROUPS;
export type MarketApplicantType = PopulationGroup;
export const MARKET_TYPE_COUNT = GROUP_COUNT;
export const MARKET_TYPE_LABELS = GROUP_LABELS;

export interface MarketParameters {
  readonly programCount: number;
  readonly population: Population;
  readonly priors: ProgramPriors;
  readonly model: ModelParameters;
}

/** The 2024 market: about 800 programs (nrmp-fm L10) and the fitted model. */
export const FM_MARKET_PARAMETERS: MarketParameters = {
  programCount: FM_PROGRAMS_2024,
  population: POPULATION,
  priors: PROGRAM_PRIORS,
  model: DEFAULT_PARAMETERS,
};

/** The same market for another year: programs scaled with the positions offered (program sizes keep their prior). */
export function marketForYear(
  figures: MatchYearFigures,
  intercept: Readonly<Record<ApplicantType, number>> = FITTED.intercept,
): MarketParameters {
  return {
    ...FM_MARKET_PARAMETERS,
    programCount: Math.round((FM_PROGRAMS_2024 * figures.positions) / FM_MATCH_2024.positions),
    model: { ...DEFAULT_PARAMETERS, interview: { ...DEFAULT_PARAMETERS.interview, intercept } },
  };
}

/** Mean program size of the size prior. */
export function meanProgramSize(parameters: MarketParameters): number {
  const { values, weights } = parameters.priors.sizes;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i] ?? 0;
    weighted += (weights[i] ?? 0) * (values[i] ?? 0);
  }
  return weighted / total;
}

export { FM_MATCH_2024 as FM_2024, POPULATION };
