import { generateDemoCatalog } from '../../core/catalog/demo-catalog.js';
import type { OwnerDatabase } from '../../db/index.js';
import { demoCities } from './demo-cities.js';

/** Adds the synthetic demo catalog; running it again changes nothing. */
export async function loadDemoCatalog(
  db: OwnerDatabase,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const programs = generateDemoCatalog({ cities: demoCities() });
  return db.transaction(async (repos) => {
    const existing = await repos.programs.getMany(programs.map((program) => program.acgmeId));
    const changed = programs.filter((program) => {
      const stored = existing.get(program.acgmeId);
      return !stored || JSON.stringify(stored) !== JSON.stringify(program);
    });
    await repos.programs.upsertMany(changed);
    const created = changed.filter((program) => !existing.has(program.acgmeId)).length;
    return { created, updated: changed.length - created, unchanged: programs.length - changed.length };
  });
}
