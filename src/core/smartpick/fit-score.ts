import type { Program } from '../catalog/program.js';
import { divisionOf } from '../geo/census.js';
import type { ApplicantFeatures } from './applicant-features.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';

/**
 * How well a program fits what the applicant said they want: geography, program type, size, rural, and their own
 * stars (0–5). Each part is 0..1, with 0.5 for "no preference" or "unknown"; the score is their weighted mean
 * (weights in model-parameters.ts). Fit never changes P(interview): it breaks near-ties between programs.
 */
export interface FitScore {
  score: number;
  geography: number;
  programType: number;
  size: number;
  rural: number;
  /** The user's stars as 0..1; 0.5 when the program is not starred. */
  stars: number;
}

const NEUTRAL = 0.5;

/** @example fitScore({ applicant, program, stars: 4 }).score // 0.5..1 for a starred program in a preferred state */
export function fitScore(input: {
  applicant: ApplicantFeatures;
  program: Program;
  /** The user's stars for this program, 0–5; undefined when not starred. */
  stars?: number | undefined;
  parameters?: ModelParameters;
}): FitScore {
  const { applicant, program } = input;
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const prefs = applicant.programPreferences;

  let geography = NEUTRAL;
  if (applicant.preferredStates.size > 0 || applicant.preferredDivisions.size > 0) {
    const division = program.censusDivision ?? divisionOf(program.state);
    geography = applicant.preferredStates.has(program.state)
      ? 1
      : division !== null && applicant.preferredDivisions.has(division)
        ? 0.75
        : 0;
  }

  let programType = NEUTRAL;
  if (prefs.type !== 'any' && program.programType !== null) {
    if (program.programType === prefs.type) programType = 1;
    else if (program.programType === 'community-university' || prefs.type === 'community-university')
      programType = 0.5;
    else programType = 0;
  }

  let size = NEUTRAL;
  if (prefs.size !== 'any' && program.positions !== null) {
    const { smallUpTo, largeFrom } = parameters.fit;
    const band = program.positions <= smallUpTo ? 0 : program.positions >= largeFrom ? 2 : 1;
    const wanted = prefs.size === 'small' ? 0 : prefs.size === 'medium' ? 1 : 2;
    size = 1 - Math.abs(band - wanted) / 2;
  }

  let rural = NEUTRAL;
  const isRural = program.facts.rural?.value;
  if (prefs.rural !== 'any' && isRural !== undefined) {
    rural = (prefs.rural === 'prefer') === isRural ? 1 : 0;
  }

  const stars = input.stars === undefined ? NEUTRAL : input.stars / 5;
  const w = parameters.fit.weights;
  const total = w.geography + w.programType + w.size + w.rural + w.stars;
  const score =
    (w.geography * geography +
      w.programType * programType +
      w.size * size +
      w.rural * rural +
      w.stars * stars) /
    total;
  return { score, geography, programType, size, rural, stars };
}
