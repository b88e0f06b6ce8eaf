/**
 * SmartPick: the budget-optimized program list with honest odds. Pure domain core; adapters (API, CLI, web) call
 * `recommend` and `whatIf`. Where things are computed:
 * - P(interview): interview-model.ts   - hard filters: hard-filters.ts   - P(match | list): match-model.ts
 * - list and signals: optimizer.ts     - P(match) now: season-odds.ts    - every constant: model-parameters.ts
 * The population, program priors, screening function and fitted numbers they share with the simulated Match are
 * in ../model/.
 */
export { type ApplicantFeatures, applicantFeatures } from './applicant-features.js';
export { explainProgram, type ProgramExplanation } from './explain-program.js';
export { applicationCost, costOfNth, feeScheduleIssues, maxProgramsWithin } from './fee-schedule.js';
export { type FitScore, fitScore } from './fit-score.js';
export {
  applyHardFilters,
  type FilterCheck,
  type FilterExclusion,
  HARD_FILTER_IDS,
  type HardFilterId,
  type HardFilterResult,
} from './hard-filters.js';
export { estimateInterview, type InterviewInput, step2Effect } from './interview-model.js';
export {
  addProgram,
  interviewDistribution,
  type MatchEstimate,
  matchFromValue,
  matchProbability,
  matchProbabilityFromReach,
  valueOf,
} from './match-model.js';
export {
  DEFAULT_PARAMETERS,
  ERAS_2026_FEE_SCHEDULE,
  type FeeSchedule,
  type FeeTier,
  type ModelParameters,
} from './model-parameters.js';
export { chooseList, type ListChoice, type ListChoiceInput } from './optimizer.js';
export {
  type CurvePoint,
  NOT_MODELLED,
  type ProgramVerdict,
  type Recommendation,
  type RecommendError,
  type RecommendInput,
  recommend,
  type SignalRecommendation,
  type VerdictCode,
} from './recommend.js';
export {
  type NowOdds,
  nowOdds,
  type SeasonIssue,
  type SeasonProgramOdds,
  SILENCE_RULE,
  shareOfInvitationsSent,
  silentInterviewChance,
} from './season-odds.js';
export { OUTSIDE_SHARE, REGION_MODES, type RecommendSettings, type RegionMode } from './settings.js';
export { tierOf } from './tiers.js';
export {
  type ConnectionsById,
  FACTOR_IDS,
  type FactorContribution,
  type FactorId,
  type InterviewEstimate,
  NO_CONNECTIONS,
  type ProgramConnections,
  type Tier,
} from './types.js';
export { applyChange, type WhatIfChange, type WhatIfError, type WhatIfResult, whatIf } from './what-if.js';
