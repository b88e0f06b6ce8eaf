import type { Repositories } from '../../db/repositories.js';
import { Refusal } from '../refusal.js';

/**
 * A program a contact or a rotation points at must be in the catalog: free text ("Altoona") saved as an ACGME id
 * would show as a program that does not exist. 422 naming `path`; null (no program) passes. `unchanged` lets a
 * contact saved before this rule keep the id it already has while its other fields are edited.
 */
export async function requireCatalogProgram(
  repos: Pick<Repositories, 'programs'>,
  acgmeId: string | null,
  path: string,
  unchanged: string | null = null,
): Promise<void> {
  if (acgmeId === null || acgmeId === unchanged) return;
  if ((await repos.programs.get(acgmeId)) !== null) return;
  throw new Refusal('That program is not in your catalog', [
    { path, message: `No program with ACGME id ${acgmeId} in your catalog: choose one from the list` },
  ]);
}
