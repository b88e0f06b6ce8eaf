import { FM_MARKET_PARAMETERS, MARKET_TYPE } from '../../core/match/market-model/parameters.js';
import type { RankedProgram, SimulationInput, SimulationSummary } from '../../core/match/monte-carlo.js';
import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import { CALIBRATION_POPULATION } from '../../core/smartpick/model-parameters.js';
import type { Database } from '../../db/index.js';
import type { SmartPickService } from '../smartpick/smartpick-service.js';

export interface RankListSimulationFailure {
  status: 404 | 422;
  title: string;
  issues: FieldIssue[];
}

export interface PreparedSimulation {
  input: SimulationInput;
  names: Map<string, string>;
  assumptions: string[];
}

export interface RankListOdds extends Omit<SimulationSummary, 'distribution'> {
  distribution: { acgmeId: string; name: string; probability: number; ci95: [number, number] }[];
  /** Every simulated Match is synthetic: the market is generated, only your list and profile are yours. */
  synthetic: true;
  assumptions: string[];
}

/**
 * Where the profile sits on the market model's strength scale (U.S. MD seniors mean 0, SD 1). With a Step 2 CK
 * score: its distance from the MD mean in SmartPick's assumed SDs (CALIBRATION_POPULATION, model card); without
 * one, the assumed mean of the applicant's type (market-model/parameters.ts).
 */
export function profileStrength(profile: ApplicantProfile): number {
  const step2 = profile.exams.step2ck;
  if (typeof step2 === 'number') {
    return (step2 - CALIBRATION_POPULATION.step2Mean['us-md']) / CALIBRATION_POPULATION.step2Sd;
  }
  return FM_MARKET_PARAMETERS.strengthMean[MARKET_TYPE[profile.applicantType]] as number;
}

/**
 * Turns the stored rank list (or a what-if order) into the Monte Carlo's input: positions from the catalog
 * (unknown stays unknown and is sampled), the applicant's standing at each program from SmartPick's
 * P(interview) there, strength and type from the profile.
 */
export async function prepareRankListSimulation(
  db: Database,
  smartpick: SmartPickService,
  rankListOverride?: string[],
): Promise<Result<PreparedSimulation, RankListSimulationFailure>> {
  const saved = await db.profiles.get();
  if (!saved) {
    return err({
      status: 422,
      title: 'Save your profile first',
      issues: [{ path: 'profile', message: 'The simulation needs your applicant profile' }],
    });
  }
  const ranked = rankListOverride ?? (await db.rankList.get()).ranked;
  if (ranked.length === 0) {
    return err({
      status: 422,
      title: 'Your rank list is empty',
      issues: [{ path: 'rankList', message: 'Rank at least one program you interviewed at' }],
    });
  }
  const byId = await db.programs.getMany(ranked);
  const missing: FieldIssue[] = ranked.flatMap((acgmeId, index) =>
    byId.has(acgmeId) ? [] : [{ path: `rankList.${index}`, message: `No program with ACGME id ${acgmeId}` }],
  );
  if (missing.length > 0) return err({ status: 422, title: 'Unknown programs on the list', issues: missing });

  const recommendation = await smartpick.recommend();
  const standing = new Map<string, number>();
  if (recommendation.ok) {
    for (const verdict of recommendation.value.programs) {
      if (verdict.interviewWithoutSignal !== null)
        standing.set(verdict.acgmeId, verdict.interviewWithoutSignal);
    }
  }
  const rankedPrograms: RankedProgram[] = ranked.map((acgmeId) => ({
    programKey: acgmeId,
    positions: byId.get(acgmeId)?.positions ?? null,
    userStanding: standing.get(acgmeId) ?? null,
  }));
  const { profile } = saved;
  const unknownPositions = rankedPrograms.filter((program) => program.positions === null).length;
  const assumptions = [
    'Each run is a synthetic family medicine Match built from the 2024 national figures (see the model card).',
    'Your standing at each program is read from SmartPick’s P(interview) there; your strength from your Step 2 CK.',
    'Not yet calibrated by rank-list length: for a short list read P(match) as an upper bound, and trust the comparison between two orders (same simulated markets) more than the level.',
    ...(unknownPositions > 0
      ? [
          `${unknownPositions} program(s) have unknown positions: drawn from the national size distribution each run.`,
        ]
      : []),
    ...(recommendation.ok
      ? []
      : ['SmartPick could not score these programs; your strength stands in for your standing.']),
  ];
  return ok({
    input: {
      programs: rankedPrograms,
      strength: profileStrength(profile),
      applicantType: profile.applicantType,
    },
    names: new Map([...byId.values()].map((program) => [program.acgmeId, program.name])),
    assumptions,
  });
}

/** The pool's summary, with program names and the labels the page shows. */
export function toRankListOdds(summary: SimulationSummary, prepared: PreparedSimulation): RankListOdds {
  return {
    ...summary,
    distribution: summary.distribution.map(({ programKey, probability, ci95 }) => ({
      acgmeId: programKey,
      name: prepared.names.get(programKey) ?? programKey,
      probability,
      ci95,
    })),
    synthetic: true,
    assumptions: prepared.assumptions,
  };
}
