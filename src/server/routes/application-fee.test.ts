import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

const NOW = new Date('2026-09-20T12:00:00Z');
const IDS = ['1201200001', '1201200002', '1201200003', '1201200004'];

describeEachEngine('Applying records the fee from the fee schedule', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const applyTo = async (acgmeId: string, details?: object) => {
    const response = await send('POST', `/api/applications/${acgmeId}/stage`, { stage: 'applied', details });
    expect(response.status).toBe(200);
    return (await response.json()) as { feeDollars: number | null };
  };

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent'), now: () => NOW });
    await db.programs.upsertMany(IDS.map((acgmeId, i) => testProgram({ acgmeId, name: `Program ${i + 1}` })));
    expect((await send('POST', '/api/applications', { acgmeIds: IDS })).status).toBe(201);
  });
  afterAll(async () => db?.close());

  it('Given the ERAS schedule ($11 for programs 1–30), When the first program is sent, Then it records $11', async () => {
    expect((await applyTo(IDS[0] as string)).feeDollars).toBe(11);
  });

  it('Given a schedule edited on My list ($20 from the 2nd), Then the 2nd application records $20', async () => {
    const settings = await db.smartpickSettings.get();
    await db.smartpickSettings.save({
      ...settings,
      feeSchedule: {
        name: 'My schedule',
        asOf: 'edited',
        source: 'me',
        fixedDollars: 0,
        tiers: [
          { upTo: 1, dollarsPerProgram: 11 },
          { upTo: null, dollarsPerProgram: 20 },
        ],
      },
    });
    expect((await applyTo(IDS[1] as string)).feeDollars).toBe(20);
  });

  it('keeps a fee the move names, and the fee stays editable', async () => {
    expect((await applyTo(IDS[2] as string, { feeDollars: 0 })).feeDollars).toBe(0);
    const edited = await send('PATCH', `/api/applications/${IDS[0]}`, { feeDollars: 9 });
    expect(((await edited.json()) as { feeDollars: number }).feeDollars).toBe(9);
  });

  it('does not charge again when an application moves on (applied → signaled)', async () => {
    const response = await send('POST', `/api/applications/${IDS[0]}/stage`, { stage: 'signaled' });
    expect(((await response.json()) as { feeDollars: number }).feeDollars).toBe(9);
  });
});
