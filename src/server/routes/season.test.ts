import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationView,
  ProgramNotesView,
  RankListView,
  SeasonTimelineView,
} from '../../app/season/season-service.js';
import { usImgProfile } from '../../core/smartpick/test-support.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

/** "Today" in these tests: Wednesday 25 November 2026, noon UTC — interview season of the 2027 Match. */
const NOW = new Date('2026-11-25T12:00:00Z');

const RIVERSIDE = '1201200001';
const LAKESHORE = '1209900108';
const PRAIRIE = '1201600003';

interface Problem {
  title: string;
  detail?: string;
  errors: { path: string; message: string }[];
}

describeEachEngine('Season API', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const move = (acgmeId: string, body: unknown) => send('POST', `/api/applications/${acgmeId}/stage`, body);

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent'), now: () => NOW });
    await db.programs.upsertMany([
      testProgram({
        acgmeId: RIVERSIDE,
        name: 'Riverside Family Medicine',
        city: 'Springfield',
        state: 'IL',
      }),
      testProgram({ acgmeId: LAKESHORE, name: 'Lakeshore Family Medicine', city: 'Chicago', state: 'IL' }),
      testProgram({ acgmeId: PRAIRIE, name: 'Prairie Family Medicine', city: 'Peoria', state: 'IL' }),
    ]);
    // The budget is the profile's (the one My list edits too). A non-U.S. IMG who needs a J-1 graduated two years
    // before the Match: every question of the interview bank applies to them.
    await db.profiles.save({
      ...usImgProfile({ applicantType: 'non-us-img', visaNeed: 'j1', graduationYear: 2025 }),
      budget: { kind: 'dollars', dollars: 60 },
    });
  });
  afterAll(async () => db?.close());

  describe('the pipeline, from SmartPick’s list to an interview', () => {
    it('refuses a bulk add naming the ids not in the catalog, and adds nothing', async () => {
      const response = await send('POST', '/api/applications', { acgmeIds: [RIVERSIDE, '9999999999'] });
      expect(response.status).toBe(422);
      expect((await json<Problem>(response)).errors).toEqual([
        { path: 'acgmeIds.1', message: 'No program with ACGME id 9999999999' },
      ]);
      expect(
        (await json<{ applications: unknown[] }>(await send('GET', '/api/applications'))).applications,
      ).toEqual([]);
    });

    it('adds three programs as saved, then skips the one already there', async () => {
      const first = await send('POST', '/api/applications', { acgmeIds: [RIVERSIDE, LAKESHORE, PRAIRIE] });
      expect(first.status).toBe(201);
      expect(await json(first)).toMatchObject({ added: [RIVERSIDE, LAKESHORE, PRAIRIE], skipped: [] });
      const again = await json(await send('POST', '/api/applications', { acgmeIds: [RIVERSIDE] }));
      expect(again).toMatchObject({ added: [], skipped: [RIVERSIDE], applications: [] });
    });

    it('lists them by program name with city and state joined', async () => {
      const { applications } = await json<{ applications: ApplicationView[] }>(
        await send('GET', '/api/applications'),
      );
      expect(applications.map((a) => [a.program.name, a.program.city, a.stage])).toEqual([
        ['Lakeshore Family Medicine', 'Chicago', 'saved'],
        ['Prairie Family Medicine', 'Peoria', 'saved'],
        ['Riverside Family Medicine', 'Springfield', 'saved'],
      ]);
    });

    it('refuses an illegal move with the core message', async () => {
      const response = await move(RIVERSIDE, { stage: 'interviewed' });
      expect(response.status).toBe(422);
      expect(await json<Problem>(response)).toMatchObject({
        title: 'Illegal stage change',
        detail: 'Cannot mark interviewed before applying',
        errors: [{ path: 'stage', message: 'Cannot mark interviewed before applying' }],
      });
    });

    it('names a bad time zone in the interview details', async () => {
      const response = await move(RIVERSIDE, {
        stage: 'applied',
        details: {
          interview: { startsAt: '2026-11-23T09:00:00-06:00', timeZone: 'Central', mode: 'virtual' },
        },
      });
      expect(response.status).toBe(400);
      expect((await json<Problem>(response)).errors.map((e) => e.path)).toEqual([
        'details.interview.timeZone',
      ]);
    });

    it('applies to Riverside and Lakeshore ($35 each), and Riverside is interviewed on 23 November', async () => {
      for (const acgmeId of [RIVERSIDE, LAKESHORE]) {
        const applied = await move(acgmeId, {
          stage: 'applied',
          at: '2026-09-03T14:00:00Z',
          details: { feeDollars: 35 },
        });
        expect(applied.status).toBe(200);
      }
      await move(RIVERSIDE, {
        stage: 'interview-scheduled',
        at: '2026-10-20T15:00:00Z',
        details: {
          interview: { startsAt: '2026-11-23T09:00:00-06:00', timeZone: 'America/Chicago', mode: 'virtual' },
        },
      });
      const interviewed = await move(RIVERSIDE, {
        stage: 'interviewed',
        at: '2026-11-23T20:00:00Z',
        details: { impressions: { ratings: { residents: 5 }, notes: 'Strong OB' } },
      });
      expect(await json(interviewed)).toMatchObject({
        stage: 'interviewed',
        appliedOn: '2026-09-03',
        invitedOn: '2026-10-20',
        program: { name: 'Riverside Family Medicine' },
      });
    });

    it('totals applications, interviews and fees against the profile’s $60 budget', async () => {
      const { totals } = await json<{ totals: unknown }>(await send('GET', '/api/applications'));
      expect(totals).toMatchObject({
        applications: 2,
        invites: 1,
        interviews: 1,
        feesSpent: 70,
        budget: { budgetDollars: 60, remainingDollars: -10, overBudget: true },
        budgetPrograms: null,
        byStage: { saved: 1, applied: 1, interviewed: 1 },
      });
    });

    it('edits notes and the fee without moving the stage; 404 for a program not in the pipeline', async () => {
      const edited = await send('PATCH', `/api/applications/${LAKESHORE}`, {
        notes: 'Ask about rural track',
        feeDollars: 30,
      });
      expect(await json(edited)).toMatchObject({
        stage: 'applied',
        notes: 'Ask about rural track',
        feeDollars: 30,
      });
      expect((await send('PATCH', '/api/applications/1200000000', { notes: 'x' })).status).toBe(404);
    });

    it('asks for thank-you notes to Riverside within 48 hours of the interview', async () => {
      const { items } = await json<{ items: { id: string; title: string; dueDate: string }[] }>(
        await send('GET', '/api/tasks'),
      );
      expect(items.find((t) => t.id === `interview-thank-you:${RIVERSIDE}`)).toMatchObject({
        title: 'Send thank-you notes to Riverside Family Medicine within 48 hours',
        dueDate: '2026-11-25',
      });
    });
  });

  describe('the season timeline', () => {
    it('shows the 2027 cycle with what is next in interview season', async () => {
      const view = await json<SeasonTimelineView>(await send('GET', '/api/season/timeline'));
      expect(view.matchYear).toBe(2027);
      expect(view.today).toBe('2026-11-25');
      expect(view.next.map((i) => i.id)).toEqual([
        'interview-season',
        'nrmp-registration-closes',
        'rank-list-opens',
      ]);
      expect(view.items.every((i) => i.source.length > 0)).toBe(true);
    });

    it('saves the published Match Day and marks NRMP registration done; other years keep their defaults', async () => {
      const saved = await send('PUT', '/api/season/timeline/2027', {
        'match-day': { date: '2027-03-19' },
        'nrmp-registration-closes': { done: true },
      });
      const view = await json<SeasonTimelineView>(saved);
      expect(view.items.find((i) => i.id === 'match-day')).toMatchObject({
        edited: true,
        approximate: false,
      });
      expect(view.next.map((i) => i.id)).not.toContain('nrmp-registration-closes');
      const other = await json<SeasonTimelineView>(await send('GET', '/api/season/timeline?year=2028'));
      expect(other.overrides).toEqual({});
    });

    it('names the bad date and the bad year', async () => {
      const bad = await send('PUT', '/api/season/timeline/2027', { 'match-day': { date: '19/03/2027' } });
      expect((await json<Problem>(bad)).errors).toEqual([
        { path: 'match-day.date', message: 'Use a date like 2027-03-19' },
      ]);
      expect((await send('GET', '/api/season/timeline?year=27')).status).toBe(400);
      const zone = await send('GET', '/api/season/timeline?timeZone=Central');
      expect((await json<Problem>(zone)).errors.map((e) => e.path)).toEqual(['timeZone']);
      expect((await send('GET', '/api/season/timeline?timeZone=')).status).toBe(200);
      const chicago = await json<SeasonTimelineView>(
        await send('GET', '/api/season/timeline?timeZone=America/Chicago'),
      );
      expect(chicago.today).toBe('2026-11-25');
    });

    it('exports one calendar with the timeline, the interview in UTC and the thank-you task', async () => {
      const response = await send('GET', '/api/season/calendar.ics');
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const ics = await response.text();
      expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
      expect(ics).toContain(`UID:interview-${RIVERSIDE}@matchwise.local`);
      expect(ics).toContain('DTSTART:20261123T150000Z');
      expect(ics).toContain(`UID:interview-thank-you:${RIVERSIDE}@matchwise.local`);
      expect(ics).toContain('UID:season-2027-match-day');
    });
  });

  describe('interview preparation', () => {
    it('serves the question bank by category', async () => {
      const bank = await json<{ categories: { id: string }[]; items: { id: string }[] }>(
        await send('GET', '/api/interview-prep/questions'),
      );
      expect(bank.categories.map((c) => c.id)).toEqual([
        'behavioural',
        'why-family-medicine',
        'img',
        'program-specific',
      ]);
      expect(bank.items.length).toBeGreaterThanOrEqual(28);
    });

    it('logs practice on a bank question for Riverside, lists it, and deletes it', async () => {
      const created = await send('POST', '/api/interview-prep/practice', {
        questionId: 'fm-1',
        acgmeId: RIVERSIDE,
        rating: 3,
        notes: 'Too long',
      });
      expect(created.status).toBe(201);
      const entry = await json<{ id: string }>(created);
      expect(entry).toMatchObject({ practicedOn: '2026-11-25', questionText: null, rating: 3 });
      const list = await json<{ items: { id: string }[] }>(
        await send('GET', `/api/interview-prep/practice?acgmeId=${RIVERSIDE}`),
      );
      expect(list.items.map((i) => i.id)).toEqual([entry.id]);
      expect((await send('DELETE', `/api/interview-prep/practice/${entry.id}`)).status).toBe(204);
      expect((await send('DELETE', `/api/interview-prep/practice/${entry.id}`)).status).toBe(404);
    });

    it('refuses practice with no question, a rating of 6, or an unknown question id', async () => {
      const bad = await send('POST', '/api/interview-prep/practice', { rating: 6 });
      expect((await json<Problem>(bad)).errors.map((e) => e.path).sort()).toEqual(['questionId', 'rating']);
      const unknown = await send('POST', '/api/interview-prep/practice', { questionId: 'nope', rating: 3 });
      expect(unknown.status).toBe(422);
    });

    it('keeps notes for Riverside beside its interview and the coordinator the applicant knows there', async () => {
      const coordinator = await send('POST', '/api/contacts', {
        name: 'Beth Nolan',
        role: 'coordinator',
        affiliation: { acgmeId: RIVERSIDE, institution: null },
      });
      expect(coordinator.status).toBe(201);
      const empty = await json<ProgramNotesView>(await send('GET', `/api/interview-prep/notes/${RIVERSIDE}`));
      expect(empty.notes).toEqual({ whatToMention: '', notes: '', updatedAt: null });
      const saved = await json<ProgramNotesView>(
        await send('PUT', `/api/interview-prep/notes/${RIVERSIDE}`, {
          whatToMention: 'My rural clinic work',
          notes: 'PD is Dr. Shah',
        }),
      );
      expect(saved).toMatchObject({
        program: { name: 'Riverside Family Medicine' },
        notes: { whatToMention: 'My rural clinic work', notes: 'PD is Dr. Shah' },
        interview: { timeZone: 'America/Chicago' },
        application: { stage: 'interviewed' },
        connections: { contact: true },
        contacts: [{ name: 'Beth Nolan', role: 'coordinator' }],
      });
      expect(saved.notes.updatedAt).not.toBeNull();
      expect((await send('GET', '/api/interview-prep/notes/1200000000')).status).toBe(404);
    });
  });

  describe('the rank order list', () => {
    it('starts empty, offering the interviewed program and warning that it is left off', async () => {
      const view = await json<RankListView>(await send('GET', '/api/rank-list'));
      expect(view).toMatchObject({
        ranked: [],
        wouldNotAttend: [],
        couples: null,
        minimumRanked: 10,
        updatedAt: null,
      });
      expect(view.candidates.map((c) => c.acgmeId)).toEqual([RIVERSIDE]);
      expect(view.warnings.map((w) => [w.kind, w.acgmeId])).toEqual([
        ['too-few', null],
        ['interviewed-left-off', RIVERSIDE],
      ]);
    });

    it('saves Riverside first and Lakeshore second, warning that Lakeshore never interviewed the applicant', async () => {
      const view = await json<RankListView>(
        await send('PUT', '/api/rank-list', {
          ranked: [RIVERSIDE, LAKESHORE],
          wouldNotAttend: [PRAIRIE],
          couples: {
            partnerName: 'Sam',
            pairs: [{ mine: RIVERSIDE, partner: 'Riverside Internal Medicine' }],
          },
          minimumRanked: 2,
        }),
      );
      expect(view.ranked).toEqual([
        {
          rank: 1,
          acgmeId: RIVERSIDE,
          program: { name: 'Riverside Family Medicine', city: 'Springfield', state: 'IL' },
          stage: 'interviewed',
          interviewed: true,
        },
        {
          rank: 2,
          acgmeId: LAKESHORE,
          program: { name: 'Lakeshore Family Medicine', city: 'Chicago', state: 'IL' },
          stage: 'applied',
          interviewed: false,
        },
      ]);
      expect(view.warnings.map((w) => [w.kind, w.acgmeId])).toEqual([['ranked-not-interviewed', LAKESHORE]]);
      expect(view.candidates).toEqual([]);
      expect(view.couples?.pairs).toHaveLength(1);
    });

    it('names a repeated program and ids not in the catalog', async () => {
      const repeated = await send('PUT', '/api/rank-list', {
        ranked: [RIVERSIDE, RIVERSIDE],
        wouldNotAttend: [],
        couples: null,
      });
      expect(repeated.status).toBe(400);
      expect((await json<Problem>(repeated)).errors).toEqual([
        { path: 'ranked.1', message: 'Already ranked at 1' },
      ]);
      const unknown = await send('PUT', '/api/rank-list', {
        ranked: [RIVERSIDE],
        wouldNotAttend: ['1200000000'],
        couples: null,
      });
      expect(unknown.status).toBe(422);
      expect((await json<Problem>(unknown)).errors.map((e) => e.path)).toEqual(['wouldNotAttend.0']);
    });
  });

  it('deletes an application; 404 the second time', async () => {
    expect((await send('DELETE', `/api/applications/${PRAIRIE}`)).status).toBe(204);
    expect((await send('DELETE', `/api/applications/${PRAIRIE}`)).status).toBe(404);
  });
});
