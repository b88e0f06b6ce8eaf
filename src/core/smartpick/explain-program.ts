import type { Program } from '../catalog/program.js';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { applicantFeatures } from './applicant-features.js';
import { type FitScore, fitScore } from './fit-score.js';
import { applyHardFilters, type HardFilterResult } from './hard-filters.js';
import { estimateInterview } from './interview-model.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { tierOf } from './tiers.js';
import type { InterviewEstimate, ProgramConnections, Tier } from './types.js';

export interface ProgramExplanation {
  acgmeId: string;
  interview: InterviewEstimate;
  tier: Tier;
  filters: HardFilterResult;
  fit: FitScore;
}

/**
 * Everything SmartPick knows about one program for this applicant, on demand ("why this program?"): the
 * factor-by-factor P(interview), the hard filters and checks, and the fit.
 *
 * @example explainProgram({ profile, program, matchYear: 2027, connections: { rotated: true, letterWriter: false, contact: false } })
 */
export function explainProgram(input: {
  profile: ApplicantProfile;
  program: Program;
  matchYear?: number;
  connections?: ProgramConnections;
  signaled?: boolean;
  stars?: number;
  parameters?: ModelParameters;
}): ProgramExplanation {
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const applicant = applicantFeatures({
    profile: input.profile,
    matchYear: input.matchYear ?? parameters.defaults.matchYear,
    parameters,
  });
  const interview = estimateInterview({
    applicant,
    program: input.program,
    connections: input.connections,
    signaled: input.signaled,
    parameters,
  });
  return {
    acgmeId: input.program.acgmeId,
    interview,
    tier: tierOf(interview.probability, parameters),
    filters: applyHardFilters({ applicant, program: input.program, parameters }),
    fit: fitScore({ applicant, program: input.program, stars: input.stars, parameters }),
  };
}
