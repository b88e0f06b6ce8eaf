import {
  type Fact,
  PROGRAM_FACT_KEYS,
  type ProgramFactKey,
  type ProgramFacts,
  programFactsSchema,
} from '../../core/catalog/program.js';

/** One fact as typed: value '' means unknown. Booleans are 'yes' / 'no'; the IMG share is in percent. */
export interface FactDraft {
  value: string;
  source: string;
  asOf: string;
}

export type FactsDraft = Record<ProgramFactKey, FactDraft>;
/** Errors by `<fact>.value`, `<fact>.source` or `<fact>.asOf`. */
export type FactsErrors = Partial<Record<string, string>>;

export const BOOLEAN_FACTS: ReadonlySet<ProgramFactKey> = new Set([
  'visaJ1',
  'visaH1b',
  'acceptsImgs',
  'rural',
]);

export function factsToDraft(facts: ProgramFacts): FactsDraft {
  const draft = {} as FactsDraft;
  for (const key of PROGRAM_FACT_KEYS) {
    const fact = facts[key] as Fact<boolean | number> | undefined;
    draft[key] = fact
      ? {
          value:
            typeof fact.value === 'boolean'
              ? fact.value
                ? 'yes'
                : 'no'
              : key === 'imgShare'
                ? String(Math.round(fact.value * 1000) / 10)
                : String(fact.value),
          source: fact.source,
          asOf: fact.asOf,
        }
      : { value: '', source: '', asOf: '' };
  }
  return draft;
}

/**
 * The facts to save, checked with the core schema: a fact with no value is unknown (and needs no source); one with
 * a value needs where it comes from and when. Numbers must be numbers in the schema's range.
 *
 * @example parseFactsDraft({ ...draft, visaJ1: { value: 'yes', source: '', asOf: '' } })
 * // { ok: false, errors: { 'visaJ1.source': 'Say where this fact comes from', 'visaJ1.asOf': … } }
 */
export function parseFactsDraft(
  draft: FactsDraft,
): { ok: true; facts: ProgramFacts } | { ok: false; errors: FactsErrors } {
  const errors: FactsErrors = {};
  const candidate: Record<string, unknown> = {};
  for (const key of PROGRAM_FACT_KEYS) {
    const { value, source, asOf } = draft[key];
    const text = value.trim();
    if (text === '') continue;
    let parsed: boolean | number;
    if (BOOLEAN_FACTS.has(key)) parsed = text === 'yes';
    else {
      const number = Number(text.replace(/%$/, ''));
      if (!Number.isFinite(number)) {
        errors[`${key}.value`] = 'Enter a number, or clear it for unknown';
        continue;
      }
      parsed = key === 'imgShare' ? number / 100 : number;
    }
    candidate[key] = { value: parsed, source: source.trim(), asOf: asOf.trim() };
  }
  const result = programFactsSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      const message =
        path.endsWith('.value') && path.startsWith('imgShare')
          ? 'Enter a share from 0 to 100%'
          : issue.message;
      errors[path] ??= message;
    }
  }
  return Object.keys(errors).length > 0 || !result.success
    ? { ok: false, errors }
    : { ok: true, facts: result.data };
}
