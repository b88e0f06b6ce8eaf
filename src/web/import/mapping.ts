import type { ImportField } from '../../core/catalog/import/types.js';

/** Fields that more than one column maps to. */
export function duplicateMappings(mapping: readonly (ImportField | null)[]): Set<ImportField> {
  const seen = new Set<ImportField>();
  const duplicated = new Set<ImportField>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) duplicated.add(field);
    seen.add(field);
  }
  return duplicated;
}
