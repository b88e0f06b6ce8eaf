import { z } from 'zod';
import { err, type FieldIssue, ok, type Result } from '../shared/result.js';
import { toFieldIssues } from '../shared/zod-issues.js';
import { compileWellFormed } from './compile-well-formed.js';
import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import type { MatchResult } from './solve-match.js';
import type { BlockingPair } from './stability.js';

const id = z.string().trim().min(1, 'an id cannot be empty');

/**
 * A Match as people and the API write it. Couple members are named only in their couple (they rank
 * through it, never alone), so an id in `couples[].members` must not also be in `applicants`; programs
 * rank couple members by those ids like any applicant.
 */
export const jsonMarketSchema = z.object({
  programs: z.array(
    z.object({
      id,
      positions: z.number().int('positions must be a whole number').min(0, 'positions cannot be negative'),
      rankList: z.array(id),
    }),
  ),
  applicants: z.array(z.object({ id, rankList: z.array(id) })).default([]),
  couples: z
    .array(
      z.object({
        id,
        members: z.tuple([id, id]),
        rankList: z.array(z.tuple([id.nullable(), id.nullable()])),
      }),
    )
    .default([]),
});

export type JsonMarket = z.input<typeof jsonMarketSchema>;

/** The ids behind a compiled market's dense indices, to name results. */
export interface MarketNames {
  programIds: string[];
  /** Singles in the order given, then each couple's two members. */
  applicantIds: string[];
  coupleIds: string[];
}

export type NamedMarket = CompiledMarket & MarketNames;

/**
 * Checks a JSON market and compiles it to the typed-array form the solver runs on. Every problem is
 * reported with the path of the field at fault (e.g. `programs.1.rankList.4`), not just the first. A
 * market without problems takes one pass into typed arrays (compile-well-formed.ts).
 *
 * @example
 * const compiled = compileMarket({
 *   programs: [{ id: 'City', positions: 2, rankList: ['Anderson'] }],
 *   applicants: [{ id: 'Anderson', rankList: ['City'] }],
 * });
 * if (compiled.ok) solveMatch(compiled.value);
 */
export function compileMarket(input: unknown): Result<NamedMarket, FieldIssue[]> {
  const compiled = compileWellFormed(input);
  return compiled === null ? compileMarketWithIssues(input) : ok(compiled);
}

/**
 * compileMarket's slow road, through the schema and a check of every list, so that every problem is
 * reported; markets without problems come out the same as from compile-well-formed.ts (tested).
 */
export function compileMarketWithIssues(input: unknown): Result<NamedMarket, FieldIssue[]> {
  const parsed = jsonMarketSchema.safeParse(input);
  if (!parsed.success) return err(toFieldIssues(parsed.error));
  const { programs, applicants, couples } = parsed.data;
  const issues: FieldIssue[] = [];

  const programIndex = indexIds(
    programs.map((p) => p.id),
    'programs',
    'program',
    issues,
  );
  const applicantIds = [...applicants.map((a) => a.id), ...couples.flatMap((c) => c.members)];
  const applicantPaths = [
    ...applicants.map((_, i) => `applicants.${i}.id`),
    ...couples.flatMap((_, i) => [`couples.${i}.members.0`, `couples.${i}.members.1`]),
  ];
  const applicantIndex = new Map<string, number>();
  applicantIds.forEach((name, i) => {
    const first = applicantIndex.get(name);
    if (first === undefined) applicantIndex.set(name, i);
    else
      issues.push({
        path: applicantPaths[i] as string,
        message: duplicateApplicant(name, first, i, applicants),
      });
  });
  indexIds(
    couples.map((c) => c.id),
    'couples',
    'couple',
    issues,
  );

  programs.forEach((program, i) =>
    checkList(program.rankList, `programs.${i}.rankList`, applicantIndex, 'applicant', issues),
  );
  applicants.forEach((applicant, i) =>
    checkList(applicant.rankList, `applicants.${i}.rankList`, programIndex, 'program', issues),
  );
  couples.forEach((couple, i) => {
    const seen = new Map<string, number>();
    couple.rankList.forEach((line, k) => {
      const path = `couples.${i}.rankList.${k}`;
      if (line[0] === null && line[1] === null) {
        issues.push({
          path,
          message: 'a line with no program for either partner ranks going unmatched: end the list instead',
        });
      }
      line.forEach((program, side) => {
        if (program !== null && !programIndex.has(program)) {
          issues.push({ path: `${path}.${side}`, message: `unknown program "${program}"` });
        }
      });
      const key = JSON.stringify(line);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, k);
      else
        issues.push({ path, message: `line ranked twice (also at position ${first}); ties are not allowed` });
    });
  });
  if (issues.length > 0) return err(issues);

  const single = applicants.length;
  return ok({
    applicantCount: applicantIds.length,
    programCount: programs.length,
    capacity: Int32Array.from(programs, (p) => p.positions),
    ...toCsr(
      [...applicants.map((a) => a.rankList), ...couples.flatMap(() => [[], []])],
      programIndex,
      'applicantRol',
    ),
    ...toCsr(
      programs.map((p) => p.rankList),
      applicantIndex,
      'programRol',
    ),
    coupleCount: couples.length,
    coupleMembers: Int32Array.from(couples.flatMap((_, c) => [single + 2 * c, single + 2 * c + 1])),
    coupleRolOffsets: offsets(couples.map((c) => c.rankList.length)),
    coupleRol: Int32Array.from(
      couples.flatMap((c) => c.rankList.flat()),
      (name) => (name === null ? NO_PROGRAM : (programIndex.get(name) as number)),
    ),
    programIds: programs.map((p) => p.id),
    applicantIds,
    coupleIds: couples.map((c) => c.id),
  });
}

function indexIds(ids: string[], path: string, noun: string, issues: FieldIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((name, i) => {
    const first = index.get(name);
    if (first === undefined) index.set(name, i);
    else
      issues.push({
        path: `${path}.${i}.id`,
        message: `duplicate ${noun} id "${name}" (also ${path}.${first})`,
      });
  });
  return index;
}

function duplicateApplicant(name: string, first: number, at: number, singles: readonly unknown[]): string {
  if (first < singles.length) {
    return `"${name}" is already an applicant (applicants.${first}); couple members are listed only in their couple`;
  }
  if ((first - singles.length) >> 1 === (at - singles.length) >> 1) return 'a couple is two different people';
  return `"${name}" is already a member of another couple; a person can be in one couple only`;
}

function checkList(
  list: string[],
  path: string,
  known: Map<string, number>,
  noun: string,
  issues: FieldIssue[],
): void {
  const seen = new Map<string, number>();
  list.forEach((name, k) => {
    if (!known.has(name)) issues.push({ path: `${path}.${k}`, message: `unknown ${noun} "${name}"` });
    const first = seen.get(name);
    if (first === undefined) seen.set(name, k);
    else {
      issues.push({
        path: `${path}.${k}`,
        message: `${noun} "${name}" ranked twice (also at position ${first}); ties are not allowed`,
      });
    }
  });
}

function offsets(lengths: number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => {
    out[i + 1] = (out[i] as number) + n;
  });
  return out;
}

function toCsr<K extends string>(
  lists: string[][],
  index: Map<string, number>,
  key: K,
): Record<K, Int32Array> & Record<`${K}Offsets`, Int32Array> {
  return {
    [key]: Int32Array.from(lists.flat(), (name) => index.get(name) as number),
    [`${key}Offsets`]: offsets(lists.map((l) => l.length)),
  } as Record<K, Int32Array> & Record<`${K}Offsets`, Int32Array>;
}

/** A Match result with names, for people and the API. */
export interface MatchJson {
  status: MatchResult['status'];
  proposals: number;
  matches: { applicant: string; program: string }[];
  unmatched: string[];
  /** Programs with positions left, and how many. */
  unfilled: { program: string; positions: number }[];
  blockingPairs?: (
    | { applicant: string; program: string }
    | { couple: string; programs: [string | null, string | null] }
  )[];
}

/**
 * Names a solver result: who matched where, who did not, and which programs kept positions open.
 *
 * @example
 * matchResultToJson(market, solveMatch(market)).matches; // [{ applicant: 'Anderson', program: 'City' }, ...]
 */
export function matchResultToJson(market: NamedMarket, result: MatchResult): MatchJson {
  const { programIds, applicantIds, coupleIds } = market;
  const filled = new Int32Array(market.programCount);
  const matches: MatchJson['matches'] = [];
  const unmatched: string[] = [];
  result.assignment.forEach((p, a) => {
    const applicant = applicantIds[a] as string;
    if (p === NO_PROGRAM) {
      unmatched.push(applicant);
      return;
    }
    filled[p] = (filled[p] as number) + 1;
    matches.push({ applicant, program: programIds[p] as string });
  });
  const unfilled = programIds.flatMap((program, p) => {
    const positions = (market.capacity[p] as number) - (filled[p] as number);
    return positions > 0 ? [{ program, positions }] : [];
  });
  const json: MatchJson = {
    status: result.status,
    proposals: result.proposals,
    matches,
    unmatched,
    unfilled,
  };
  if (result.blockingPairs) json.blockingPairs = result.blockingPairs.map((pair) => namePair(pair, market));
  return json;

  function namePair(pair: BlockingPair, names: MarketNames) {
    if (pair.kind === 'single') {
      return {
        applicant: names.applicantIds[pair.applicant] as string,
        program: names.programIds[pair.program] as string,
      };
    }
    const name = (p: number) => (p === NO_PROGRAM ? null : (names.programIds[p] as string));
    return {
      couple: coupleIds[pair.couple] as string,
      programs: [name(pair.programs[0]), name(pair.programs[1])] as [string | null, string | null],
    };
  }
}
