import { plural } from '../shared/plural.js';
import type { Fact, Program, ProgramFactKey, ProgramFacts } from './program.js';

/** One member's share of one research fact with a cohort, as members see it. */
export interface SharedFact {
  acgmeId: string;
  key: ProgramFactKey;
  value: boolean | number;
  source: string;
  asOf: string;
  /** Who shared it (their email) and when. */
  sharedBy: string;
  sharedAt: string;
  /** Members other than the sharer who checked it too. */
  confirmations: number;
}

/** A fact SmartPick takes from the cohort: every sharer gave this value. */
export interface CohortFactUsed {
  key: ProgramFactKey;
  value: boolean | number;
  /** Members who shared it, and confirmations on their shares. */
  members: number;
  confirmations: number;
  /** The sharers' sources, each once, in the order shared. */
  sources: string[];
  asOf: string;
  /** One line for "Why?", e.g. "IMG share 30% from your cohort (2 members, 1 confirmation: program website, 2026-09-01)". */
  says: string;
}

/** A fact the cohort disagrees on: left unknown, every value listed side by side. */
export interface CohortFactConflict {
  key: ProgramFactKey;
  values: { value: boolean | number; members: number; confirmations: number; sources: string[] }[];
  says: string;
}

/** What the cohort's shares did at one program. */
export interface CohortFactsAtProgram {
  acgmeId: string;
  used: CohortFactUsed[];
  conflicts: CohortFactConflict[];
}

/** How each fact reads in a sentence. */
const FACT_LABELS: Record<ProgramFactKey, string> = {
  visaJ1: 'J-1 sponsorship',
  visaH1b: 'H-1B sponsorship',
  acceptsImgs: 'Considers IMGs',
  imgShare: 'IMG share',
  minStep2Score: 'Step 2 CK minimum',
  typicalStep2Score: 'Typical Step 2 CK',
  maxYearsSinceGraduation: 'Years since graduation limit',
  maxFailedAttempts: 'Failed attempts limit',
  minUsceMonths: 'U.S. clinical experience required (months)',
  rural: 'Rural',
};

export function factLabel(key: ProgramFactKey): string {
  return FACT_LABELS[key];
}

export function factValueText(key: ProgramFactKey, value: boolean | number): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return key === 'imgShare' ? `${Math.round(value * 100)}%` : String(value);
}

/**
 * The program as SmartPick should see it for this applicant: their own research wins; a fact they have not
 * researched is taken from the cohort only when everyone who shared it gave the same value (the range narrows,
 * and the fact's source says it came from the cohort); when sharers disagree the fact stays unknown — the range
 * stays wide — and the disagreement is listed, never settled by a vote or an average.
 *
 * @example
 * withCohortFacts(program, shares).cohort?.used[0]?.says
 * // "IMG share 30% from your cohort (2 members, 1 confirmation: program website, 2026-09-01)"
 */
export function withCohortFacts(
  program: Program,
  shares: readonly SharedFact[],
): { program: Program; cohort: CohortFactsAtProgram | null } {
  const byKey = new Map<ProgramFactKey, SharedFact[]>();
  for (const share of shares) {
    if (share.acgmeId !== program.acgmeId || program.facts[share.key] !== undefined) continue;
    byKey.set(share.key, [...(byKey.get(share.key) ?? []), share]);
  }
  if (byKey.size === 0) return { program, cohort: null };

  const facts: ProgramFacts = { ...program.facts };
  const used: CohortFactUsed[] = [];
  const conflicts: CohortFactConflict[] = [];
  for (const [key, keyShares] of byKey) {
    const groups = groupByValue(keyShares);
    if (groups.length === 1) {
      const agreed = usedFact(key, keyShares);
      used.push(agreed);
      const fact: Fact<boolean | number> = {
        value: agreed.value,
        source: `your cohort (${countsText(agreed)}: ${agreed.sources.join('; ')})`,
        asOf: agreed.asOf,
      };
      (facts as Record<ProgramFactKey, Fact<boolean | number>>)[key] = fact;
    } else {
      const values = groups.map((group) => ({
        value: group[0]!.value,
        members: group.length,
        confirmations: sum(group.map((share) => share.confirmations)),
        sources: unique(group.map((share) => share.source)),
      }));
      const listed = values
        .map((v) => `${factValueText(key, v.value)} (${plural(v.members, 'member')})`)
        .join(' vs ');
      conflicts.push({
        key,
        values,
        says: `${factLabel(key)}: your cohort disagrees (${listed}), so it stays unknown`,
      });
    }
  }
  return {
    program: { ...program, facts },
    cohort: { acgmeId: program.acgmeId, used: sortByKey(used), conflicts: sortByKey(conflicts) },
  };
}

/**
 * Every program with the cohort's facts applied, and what they did where they did anything. Shares for
 * programs not in `programs` are ignored.
 */
export function catalogWithCohortFacts(
  programs: readonly Program[],
  shares: readonly SharedFact[],
): { programs: Program[]; cohort: Map<string, CohortFactsAtProgram> } {
  const byProgram = new Map<string, SharedFact[]>();
  for (const share of shares) byProgram.set(share.acgmeId, [...(byProgram.get(share.acgmeId) ?? []), share]);
  const cohort = new Map<string, CohortFactsAtProgram>();
  const merged = programs.map((program) => {
    const atProgram = byProgram.get(program.acgmeId);
    if (!atProgram) return program;
    const result = withCohortFacts(program, atProgram);
    if (result.cohort) cohort.set(program.acgmeId, result.cohort);
    return result.program;
  });
  return { programs: merged, cohort };
}

function usedFact(key: ProgramFactKey, shares: readonly SharedFact[]): CohortFactUsed {
  const counts = { members: shares.length, confirmations: sum(shares.map((share) => share.confirmations)) };
  const sources = unique(shares.map((share) => share.source));
  // The newest date anyone checked it: the fact is at least that fresh.
  const asOf = shares.map((share) => share.asOf).reduce((a, b) => (a > b ? a : b));
  const value = shares[0]!.value;
  return {
    key,
    value,
    ...counts,
    sources,
    asOf,
    says: `${factLabel(key)} ${factValueText(key, value)} from your cohort (${countsText(counts)}: ${sources.join('; ')}, ${asOf})`,
  };
}

function countsText({ members, confirmations }: { members: number; confirmations: number }): string {
  return `${plural(members, 'member')}, ${plural(confirmations, 'confirmation')}`;
}

function groupByValue(shares: readonly SharedFact[]): SharedFact[][] {
  const groups = new Map<boolean | number, SharedFact[]>();
  for (const share of shares) groups.set(share.value, [...(groups.get(share.value) ?? []), share]);
  return [...groups.values()];
}

function sortByKey<T extends { key: ProgramFactKey }>(items: T[]): T[] {
  const order = Object.keys(FACT_LABELS);
  return items.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const unique = (values: readonly string[]) => [...new Set(values)];
