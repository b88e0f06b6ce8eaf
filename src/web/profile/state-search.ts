import { STATES } from '../../core/geo/census.js';

/**
 * States whose postal code or name matches what was typed: an exact code first ("ny" → New York),
 * then names starting with the text, then names containing it.
 */
export function filterStates(codes: readonly string[], text: string): string[] {
  const query = text.trim().toLowerCase();
  if (query.length === 0) return [...codes];
  const rank = (code: string): number => {
    const name = (STATES[code]?.name ?? code).toLowerCase();
    if (code.toLowerCase() === query) return 0;
    if (name.startsWith(query)) return 1;
    if (name.includes(query)) return 2;
    return -1;
  };
  return codes
    .map((code) => ({ code, rank: rank(code) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.code);
}
