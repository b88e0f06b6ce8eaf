import type { Program } from '../../core/catalog/program.js';
import type { SimulationInput, SimulationSummary } from '../../core/match/monte-carlo.js';
import { withLetterCounts } from '../../core/network/letter-counts.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import {
  type InterviewedOdds,
  interviewedOdds,
  type RankListOddsInput,
  rankListSimulationInput,
} from '../../core/smartpick/rank-list-odds.js';
import type { OwnerDatabase } from '../../db/index.js';
import { withCohortCatalog } from '../cohorts/cohort-catalog.js';
import { loadConnections } from '../smartpick/applicant-context.js';

export interface RankListSimulationFailure {
  status: 404 | 422;
  title: string;
  issues: FieldIssue[];
}

/** The model's own figure for the ranked programs: what My list shows as "P(match) now" for these interviews. */
export interface RankListModelOdds {
  pMatch: number;
  /** Per program, in list order: the chance an interview there ends in an offer that reaches you. */
  perProgram: { acgmeId: string; name: string; chance: number }[];
}

export interface PreparedSimulation {
  input: SimulationInput;
  names: Map<string, string>;
  model: RankListModelOdds;
  assumptions: string[];
}

export interface RankListOdds extends Omit<SimulationSummary, 'distribution'> {
  distribution: { acgmeId: string; name: string; probability: number; ci95: [number, number] }[];
  /** The one model's P(match) given interviews at these programs, beside the simulated Matches' pMatch. */
  model: RankListModelOdds;
  /** Every simulated Match is synthetic: the market is generated, only your list and profile are yours. */
  synthetic: true;
  assumptions: string[];
}

export interface PrepareOptions {
  /** A what-if order of ACGME ids; the saved rank list when left out. */
  rankList?: string[] | undefined;
  /** The clock that sets the Match year (years since graduation), as SmartPick's. */
  now?: () => Date;
}

/**
 * Turns the stored rank list (or a what-if order) into the Monte Carlo's input through the one model
 * (core/smartpick/rank-list-odds.ts): the programs' known facts and positions from the catalog (unknowns are
 * drawn from the program priors), the applicant's screen from the profile, the pair's own terms (ties, network,
 * signal) as SmartPick reads them. The model's closed-form figure for the same interviews comes with it.
 */
export async function prepareRankListSimulation(
  db: OwnerDatabase,
  options: PrepareOptions = {},
): Promise<Result<PreparedSimulation, RankListSimulationFailure>> {
  const saved = await db.profiles.get();
  if (!saved) {
    return err({
      status: 422,
      title: 'Save your profile first',
      issues: [{ path: 'profile', message: 'The simulation needs your applicant profile' }],
    });
  }
  const ranked = options.rankList ?? (await db.rankList.get()).ranked;
  if (ranked.length === 0) {
    return err({
      status: 422,
      title: 'Your rank list is empty',
      issues: [{ path: 'rankList', message: 'Rank at least one program you interviewed at' }],
    });
  }
  // The cohort's agreed facts too, as My list reads them (cohort-catalog.ts): one model, one answer.
  const cohortCatalog = await withCohortCatalog(db.cohorts, [
    ...(await db.programs.getMany(ranked)).values(),
  ]);
  const byId = new Map(cohortCatalog.programs.map((program) => [program.acgmeId, program]));
  const missing: FieldIssue[] = ranked.flatMap((acgmeId, index) =>
    byId.has(acgmeId) ? [] : [{ path: `rankList.${index}`, message: `No program with ACGME id ${acgmeId}` }],
  );
  if (missing.length > 0) return err({ status: 422, title: 'Unknown programs on the list', issues: missing });

  const [connections, applications, letters] = await Promise.all([
    loadConnections(db),
    db.applications.list(),
    db.letters.list(),
  ]);
  const programs = ranked.map((acgmeId) => byId.get(acgmeId) as Program);
  const oddsInput: RankListOddsInput = {
    // The same letters as My list counts (letter-counts.ts), so both pages give one answer.
    profile: withLetterCounts(saved.profile, letters),
    programs,
    connections,
    signaled: new Set(applications.filter((a) => a.signaled).map((a) => a.acgmeId)),
    matchYear: currentMatchYear((options.now ?? (() => new Date()))()),
  };
  const names = new Map(programs.map((program) => [program.acgmeId, program.name]));
  const model = modelOdds(interviewedOdds(oddsInput), names);
  const unknownPositions = programs.filter((p) => p.positions === null || p.positions === 0).length;
  const assumptions = [
    'Each run is a synthetic family medicine Match from the same model SmartPick uses (one applicant population, one set of program priors; see the model card). Only your list and your profile are yours.',
    'You are taken to have interviewed at every program on the list. Programs screen and rank you with the function SmartPick uses; facts the catalog lacks are drawn from the program priors, given that you interviewed there.',
    '“P(match) — model” is the model’s own figure for these interviews: 1 − Π(1 − the chance each program’s offer reaches you). My list shows the same number as “P(match) now” when these are your interviews.',
    'The 95% interval beside the simulated P(match) is simulation error only (how many Matches were run); the model’s own uncertainty — its fitted figures and stated assumptions — is not in it.',
    ...(unknownPositions > 0
      ? [
          `${unknownPositions} program(s) have unknown positions: drawn from the national size distribution each run.`,
        ]
      : []),
  ];
  return ok({ input: rankListSimulationInput(oddsInput), names, model, assumptions });
}

function modelOdds(odds: InterviewedOdds, names: Map<string, string>): RankListModelOdds {
  return {
    pMatch: odds.probability,
    perProgram: odds.perProgram.map(({ acgmeId, chance }) => ({
      acgmeId,
      name: names.get(acgmeId) ?? acgmeId,
      chance,
    })),
  };
}

/** The pool's summary, with program names, the model's figure and the labels the page shows. */
export function toRankListOdds(summary: SimulationSummary, prepared: PreparedSimulation): RankListOdds {
  return {
    ...summary,
    distribution: summary.distribution.map(({ programKey, probability, ci95 }) => ({
      acgmeId: programKey,
      name: prepared.names.get(programKey) ?? programKey,
      probability,
      ci95,
    })),
    model: prepared.model,
    synthetic: true,
    assumptions: prepared.assumptions,
  };
}
