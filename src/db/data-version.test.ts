import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDataVersion } from './data-version.js';
import type { Database } from './open-database.js';
import { describeEachEngine } from './testing/engines.js';
import { testProgram } from './testing/program-fixtures.js';

describeEachEngine('readDataVersion', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());

  it('stays put while the database is only read, and moves with every write', async () => {
    const start = await readDataVersion(db.kysely);
    await db.programs.list();
    await db.profiles.get();
    // On PostgreSQL the snapshot is the cluster's: other test files writing at the same time move it too.
    if (engine.name === 'pglite') expect(await readDataVersion(db.kysely)).toBe(start);

    await db.programs.upsertMany([testProgram()]);
    const afterCatalog = await readDataVersion(db.kysely);
    expect(afterCatalog).not.toBe(start);
    await db.smartpickSettings.save(await db.smartpickSettings.get());
    expect(await readDataVersion(db.kysely)).not.toBe(afterCatalog);
  });
});
