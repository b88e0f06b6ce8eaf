import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

const ID = '1201200001';

describeEachEngine('PUT /api/programs/:id/facts: research facts edited in the app', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent') });
    await db.programs.upsertMany([testProgram({ acgmeId: ID, name: 'Riverside Family Medicine' })]);
  });
  afterAll(async () => db?.close());

  it('saves a fact with its source and date, and a fact left out is unknown', async () => {
    const visaJ1 = { value: true, source: 'Program website FAQ', asOf: '2026-09-01' };
    const response = await send('PUT', `/api/programs/${ID}/facts`, { visaJ1 });
    expect(response.status).toBe(200);
    expect((await db.programs.get(ID))?.facts).toEqual({ visaJ1 });
    await send('PUT', `/api/programs/${ID}/facts`, {});
    expect((await db.programs.get(ID))?.facts).toEqual({});
  });

  it('refuses a fact without a source, a share above 100% or an unknown fact, naming the field', async () => {
    const response = await send('PUT', `/api/programs/${ID}/facts`, {
      minStep2Score: { value: 230, source: '', asOf: '2026-09-01' },
      imgShare: { value: 1.4, source: 'x', asOf: '2026-09-01' },
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['minStep2Score.source', 'imgShare.value']));
    const unknownFact = await send('PUT', `/api/programs/${ID}/facts`, {
      favouriteColour: { value: 'blue', source: 'x', asOf: '2026-09-01' },
    });
    expect(unknownFact.status).toBe(400);
    expect((await db.programs.get(ID))?.facts).toEqual({});
  });

  it('answers 404 for a program not in the catalog', async () => {
    expect((await send('PUT', '/api/programs/1200000000/facts', {})).status).toBe(404);
  });
});
