import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Program } from '../core/catalog/program.js';
import { LOCAL_OWNER_ID } from './local-owner.js';
import type { Database } from './open-database.js';
import { StoredRowInvalidError } from './parse-stored-row.js';
import { describeEachEngine } from './testing/engines.js';
import { testProgram } from './testing/program-fixtures.js';

const brooklyn = testProgram({ acgmeId: '1203500001', name: 'Brooklyn Family Medicine', city: 'Brooklyn' });
const albany = testProgram({
  acgmeId: '1203500002',
  name: 'albany Medical Center Family Medicine',
  institution: 'Albany Medical Center',
  city: 'Albany',
});
const newark = testProgram({
  acgmeId: '1203300003',
  name: 'Rutgers NJMS Family Medicine',
  institution: 'Rutgers New Jersey Medical School',
  city: 'Newark',
  state: 'NJ',
});
const fresno = testProgram({
  acgmeId: '1200500004',
  name: 'UCSF Fresno 100% Rural_Track',
  institution: null,
  city: 'Fresno',
  state: 'CA',
  censusDivision: 'Pacific',
  facts: {},
});
const seattleIm = testProgram({
  acgmeId: '1405400005',
  name: 'Seattle Internal Medicine',
  city: 'Seattle',
  state: 'WA',
  censusDivision: 'Pacific',
  specialty: 'internal-medicine',
});
const demo = testProgram({
  acgmeId: 'DEMO-000001',
  nrmpCode: null,
  name: 'Demo Valley Family Medicine',
  city: 'Springfield',
  state: 'IL',
  censusDivision: 'East North Central',
  synthetic: true,
  origin: 'demo catalog',
});
const catalog = [brooklyn, albany, newark, fresno, seattleIm, demo];

const ids = (programs: Program[]) => programs.map((p) => p.acgmeId);

describeEachEngine('ProgramRepository', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.operatorKysely().deleteFrom('programs').execute();
    await db.programs.upsertMany(catalog);
  });

  it('reads back exactly what was stored', async () => {
    expect(await db.programs.get(brooklyn.acgmeId)).toEqual(brooklyn);
    expect(await db.programs.get(fresno.acgmeId)).toEqual(fresno);
    expect(await db.programs.get('1209999999')).toBeNull();
  });

  it('lists by state, then name regardless of case', async () => {
    expect(ids(await db.programs.list())).toEqual(ids([fresno, demo, newark, albany, brooklyn, seattleIm]));
  });

  it('filters by states, divisions, specialty and synthetic, combined', async () => {
    expect(ids(await db.programs.list({ states: ['NY', 'NJ'] }))).toEqual(ids([newark, albany, brooklyn]));
    expect(ids(await db.programs.list({ divisions: ['Pacific'] }))).toEqual(ids([fresno, seattleIm]));
    expect(ids(await db.programs.list({ divisions: ['Pacific'], specialty: 'family-medicine' }))).toEqual(
      ids([fresno]),
    );
    expect(ids(await db.programs.list({ synthetic: true }))).toEqual(ids([demo]));
    expect(await db.programs.list({ synthetic: false })).toHaveLength(5);
  });

  it('treats empty filter lists as no filter', async () => {
    expect(await db.programs.list({ states: [], divisions: [], search: '  ' })).toHaveLength(catalog.length);
  });

  it('searches name, institution, city and ACGME id, ignoring case', async () => {
    expect(ids(await db.programs.list({ search: 'ALBANY' }))).toEqual(ids([albany]));
    expect(ids(await db.programs.list({ search: 'new jersey' }))).toEqual(ids([newark]));
    expect(ids(await db.programs.list({ search: 'seattle' }))).toEqual(ids([seattleIm]));
    expect(ids(await db.programs.list({ search: '12005000' }))).toEqual(ids([fresno]));
  });

  it('matches % and _ in a search literally', async () => {
    expect(ids(await db.programs.list({ search: '100%' }))).toEqual(ids([fresno]));
    expect(await db.programs.list({ search: '%' })).toHaveLength(1);
    expect(ids(await db.programs.list({ search: 'l_track' }))).toEqual(ids([fresno]));
    // Unescaped, "_" would match any character and find every program named "... Family Medicine".
    expect(await db.programs.list({ search: 'Family_Medicine' })).toEqual([]);
    expect(await db.programs.list({ search: '\\' })).toEqual([]);
  });

  it('pages the filtered catalog, counting every match, not just the page', async () => {
    const first = await db.programs.page({}, { offset: 0, limit: 4 });
    expect(ids(first.items)).toEqual(ids([fresno, demo, newark, albany]));
    expect([first.total, first.synthetic]).toEqual([6, 1]);
    const second = await db.programs.page({}, { offset: 4, limit: 4 });
    expect(ids(second.items)).toEqual(ids([brooklyn, seattleIm]));
    const familyInNy = await db.programs.page(
      { states: ['NY'], specialty: 'family-medicine' },
      { offset: 0, limit: 1 },
    );
    expect([ids(familyInNy.items), familyInNy.total, familyInNy.synthetic]).toEqual([[albany.acgmeId], 2, 0]);
  });

  it('sorts a page by a column, unknown values last in either direction, ties by state then name', async () => {
    await db.programs.upsertMany([
      { ...newark, positions: 12 },
      { ...fresno, positions: null },
    ]);
    const ascending = await db.programs.page({}, { sort: 'positions', offset: 0, limit: 10 });
    expect(ids(ascending.items)).toEqual(ids([demo, albany, brooklyn, seattleIm, newark, fresno]));
    const descending = await db.programs.page(
      {},
      { sort: 'positions', descending: true, offset: 0, limit: 10 },
    );
    expect(ids(descending.items)).toEqual(ids([newark, demo, albany, brooklyn, seattleIm, fresno]));
    const byName = await db.programs.page({}, { sort: 'name', descending: true, offset: 0, limit: 2 });
    expect(ids(byName.items)).toEqual(ids([fresno, seattleIm]));
  });

  it('gives the map every matching program with only its place and label', async () => {
    const points = await db.programs.points({ divisions: ['Pacific'] });
    expect(points).toEqual([
      {
        acgmeId: fresno.acgmeId,
        name: fresno.name,
        city: 'Fresno',
        state: 'CA',
        latitude: fresno.latitude,
        longitude: fresno.longitude,
        synthetic: false,
      },
      expect.objectContaining({ acgmeId: seattleIm.acgmeId }),
    ]);
  });

  it('moves the catalog version on a change or a delete, not on an identical write', async () => {
    const initial = await db.programs.version();
    await db.programs.upsertMany([brooklyn]);
    expect(await db.programs.version()).toBe(initial);
    await db.programs.upsertMany([{ ...brooklyn, positions: 3 }]);
    const changed = await db.programs.version();
    expect(changed).not.toBe(initial);
    await db.programs.deleteSynthetic();
    expect(await db.programs.version()).not.toBe(changed);
  });

  it('gets many by id, ignoring ids it does not have', async () => {
    const found = await db.programs.getMany([albany.acgmeId, '1209999999', demo.acgmeId, albany.acgmeId]);
    expect([...found.keys()].sort()).toEqual([albany.acgmeId, demo.acgmeId].sort());
    expect(found.get(demo.acgmeId)).toEqual(demo);
    expect((await db.programs.getMany([])).size).toBe(0);
  });

  it('updates stored programs and inserts new ones, deleting nothing', async () => {
    const renamed = { ...albany, positions: 12, institution: null, facts: {} };
    const newcomer = testProgram({ acgmeId: '1203500099', name: 'Bronx Family Medicine', city: 'Bronx' });
    await db.programs.upsertMany([renamed, newcomer]);
    expect(await db.programs.get(albany.acgmeId)).toEqual(renamed);
    expect(await db.programs.get(newcomer.acgmeId)).toEqual(newcomer);
    expect(await db.programs.count()).toEqual({ total: catalog.length + 1, synthetic: 1 });
  });

  it('keeps the last of two programs with the same id', async () => {
    await db.programs.upsertMany([
      { ...brooklyn, positions: 1 },
      { ...brooklyn, positions: 2 },
    ]);
    expect((await db.programs.get(brooklyn.acgmeId))?.positions).toBe(2);
  });

  it('moves updated_at only when a program changed', async () => {
    const stamps = async () =>
      Object.fromEntries(
        (await db.operatorKysely().selectFrom('programs').select(['acgme_id', 'updated_at']).execute()).map(
          (r) => [r.acgme_id, r.updated_at.toISOString()],
        ),
      );
    const before = await stamps();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.programs.upsertMany([brooklyn, { ...newark, positions: 30 }]);
    const after = await stamps();
    expect(after[brooklyn.acgmeId]).toBe(before[brooklyn.acgmeId]);
    expect(after[newark.acgmeId]).not.toBe(before[newark.acgmeId]);
  });

  it('writes a large catalog in batches, all or nothing', async () => {
    const many = Array.from({ length: 1203 }, (_, i) =>
      testProgram({ acgmeId: `12099${String(i).padStart(5, '0')}`, name: `Program ${i}` }),
    );
    await db.programs.upsertMany(many);
    expect((await db.programs.count()).total).toBe(catalog.length + many.length);
    expect((await db.programs.getMany(many.map((p) => p.acgmeId))).size).toBe(many.length);

    const invalidLast = [...many.map((p) => ({ ...p, positions: 99 })), { ...brooklyn, state: 'XX' }];
    await expect(db.programs.upsertMany(invalidLast)).rejects.toThrow();
    expect((await db.programs.get(many[0]?.acgmeId ?? ''))?.positions).toBe(8);
  });

  it('counts all and synthetic programs, and deletes only the synthetic ones', async () => {
    expect(await db.programs.count()).toEqual({ total: 6, synthetic: 1 });
    expect(await db.programs.deleteSynthetic()).toBe(1);
    expect(await db.programs.count()).toEqual({ total: 5, synthetic: 0 });
    expect(await db.programs.deleteSynthetic()).toBe(0);
  });

  it('fails loudly, naming the row, when a stored program breaks the schema', async () => {
    await db
      .operatorKysely()
      .updateTable('programs')
      .set({ facts: JSON.stringify({ visaJ1: { value: 'yes' } }) })
      .where('acgme_id', '=', albany.acgmeId)
      .execute();
    await expect(db.programs.list()).rejects.toThrow(StoredRowInvalidError);
    await expect(db.programs.get(albany.acgmeId)).rejects.toThrow(/program 1203500002 .*facts\.visaJ1/);
  });

  it('stores facts as a jsonb object defaulting to {}', async () => {
    await sql`insert into programs (owner_id, acgme_id, name, city, state, specialty, origin)
      values (${LOCAL_OWNER_ID}, '1203500100', 'Minimal', 'Utica', 'NY', 'family-medicine', 'hand-written')`.execute(
      db.operatorKysely(),
    );
    const stored = await db.programs.get('1203500100');
    expect(stored).toMatchObject({ facts: {}, synthetic: false, positions: null, latitude: null });
  });
});
