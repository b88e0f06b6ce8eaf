import {
  type CohortFactsAtProgram,
  catalogWithCohortFacts,
  type SharedFact,
} from '../../core/catalog/cohort-facts.js';
import { type Program, type ProgramFactKey, programFactsSchema } from '../../core/catalog/program.js';
import type { CohortRepository, SharedFactRecord } from '../../db/cohorts-repository.js';

/**
 * The catalog SmartPick reads for the acting user: their programs with what their cohorts agree on filled in
 * (core rule: cohort-facts.ts). My list, "Why?", the rank-list odds and the CLI all read programs through this,
 * so they give one answer. A local database has no cohorts: the programs come back as they are.
 */
export async function withCohortCatalog(
  cohorts: CohortRepository,
  programs: readonly Program[],
): Promise<{ programs: Program[]; cohort: Map<string, CohortFactsAtProgram> }> {
  if (programs.length === 0) return { programs: [...programs], cohort: new Map() };
  const shares = sharedFacts(await cohorts.factsForMe());
  return catalogWithCohortFacts(programs, shares);
}

/**
 * Stored shares as the core reads them: values checked against the fact's schema (a row that no longer fits is
 * left out rather than guessed at), and one share per member per fact — a member in two cohorts who shared the
 * same fact with both counts once, by their newest share.
 */
export function sharedFacts(records: readonly SharedFactRecord[]): SharedFact[] {
  const newest = new Map<string, SharedFact>();
  for (const record of records) {
    const fact = parseSharedFact(record);
    if (!fact) continue;
    const id = `${record.sharedBy}\u0000${record.acgmeId}\u0000${record.key}`;
    const kept = newest.get(id);
    if (!kept || kept.sharedAt < fact.sharedAt) newest.set(id, fact);
  }
  return [...newest.values()];
}

export function parseSharedFact(record: SharedFactRecord): SharedFact | null {
  if (!isFactKey(record.key)) return null;
  const parsed = programFactsSchema.safeParse({
    [record.key]: { value: record.value, source: record.source, asOf: record.asOf },
  });
  if (!parsed.success) return null;
  const fact = parsed.data[record.key];
  if (!fact) return null;
  return {
    acgmeId: record.acgmeId,
    key: record.key,
    value: fact.value,
    source: fact.source,
    asOf: fact.asOf,
    sharedBy: record.sharedBy,
    sharedAt: record.sharedAt,
    confirmations: record.confirmations,
  };
}

export function isFactKey(key: string): key is ProgramFactKey {
  return Object.hasOwn(programFactsSchema.shape, key);
}
