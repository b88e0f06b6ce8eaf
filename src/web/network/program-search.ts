/** A catalog program as a picker shows it. */
export interface PickableProgram {
  acgmeId: string;
  name: string;
  city: string;
  state: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Catalog programs matching what was typed, by name, city ("Altoona"), state or ACGME id: every word typed must
 * appear. Names that start with the text come first, then the rest by name; at most `limit`.
 *
 * @example searchPrograms(programs, 'altoona') // the programs in Altoona, PA
 */
export function searchPrograms(
  programs: readonly PickableProgram[],
  query: string,
  limit = 8,
): PickableProgram[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const text = fold(query);
  const scored: { program: PickableProgram; starts: boolean }[] = [];
  for (const program of programs) {
    const haystack = fold(`${program.name} ${program.city} ${program.state} ${program.acgmeId}`);
    if (!words.every((word) => haystack.includes(word))) continue;
    scored.push({ program, starts: fold(program.name).startsWith(text) || program.acgmeId === query.trim() });
  }
  return scored
    .sort((a, b) => Number(b.starts) - Number(a.starts) || a.program.name.localeCompare(b.program.name))
    .slice(0, limit)
    .map((entry) => entry.program);
}

/** "Altoona FM — Altoona, PA": how a chosen program reads in its box. */
export const programLabel = (program: PickableProgram): string =>
  `${program.name} — ${program.city}, ${program.state}`;
