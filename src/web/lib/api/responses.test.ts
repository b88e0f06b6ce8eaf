import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/index.js';
import { testProgram } from '../../../db/testing/program-fixtures.js';
import { createApp } from '../../../server/app.js';
import { createLogger } from '../../../server/logger.js';
import { sendJson } from '../../../server/testing/send-json.js';
import type { ApplicationList, ApplicationView, RankListView } from './season.js';
import type { Health } from './types.js';

// The web's response types are read off the server's routes. Each key list below must name exactly the
// fields of its type (`satisfies` refuses a missing or an extra key), so a field the server stops sending
// fails `tsc` here; the requests below check the server really sends those fields.

const healthKeys = { status: true, engine: true, programs: true } satisfies Record<keyof Health, true>;

const applicationListKeys = { applications: true, totals: true, warnings: true } satisfies Record<
  keyof ApplicationList,
  true
>;

const applicationKeys = {
  acgmeId: true,
  stage: true,
  appliedOn: true,
  feeDollars: true,
  signaled: true,
  invitedOn: true,
  responseDeadline: true,
  interview: true,
  impressions: true,
  history: true,
  notes: true,
  program: true,
} satisfies Record<keyof ApplicationView, true>;

const rankListKeys = {
  ranked: true,
  wouldNotAttend: true,
  couples: true,
  minimumRanked: true,
  warnings: true,
  candidates: true,
  updatedAt: true,
} satisfies Record<keyof RankListView, true>;

const sortedKeys = (keys: object) => Object.keys(keys).sort();

describe('the web reads response types off the server routes', () => {
  it('types each answer as sent: dates as strings, nothing the server does not send', () => {
    expectTypeOf<ApplicationView['history'][number]['at']>().toEqualTypeOf<string>();
    expectTypeOf<RankListView['ranked'][number]['program']>().toExtend<{ name: string } | null>();
    // @ts-expect-error the server sends no `fee` on an application (it is `feeDollars`)
    expectTypeOf<ApplicationView>().toHaveProperty('fee');
    // @ts-expect-error a ranked program may be gone from the catalog: `program` can be null
    expectTypeOf<RankListView['ranked'][number]['program']>().toEqualTypeOf<{ name: string }>();
  });

  describe('and the server sends exactly the typed fields', () => {
    let db: Database;
    let app: ReturnType<typeof createApp>;
    const get = async (path: string) => (await sendJson(app, 'GET', path)).json();

    beforeAll(async () => {
      db = await openDatabase({ dataDir: 'memory://' });
      app = createApp({ db, logger: createLogger('silent'), now: () => new Date('2026-11-25T12:00:00Z') });
      await db.programs.upsertMany([testProgram({ acgmeId: '1201200001' })]);
      await sendJson(app, 'POST', '/api/applications', { acgmeIds: ['1201200001'] });
      await sendJson(app, 'PUT', '/api/rank-list', {
        ranked: ['1201200001'],
        wouldNotAttend: [],
        couples: null,
      });
    });
    afterAll(async () => {
      await db.close();
    });

    it('health', async () => {
      expect(sortedKeys(await get('/api/health'))).toEqual(sortedKeys(healthKeys));
    });

    it('the application pipeline and one application in it', async () => {
      const list = (await get('/api/applications')) as ApplicationList;
      expect(sortedKeys(list)).toEqual(sortedKeys(applicationListKeys));
      expect(list.applications).toHaveLength(1);
      expect(sortedKeys(list.applications[0] as object)).toEqual(sortedKeys(applicationKeys));
    });

    it('the rank list', async () => {
      expect(sortedKeys(await get('/api/rank-list'))).toEqual(sortedKeys(rankListKeys));
    });
  });
});
