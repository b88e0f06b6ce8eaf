import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import type { Database } from '../db/index.js';
import { describeEachEngine } from '../db/testing/engines.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';

const CSV = [
  'ACGME ID,Program Name,City,State',
  '1200100001,Alpha Family Medicine Program,Albany,NY',
  '1200100002,Beta Family Medicine Program,Buffalo,New York',
  '1200100003,Gamma Program,Nowhere,ZZ',
].join('\n');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describeEachEngine('HTTP API', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown, raw?: string) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent') });
  });
  afterAll(async () => db?.close());

  async function expectProblem(response: Response, status: number, path?: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as {
      type: string;
      title: string;
      status: number;
      errors: { path: string }[];
    };
    expect(problem.status).toBe(status);
    expect(problem.type).toMatch(/^\/problems\//);
    expect(problem.title.length).toBeGreaterThan(0);
    if (path) expect(problem.errors.map((error) => error.path)).toContain(path);
    return problem;
  }

  it('reports health with the engine and program count', async () => {
    const response = await send('GET', '/api/health');
    expect(await response.json()).toEqual({ status: 'ok', engine: engine.name, programs: 0 });
  });

  it('answers unknown API routes and unknown pages with a 404 problem', async () => {
    await expectProblem(await send('GET', '/api/nope'), 404);
    await expectProblem(await send('DELETE', '/api/profile'), 404);
    await expectProblem(await send('GET', '/nothing-here'), 404);
  });

  describe('profile', () => {
    it('is 200 with null before anything is saved: a first visit is not an error', async () => {
      const response = await send('GET', '/api/profile');
      expect(response.status).toBe(200);
      expect(await response.json()).toBeNull();
    });

    it('rejects a Step 2 CK of 320 naming exams.step2ck, and keeps nothing', async () => {
      const profile = emptyProfile();
      const problem = await expectProblem(
        await send('PUT', '/api/profile', { ...profile, exams: { ...profile.exams, step2ck: 320 } }),
        400,
        'exams.step2ck',
      );
      expect(problem.errors[0]?.path).toBe('exams.step2ck');
      expect(await (await send('GET', '/api/profile')).json()).toBeNull();
    });

    it('rejects a body that is not JSON, naming the body', async () => {
      await expectProblem(await send('PUT', '/api/profile', undefined, '{not json'), 400, '(body)');
    });

    it('names every missing field of an empty object', async () => {
      const problem = await expectProblem(await send('PUT', '/api/profile', {}), 400, 'applicantType');
      expect(problem.errors.map((error) => error.path)).toEqual(
        expect.arrayContaining(['exams', 'graduationYear', 'budget']),
      );
    });

    it('saves a US IMG profile, exports it and imports the export back', async () => {
      const profile = { ...emptyProfile(), name: 'Dr. Test', graduationYear: 2022 };
      profile.exams = { ...profile.exams, step2ck: 232 };
      const saved = await send('PUT', '/api/profile', profile);
      expect(saved.status).toBe(200);
      expect(((await saved.json()) as { profile: unknown }).profile).toEqual(profile);

      const exported = await send('GET', '/api/profile/export');
      expect(exported.headers.get('content-disposition')).toContain('matchwise-profile.json');
      const file = (await exported.json()) as { format: string; version: number; profile: unknown };
      expect(file).toMatchObject({ format: 'matchwise-profile', version: 1, profile });

      const changed = { ...file, profile: { ...profile, graduationYear: 2021 } };
      const imported = await send('POST', '/api/profile/import', changed);
      expect(imported.status).toBe(200);
      const current = (await (await send('GET', '/api/profile')).json()) as {
        profile: { graduationYear: number };
      };
      expect(current.profile.graduationYear).toBe(2021);
    });

    it('rejects an import whose file has a bad field, naming it inside the file', async () => {
      const bad = {
        format: 'matchwise-profile',
        version: 1,
        profile: { ...emptyProfile(), graduationYear: 1800 },
      };
      await expectProblem(await send('POST', '/api/profile/import', bad), 400, 'profile.graduationYear');
    });
  });

  describe('programs and imports', () => {
    it('rejects an import body without a file, naming the field', async () => {
      await expectProblem(
        await send('POST', '/api/imports/preview', { filename: 'x.csv' }),
        400,
        'contentBase64',
      );
      await expectProblem(
        await send('POST', '/api/imports', { filename: 'x.csv', contentBase64: 'not base64!' }),
        400,
        'contentBase64',
      );
      await expectProblem(
        await send('POST', '/api/imports/preview', {
          filename: 'x.csv',
          contentBase64: base64(CSV),
          mapping: ['bogus'],
        }),
        400,
        'mapping.0',
      );
    });

    it('previews an import without writing anything', async () => {
      const response = await send('POST', '/api/imports/preview', {
        filename: 'list.csv',
        contentBase64: base64(CSV),
      });
      expect(response.status).toBe(200);
      const preview = (await response.json()) as Record<string, unknown>;
      expect(preview).toMatchObject({
        format: 'csv',
        totalRows: 3,
        valid: 2,
        invalid: 1,
        missingFields: [],
        plan: { create: 2, update: 0, unchanged: 0 },
      });
      expect(preview.errors).toEqual([expect.objectContaining({ line: 4, field: 'state' })]);
      expect((await db.programs.count()).total).toBe(0);
    });

    it('imports valid rows, reports the bad line, and a second import changes nothing', async () => {
      const first = await send('POST', '/api/imports', { filename: 'list.csv', contentBase64: base64(CSV) });
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({
        created: 2,
        invalid: 1,
        errors: [{ line: 4, field: 'state' }],
      });
      const second = await send('POST', '/api/imports', { filename: 'list.csv', contentBase64: base64(CSV) });
      expect(await second.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const history = (await (await send('GET', '/api/imports')).json()) as { items: { filename: string }[] };
      expect(history.items).toHaveLength(2);
    });

    it('refuses a file in the wrong encoding with a 422 naming the line', async () => {
      const latin1 = Buffer.concat([
        Buffer.from('ACGME ID,Program Name,City,State\n1200100009,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' Program,Albany,NY\n'),
      ]);
      const problem = await expectProblem(
        await send('POST', '/api/imports', {
          filename: 'latin1.csv',
          contentBase64: latin1.toString('base64'),
        }),
        422,
        'line 2',
      );
      expect(problem.errors[0]?.path).toBe('line 2');
    });

    it('refuses to import when a required column is unmapped, and names it', async () => {
      const noState = 'ACGME ID,Program Name,City\n1200100005,Delta Program,Dayton\n';
      await expectProblem(
        await send('POST', '/api/imports', { filename: 'nostate.csv', contentBase64: base64(noState) }),
        422,
        'mapping.state',
      );
    });

    it('filters programs by state and search, and validates the query', async () => {
      const ny = (await (await send('GET', '/api/programs?state=ny')).json()) as {
        total: number;
        items: { state: string }[];
      };
      expect(ny.total).toBe(2);
      expect(ny.items.every((program) => program.state === 'NY')).toBe(true);
      const search = (await (await send('GET', '/api/programs?q=beta')).json()) as {
        items: { acgmeId: string }[];
      };
      expect(search.items.map((program) => program.acgmeId)).toEqual(['1200100002']);
      await expectProblem(await send('GET', '/api/programs?state=ZZ'), 400, 'state.0');
      await expectProblem(await send('GET', '/api/programs?division=Nowhere'), 400, 'division.0');
      await expectProblem(await send('GET', '/api/programs/1200999999'), 404);
    });

    it('pages, sorts and filters programs on the server, with counts of every match', async () => {
      await send('POST', '/api/catalog/demo');
      type Page = { total: number; page: number; limit: number; pages: number; items: { acgmeId: string }[] };
      const read = async (path: string) => (await (await send('GET', path)).json()) as Page;
      const total = (await db.programs.count()).total;

      const first = await read('/api/programs');
      expect(first).toMatchObject({ total, page: 1, limit: 100, pages: Math.ceil(total / 100) });
      expect(first.items).toHaveLength(100);
      const second = await read('/api/programs?page=2&limit=50');
      const all = (await db.programs.list()).map((program) => program.acgmeId);
      expect(second.items.map((program) => program.acgmeId)).toEqual(all.slice(50, 100));
      const last = await read(`/api/programs?page=${Math.ceil(total / 500)}&limit=500`);
      expect(last.items).toHaveLength(total % 500 || 500);

      const byPositions = await read('/api/programs?state=NY,CA&sort=positions&dir=desc&limit=500');
      const inStates = (await db.programs.list({ states: ['NY', 'CA'] })).length;
      expect(byPositions.total).toBe(inStates);
      const positions = await Promise.all(
        byPositions.items.map(async ({ acgmeId }) => (await db.programs.get(acgmeId))?.positions ?? -1),
      );
      expect(positions).toEqual([...positions].sort((a, b) => b - a));

      await expectProblem(await send('GET', '/api/programs?limit=501'), 400, 'limit');
      await expectProblem(await send('GET', '/api/programs?page=0'), 400, 'page');
      await expectProblem(await send('GET', '/api/programs?sort=facts'), 400, 'sort');
      await send('DELETE', '/api/catalog/demo');
    });

    it('gives the map every program with only its place, and answers 304 until the catalog changes', async () => {
      const map = await send('GET', '/api/programs/map?state=NY');
      const body = (await map.json()) as { total: number; items: Record<string, unknown>[] };
      expect(body.total).toBe(2);
      expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
        ['acgmeId', 'city', 'latitude', 'longitude', 'name', 'state', 'synthetic'].sort(),
      );

      const first = await send('GET', '/api/programs?state=NY');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"/);
      const again = await app.request('/api/programs?state=NY', { headers: { 'if-none-match': etag } });
      expect([again.status, await again.text()]).toEqual([304, '']);
      const otherQuery = await app.request('/api/programs?state=NJ', { headers: { 'if-none-match': etag } });
      expect(otherQuery.status).toBe(200);
      // A write elsewhere (a contact) leaves the catalog, and so its ETags, as they were.
      expect((await send('POST', '/api/contacts', { name: 'Anna Lee', role: 'mentor' })).status).toBe(201);
      const afterContact = await app.request('/api/programs?state=NY', {
        headers: { 'if-none-match': etag },
      });
      expect(afterContact.status).toBe(304);

      const [albany] = await db.programs.list({ states: ['NY'] });
      await db.programs.upsertMany([{ ...albany!, positions: 77 }]);
      const changed = await app.request('/api/programs?state=NY', { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const fresh = (await changed.json()) as { items: { acgmeId: string; positions: number | null }[] };
      expect(fresh.items.find((program) => program.acgmeId === albany?.acgmeId)?.positions).toBe(77);
    });

    it('gzips a large JSON answer for a client that accepts it, and leaves small ones alone', async () => {
      await send('POST', '/api/catalog/demo');
      const zipped = await app.request('/api/programs', { headers: { 'accept-encoding': 'gzip, deflate' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      const unzipped = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')) as {
        items: unknown[];
      };
      expect(unzipped.items).toHaveLength(100);
      const small = await app.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
      expect(small.headers.get('content-encoding')).toBeNull();
      expect(await small.json()).toMatchObject({ status: 'ok' });
      await send('DELETE', '/api/catalog/demo');
    });

    it('adds the synthetic demo catalog, labelled, and removes only it', async () => {
      const added = await send('POST', '/api/catalog/demo');
      expect(added.status).toBe(201);
      const { created } = (await added.json()) as { created: number };
      expect(created).toBeGreaterThan(100);
      const all = (await (await send('GET', '/api/programs')).json()) as { total: number; synthetic: number };
      expect(all).toMatchObject({ total: created + 2, synthetic: created });
      const removed = (await (await send('DELETE', '/api/catalog/demo')).json()) as { deleted: number };
      expect(removed.deleted).toBe(created);
      expect((await db.programs.count()).total).toBe(2);
    });
  });
});
