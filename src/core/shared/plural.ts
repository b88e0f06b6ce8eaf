/**
 * A count with its noun in the right form, by the language's plural rules (Intl.PluralRules) rather than
 * `count === 1`, so "1 program", "0 programs", "1.5 years" and "2 tier changes" all come out right. Every page,
 * the CLI and core messages use this one helper.
 *
 * @example plural(1, 'program') // "1 program"
 * @example plural(3, 'tier change') // "3 tier changes"
 * @example plural(2, 'person', 'people') // "2 people"
 */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${pluralNoun(count, one, other)}`;
}

/** Only the noun's form for `count`, for sentences that place the number elsewhere ("programs in, 1 out"). */
export function pluralNoun(count: number, one: string, other = `${one}s`): string {
  return RULES.select(count) === 'one' ? one : other;
}

// One rule set made once: building Intl.PluralRules per call is slow on long tables.
const RULES = new Intl.PluralRules('en-US');
