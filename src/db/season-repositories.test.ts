import { afterAll, beforeAll, expect, it } from 'vitest';
import { newApplication } from '../core/season/application.js';
import type { Database } from './index.js';
import { describeEachEngine } from './testing/engines.js';
import { testProgram } from './testing/program-fixtures.js';

const JUNE = new Date('2026-06-03T12:00:00Z');
const DEMO = 'DEMO-000001';
const REAL = '1201200001';

describeEachEngine('season repositories', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
    await db.programs.upsertMany([
      testProgram({ acgmeId: REAL }),
      testProgram({ acgmeId: DEMO, synthetic: true, name: 'Demo Family Medicine' }),
    ]);
  });
  afterAll(async () => db?.close());

  it('stores an application with its interview, impressions and history, and reads it back equal', async () => {
    const saved = newApplication(REAL, JUNE);
    const application = {
      ...saved,
      stage: 'interviewed' as const,
      appliedOn: '2026-09-03',
      feeDollars: 35.5,
      interview: {
        startsAt: '2026-12-03T09:00:00-06:00',
        timeZone: 'America/Chicago',
        mode: 'virtual' as const,
      },
      impressions: { ratings: { residents: 5 }, notes: 'Warm' },
      history: [...saved.history, { stage: 'interviewed' as const, at: '2026-12-03T20:00:00.000Z' }],
      notes: 'Ask about OB',
    };
    expect(await db.applications.insertMissing([application, newApplication(DEMO, JUNE)])).toEqual([
      REAL,
      DEMO,
    ]);
    expect(await db.applications.insertMissing([newApplication(REAL, JUNE)])).toEqual([]);
    expect(await db.applications.get(REAL)).toEqual(application);
  });

  it('keeps practice newest first and notes per program, and drops them with a deleted demo program', async () => {
    await db.interviewPrep.insertPractice({
      id: 'p1',
      questionId: 'fm-1',
      questionText: null,
      acgmeId: DEMO,
      practicedOn: '2026-11-20',
      rating: 3,
      notes: '',
    });
    await db.interviewPrep.insertPractice({
      id: 'p2',
      questionId: null,
      questionText: 'Why Chicago?',
      acgmeId: null,
      practicedOn: '2026-11-24',
      rating: 4,
      notes: '',
    });
    expect((await db.interviewPrep.listPractice()).map((p) => p.id)).toEqual(['p2', 'p1']);
    await db.interviewPrep.saveNotes(DEMO, { whatToMention: 'Rural track', notes: '' });
    expect(await db.interviewPrep.getNotes(DEMO)).toMatchObject({ whatToMention: 'Rural track' });

    await db.programs.deleteSynthetic();
    expect(await db.applications.get(DEMO)).toBeNull();
    expect(await db.interviewPrep.getNotes(DEMO)).toBeNull();
    expect((await db.interviewPrep.listPractice({})).find((p) => p.id === 'p1')?.acgmeId).toBeNull();
  });

  it('saves the rank list with a couples list and replaces it whole', async () => {
    expect(await db.rankList.get()).toMatchObject({ ranked: [], updatedAt: null });
    await db.rankList.save({
      ranked: [REAL],
      wouldNotAttend: [],
      couples: { partnerName: 'Sam', pairs: [{ mine: REAL, partner: null }] },
      minimumRanked: 4,
    });
    const saved = await db.rankList.save({
      ranked: [REAL],
      wouldNotAttend: [],
      couples: null,
      minimumRanked: 3,
    });
    expect(saved).toMatchObject({ ranked: [REAL], couples: null, minimumRanked: 3 });
    expect(saved.updatedAt).not.toBeNull();
  });
});
