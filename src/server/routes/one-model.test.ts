import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankListOdds } from '../../app/match/rank-list-simulation.js';
import type { JobView } from '../../app/match/simulation-jobs.js';
import { createSimulationPool, type SimulationPool } from '../../app/match/simulation-pool.js';
import type { Recommendation } from '../../core/smartpick/index.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { seasonProfile } from '../testing/season-profile.js';
import { sendJson } from '../testing/send-json.js';

/** "Today": 25 November 2026, interview season of the 2027 Match. */
const NOW = new Date('2026-11-25T12:00:00Z');

/**
 * One model, one answer: once the season holds interviews, My list's "P(match) now" moves off the plan's figure,
 * and the rank-list page's model figure for the same programs, ranked, is the same number.
 */
describeEachEngine('P(match) now: My list and the rank list agree', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let simulations: SimulationPool;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const recommend = async () => json<Recommendation>(await send('POST', '/api/smartpick/recommend', {}));
  const move = async (acgmeId: string, body: object) => {
    const response = await send('POST', `/api/applications/${acgmeId}/stage`, body);
    expect(response.status, `${acgmeId} → ${JSON.stringify(body)}`).toBe(200);
  };
  const interview = { startsAt: '2026-11-10T09:00:00-06:00', timeZone: 'America/Chicago', mode: 'virtual' };

  let plan: Recommendation;
  let interviewed: string[];
  let withdrawn: string;
  let silent: string;

  beforeAll(async () => {
    db = await engine.open();
    simulations = createSimulationPool({ size: 1 });
    app = createApp({ db, logger: createLogger('silent'), simulations, now: () => NOW });
    expect((await send('PUT', '/api/profile', seasonProfile(30))).status).toBe(200);
    expect((await send('POST', '/api/catalog/demo')).status).toBe(201);
  });
  afterAll(async () => {
    await simulations?.close();
    await db?.close();
  });

  it('Given no application sent yet, Then there is no "now" figure, only the plan', async () => {
    plan = await recommend();
    expect(plan.list).toHaveLength(30);
    expect(plan.pMatch.now).toBeNull();
    expect(plan.stopPoint.size).toBeLessThanOrEqual(plan.pMatch.listSize);
    interviewed = plan.list.slice(0, 5).map((verdict) => verdict.acgmeId);
    withdrawn = plan.list[5]?.acgmeId as string;
    silent = plan.list[6]?.acgmeId as string;
  });

  it('When five interviews are recorded, one program withdrawn and one silent, Then "now" counts them and differs from the plan', async () => {
    const added = await send('POST', '/api/applications', { acgmeIds: [...interviewed, withdrawn, silent] });
    expect(added.status).toBe(201);
    for (const acgmeId of [...interviewed, withdrawn, silent]) {
      await move(acgmeId, { stage: 'applied', at: '2026-09-25T14:00:00Z', details: { feeDollars: 35 } });
    }
    for (const acgmeId of interviewed) {
      await move(acgmeId, {
        stage: 'interview-scheduled',
        at: '2026-10-20T15:00:00Z',
        details: { interview },
      });
      await move(acgmeId, { stage: 'interviewed', at: '2026-11-10T20:00:00Z' });
    }
    await move(withdrawn, { stage: 'withdrawn', at: '2026-10-01T12:00:00Z' });

    const now = (await recommend()).pMatch.now;
    expect(now).not.toBeNull();
    if (now === null) return;
    expect({ interviews: now.interviews, waiting: now.waiting, out: now.out }).toEqual({
      interviews: 5,
      waiting: 1,
      out: 1,
    });
    // 61 days of silence: the silent program's chance of an invitation is discounted below the plan's.
    const waiting = now.programs.find((program) => program.acgmeId === silent);
    expect(waiting?.daysSilent).toBe(61);
    const planned = plan.list.find((verdict) => verdict.acgmeId === silent)?.interview?.probability ?? 0;
    expect(waiting?.interviewChance).toBeLessThan(planned);
    expect(Math.abs(now.probability - plan.pMatch.probability)).toBeGreaterThan(0.001);
    expect(now.issues).toEqual([]);
    expect(now.assumptions.length).toBeGreaterThan(0);
  });

  it('When the five are ranked, Then the rank list’s model figure equals "P(match) now" without the silent one', async () => {
    expect(
      (await send('PUT', '/api/rank-list', { ranked: interviewed, wouldNotAttend: [], couples: null }))
        .status,
    ).toBe(200);
    // The silent program gives up: rejected after applying is "withdrawn" from the applicant's side here.
    await move(silent, { stage: 'withdrawn', at: '2026-11-24T12:00:00Z' });
    const now = (await recommend()).pMatch.now;
    expect(now?.interviews).toBe(5);
    expect(now?.waiting).toBe(0);

    const started = await send('POST', '/api/match/simulations', { runs: 10, seed: 3 });
    expect(started.status).toBe(202);
    const { id } = await json<{ id: string }>(started);
    let job: JobView<RankListOdds>;
    for (;;) {
      job = await json<JobView<RankListOdds>>(await send('GET', `/api/match/simulations/${id}`));
      if (job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job.status).toBe('done');
    const model = job.result?.model;
    expect(model?.perProgram.map((entry) => entry.acgmeId)).toEqual(interviewed);
    expect(Math.abs((model?.pMatch ?? Number.NaN) - (now?.probability ?? Number.NaN))).toBeLessThan(1e-9);
    // Program by program too: the chance an interview there ends in an offer that reaches you.
    for (const entry of model?.perProgram ?? []) {
      const program = now?.programs.find((p) => p.acgmeId === entry.acgmeId);
      expect(Math.abs((program?.chance ?? Number.NaN) - entry.chance)).toBeLessThan(1e-12);
    }
  });

  it('Given a season that contradicts itself, Then My list names the program and what the odds assumed', async () => {
    const other = plan.list[7]?.acgmeId as string;
    expect((await send('POST', '/api/applications', { acgmeIds: [other] })).status).toBe(201);
    await move(other, { stage: 'applied', at: '2026-09-25T14:00:00Z' });
    await move(other, { stage: 'interview-scheduled', at: '2026-10-20T15:00:00Z', details: { interview } });
    await move(other, { stage: 'withdrawn', at: '2026-11-01T12:00:00Z' });
    // Ranked although never interviewed (the season page warns; the odds say they left it out).
    expect(
      (
        await send('PUT', '/api/rank-list', {
          ranked: [...interviewed, withdrawn],
          wouldNotAttend: [],
          couples: null,
        })
      ).status,
    ).toBe(200);
    const issues = (await recommend()).pMatch.now?.issues ?? [];
    expect(issues.map((issue) => issue.acgmeId).sort()).toEqual([other, withdrawn].sort());
    expect(issues.find((issue) => issue.acgmeId === other)?.reason).toMatch(/withdrew/);
    expect(issues.find((issue) => issue.acgmeId === withdrawn)?.reason).toMatch(/rank list/);
  });

  it('saves the places setting with the SmartPick settings and uses it', async () => {
    const settings = await json<Record<string, unknown>>(await send('GET', '/api/smartpick/settings'));
    expect(settings.regionMode).toBeNull();
    const saved = await send('PUT', '/api/smartpick/settings', {
      ...settings,
      regionMode: 'strongly-prefer',
    });
    expect(saved.status).toBe(200);
    expect((await json<Record<string, unknown>>(saved)).regionMode).toBe('strongly-prefer');
    expect((await recommend()).regions.mode).toBe('strongly-prefer');
    const bad = await send('PUT', '/api/smartpick/settings', { ...settings, regionMode: 'nowhere' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ path: 'regionMode' }] });
  });
});
