import type { Program } from '../catalog/program.js';
import type { RankedProgram, SimulationInput } from '../match/monte-carlo.js';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { applicantFeatures } from './applicant-features.js';
import {
  applicantTerms,
  chancesOf,
  createInterviewWork,
  emptyChances,
  FACTOR,
  scoreInterview,
} from './interview-model.js';
import { matchFromValue, valueOf } from './match-model.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';
import { type ConnectionsById, NO_CONNECTIONS } from './types.js';

/**
 * The rank list through the one model, two ways that must agree:
 * - `interviewedOdds`: P(match | interviews at these programs) = 1 − Π (1 − ρ_p), ρ_p the chance that an interview
 *   at p ends in an offer that reaches you, E[σ(L)·q] / E[σ(L)] (My list's "P(match) now" uses the same ρ);
 * - `rankListSimulationInput`: the same applicant and programs for the simulated Match (match/monte-carlo.ts), which
 *   draws each program's unknown facts given that you interviewed there and runs the Match.
 * agreement.test.ts checks them against each other for many applicants and lists.
 */
export interface RankListOddsInput {
  profile: ApplicantProfile;
  /** Ranked programs, most preferred first. */
  programs: readonly Program[];
  connections?: ConnectionsById;
  /** ACGME ids the applicant signaled. */
  signaled?: ReadonlySet<string>;
  matchYear?: number;
  parameters?: ModelParameters;
}

export interface InterviewedOdds {
  probability: number;
  /** ρ per program, in list order. */
  perProgram: { acgmeId: string; chance: number }[];
}

/** Scores one ranked program into `work` (the same call for both answers). */
function score(prepared: ReturnType<typeof prepare>, input: RankListOddsInput, program: Program): void {
  const { parameters, applicant, terms, work } = prepared;
  scoreInterview(
    applicant,
    terms,
    program,
    input.connections?.[program.acgmeId] ?? NO_CONNECTIONS,
    parameters,
    work,
  );
}

function prepare(input: RankListOddsInput) {
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const applicant = applicantFeatures({
    profile: input.profile,
    matchYear: input.matchYear ?? parameters.defaults.matchYear,
    parameters,
  });
  return { parameters, applicant, terms: applicantTerms(applicant, parameters), work: createInterviewWork() };
}

export function interviewedOdds(input: RankListOddsInput): InterviewedOdds {
  const prepared = prepare(input);
  const { parameters, terms, work } = prepared;
  const chances = emptyChances();
  let total = 0;
  const perProgram = input.programs.map((program) => {
    score(prepared, input, program);
    chancesOf(terms, parameters, work, chances);
    const signaled = input.signaled?.has(program.acgmeId) === true;
    const interview = signaled ? chances.interviewSignal : chances.interview;
    const reach = signaled ? chances.reachSignal : chances.reach;
    const chance = interview > 0 ? Math.min(1, reach / interview) : 0;
    total += valueOf(chance);
    return { acgmeId: program.acgmeId, chance };
  });
  return { probability: matchFromValue(total), perProgram };
}

export function rankListSimulationInput(input: RankListOddsInput): SimulationInput {
  const prepared = prepare(input);
  const { work } = prepared;
  const programs: RankedProgram[] = input.programs.map((program) => {
    score(prepared, input, program);
    const c = work.contributions;
    const facts = program.facts;
    return {
      programKey: program.acgmeId,
      positions: program.positions === null || program.positions === 0 ? null : program.positions,
      facts: {
        typicalStep2: facts.typicalStep2Score?.value,
        imgShare: facts.imgShare?.value,
        acceptsImgs: facts.acceptsImgs?.value,
        sponsorsJ1: facts.visaJ1?.value,
        sponsorsH1b: facts.visaH1b?.value,
      },
      extra:
        (c[FACTOR.ties] as number) +
        (c[FACTOR.preference] as number) +
        (c[FACTOR.rotated] as number) +
        (c[FACTOR.letterWriter] as number) +
        (c[FACTOR.contact] as number),
      signaled: input.signaled?.has(program.acgmeId) === true,
    };
  });
  return { programs, screen: prepared.terms.screen };
}
