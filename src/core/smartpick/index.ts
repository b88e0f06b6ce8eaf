/**
 * SmartPick: the budget-optimized program list with honest odds. Pure domain core; adapters (API, CLI, web) call
 * `recommend` and `whatIf`. Where things are computed:
 * - P(interview): interview-model.ts   - hard filters: hard-filters.ts   - P(match | list): match-model.ts
 * - list choice: optimizer.ts          - signals: signals.ts             - every constant: model-parameters.ts
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
  marginalGain,
  matchCurve,
  matchProbability,
  matchProbabilityOf,
} from './match-model.js';
export {
  DEFAULT_PARAMETERS,
  ERAS_2026_FEE_SCHEDULE,
  type FeeSchedule,
  type FeeTier,
  type MatchCurveParameters,
  type ModelParameters,
} from './model-parameters.js';
export { type OptimizedOrder, type OptimizerInput, optimizeOrder } from './optimizer.js';
export {
  type CurvePoint,
  type ProgramVerdict,
  type Recommendation,
  type RecommendError,
  type RecommendInput,
  recommend,
  type SignalRecommendation,
  type VerdictCode,
} from './recommend.js';
export type { RecommendSettings } from './settings.js';
export { chooseSignals, type SignalPlan } from './signals.js';
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
