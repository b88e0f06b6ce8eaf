import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import type { Recommendation, WhatIfResult } from '../../core/smartpick/index.js';
import { LIST_CSV_COLUMNS } from '../../core/smartpick/list-csv.js';
import { defaultSmartPickSettings } from '../../core/smartpick/settings-schema.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

/** A U.S.-citizen IMG, graduated 2022, Step 2 CK 232, 3 months of hands-on USCE, applying to 30 programs. */
function usImgProfile() {
  const profile = emptyProfile();
  return {
    ...profile,
    applicantType: 'us-img' as const,
    graduationYear: 2022,
    exams: { ...profile.exams, step2ck: 232 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 3, inSpecialty: 2 },
    budget: { kind: 'programs' as const, programs: 30 },
  };
}

describeEachEngine('SmartPick API', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const recommend = async (settings?: object) =>
    json<Recommendation>(await send('POST', '/api/smartpick/recommend', settings ? { settings } : {}));

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent') });
  });
  afterAll(async () => db?.close());

  describe('before there is anything to recommend from', () => {
    it('asks for a profile first', async () => {
      const response = await send('POST', '/api/smartpick/recommend', {});
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'profile' }] });
    });

    it('then asks for a catalog', async () => {
      await send('PUT', '/api/profile', usImgProfile());
      const response = await send('POST', '/api/smartpick/recommend', {});
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'programs' }] });
    });
  });

  describe('with a US IMG profile and the demo catalog', () => {
    beforeAll(async () => {
      expect((await send('POST', '/api/catalog/demo')).status).toBe(201);
    });

    it('recommends a list of the budgeted size with P(match) and its range', async () => {
      const result = await recommend();
      expect(result.list).toHaveLength(30);
      expect(result.pMatch.probability).toBeGreaterThan(0);
      expect(result.pMatch.probability).toBeLessThan(1);
      expect(result.pMatch.range[0]).toBeLessThanOrEqual(result.pMatch.probability);
      expect(result.pMatch.range[1]).toBeGreaterThanOrEqual(result.pMatch.probability);
      expect(result.matchYear).toBeGreaterThanOrEqual(2027);
      expect(result.list.every((verdict) => verdict.status === 'in' && verdict.tier !== null)).toBe(true);
    });

    it('tries a bigger budget without saving it, and P(match) does not fall', async () => {
      const small = await recommend({ budget: { kind: 'programs', programs: 10 } });
      const large = await recommend({ budget: { kind: 'programs', programs: 60 } });
      expect(small.list).toHaveLength(10);
      expect(large.list).toHaveLength(60);
      expect(large.pMatch.probability).toBeGreaterThanOrEqual(small.pMatch.probability);
      // Tried, not saved: the settings still read the profile's budget
      expect((await json<{ budget: unknown }>(await send('GET', '/api/smartpick/settings'))).budget).toEqual({
        kind: 'programs',
        programs: 30,
      });
    });

    it('keeps one budget, the profile’s: My list saves it there, and a profile change shows on My list', async () => {
      const settings = await json<Record<string, unknown>>(await send('GET', '/api/smartpick/settings'));
      // When My list saves $2,000
      const saved = await send('PUT', '/api/smartpick/settings', {
        ...settings,
        budget: { kind: 'dollars', dollars: 2000 },
      });
      expect(saved.status).toBe(200);
      // Then the profile holds $2,000
      const profile = await json<{ profile: { budget: unknown } }>(await send('GET', '/api/profile'));
      expect(profile.profile.budget).toEqual({ kind: 'dollars', dollars: 2000 });
      // When the profile is then saved with $2,500
      await send('PUT', '/api/profile', { ...profile.profile, budget: { kind: 'dollars', dollars: 2500 } });
      // Then My list's settings, its list and Applications' totals all use $2,500
      expect((await json<{ budget: unknown }>(await send('GET', '/api/smartpick/settings'))).budget).toEqual({
        kind: 'dollars',
        dollars: 2500,
      });
      const list = await recommend();
      expect(list.budget).toMatchObject({ kind: 'dollars', dollars: 2500 });
      const totals = await json<{ totals: { budget: { budgetDollars: number } } }>(
        await send('GET', '/api/applications'),
      );
      expect(totals.totals.budget.budgetDollars).toBe(2500);
      // Put the 30 programs back for the tests that follow
      await send('PUT', '/api/profile', { ...profile.profile, budget: { kind: 'programs', programs: 30 } });
    });

    it('validates settings by field and keeps the saved ones', async () => {
      const bad = await send('PUT', '/api/smartpick/settings', {
        ...defaultSmartPickSettings(),
        signals: -2,
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ errors: [{ path: 'signals' }] });
      const badOverride = await send('POST', '/api/smartpick/recommend', { settings: { stopThreshold: 3 } });
      expect(badOverride.status).toBe(400);
      expect(await badOverride.json()).toMatchObject({ errors: [{ path: 'settings.stopThreshold' }] });
      const fallingTiers = await send('PUT', '/api/smartpick/settings', {
        ...defaultSmartPickSettings(),
        feeSchedule: {
          name: 'Your fee schedule',
          asOf: '2026-11-25',
          source: 'entered by you',
          fixedDollars: 0,
          tiers: [
            { upTo: 30, dollarsPerProgram: 11 },
            { upTo: 20, dollarsPerProgram: 20 },
            { upTo: null, dollarsPerProgram: 30 },
          ],
        },
      });
      expect(fallingTiers.status).toBe(400);
      expect(await fallingTiers.json()).toMatchObject({ errors: [{ path: 'feeSchedule.tiers.1.upTo' }] });
      // Nothing was saved: the defaults, with the profile's budget (the one budget)
      expect(await json(await send('GET', '/api/smartpick/settings'))).toEqual({
        ...defaultSmartPickSettings(),
        budget: { kind: 'programs', programs: 30 },
      });
    });

    it('honours a saved pin and exclude on the next run', async () => {
      const first = await recommend();
      const onList = first.list[0]?.acgmeId as string;
      const offList = first.programs.find(
        (verdict) => verdict.status === 'out' && verdict.code !== 'hard-filter',
      );
      expect(offList).toBeDefined();
      const saved = await send('PUT', '/api/smartpick/settings', {
        ...defaultSmartPickSettings(),
        pins: [offList?.acgmeId],
        excludes: [onList],
      });
      expect(saved.status).toBe(200);
      const second = await recommend();
      const ids = second.list.map((verdict) => verdict.acgmeId);
      expect(ids).toContain(offList?.acgmeId);
      expect(ids).not.toContain(onList);
      await send('PUT', '/api/smartpick/settings', defaultSmartPickSettings());
    });

    it('explains one program factor by factor, and 404s an unknown one', async () => {
      const { list } = await recommend();
      const acgmeId = list[0]?.acgmeId;
      const explanation = await json<{ acgmeId: string; interview: { contributions: { factor: string }[] } }>(
        await send('POST', '/api/smartpick/explain', { acgmeId }),
      );
      expect(explanation.acgmeId).toBe(acgmeId);
      expect(explanation.interview.contributions.map((c) => c.factor)).toContain('step2ck');
      expect((await send('POST', '/api/smartpick/explain', { acgmeId: 'DEMO-999999' })).status).toBe(404);
    });

    it('compares a Step 2 CK 10 points higher side by side', async () => {
      const response = await send('POST', '/api/smartpick/what-if', {
        change: { kind: 'step2ck', delta: 10 },
      });
      expect(response.status).toBe(200);
      const result = await json<WhatIfResult>(response);
      expect(result.difference.pMatch.after).toBeGreaterThanOrEqual(result.difference.pMatch.before);
      expect(result.after.list).toHaveLength(result.before.list.length);
    });

    it('rejects a malformed what-if change naming the field', async () => {
      const response = await send('POST', '/api/smartpick/what-if', {
        change: { kind: 'step2ck', delta: 2.5 },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'change.delta' }] });
    });

    it('counts a rotation logged in the Network at a program: "you rotated here" raises P(interview)', async () => {
      const before = await recommend();
      const target = before.programs.find((verdict) => verdict.interview !== null);
      const acgmeId = target?.acgmeId as string;
      const rotatedBefore = target?.interview?.contributions.find((c) => c.factor === 'rotated-here');
      expect(rotatedBefore?.logOdds ?? 0).toBe(0);

      const contact = await json<{ id: string }>(
        await send('POST', '/api/contacts', { name: 'Anna Lee', title: 'Dr.', role: 'attending' }),
      );
      const logged = await send('POST', `/api/contacts/${contact.id}/interactions`, {
        kind: 'rotation',
        date: '2026-09-01',
        endDate: '2026-09-26',
        acgmeId,
      });
      expect(logged.status).toBe(201);

      const explanation = await json<Recommendation['programs'][number]>(
        await send('POST', '/api/smartpick/explain', { acgmeId }),
      );
      const rotated = explanation.interview?.contributions.find((c) => c.factor === 'rotated-here');
      expect(rotated?.logOdds).toBeGreaterThan(0);
      expect(rotated?.reason).toMatch(/^You rotated here/);

      const after = await recommend();
      const verdict = after.programs.find((v) => v.acgmeId === acgmeId);
      const inVerdict = verdict?.interview?.contributions.find((c) => c.factor === 'rotated-here');
      expect(inVerdict?.logOdds).toBeGreaterThan(0);
      expect(verdict?.interview?.probability).toBeGreaterThan(target?.interview?.probability as number);
      await send('DELETE', `/api/contacts/${contact.id}`);
    });

    it('exports the list as CSV, one row per listed program, labelled synthetic', async () => {
      const response = await send('GET', '/api/smartpick/export.csv');
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toContain('matchwise-list.csv');
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe(LIST_CSV_COLUMNS.join(','));
      expect(lines).toHaveLength(31);
      expect(lines[1]?.startsWith('1,DEMO-')).toBe(true);
      expect(lines[1]?.endsWith(',synthetic')).toBe(true);
    });
  });
});
