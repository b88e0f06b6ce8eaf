import { Hono } from 'hono';
import { z } from 'zod';
import {
  addApplications,
  applicationViews,
  editApplication,
  logPractice,
  moveApplication,
  programNotesView,
  rankListView,
  type SeasonFailure,
  saveRankList,
  saveTimelineEdits,
  seasonCalendar,
  seasonTotals,
  timelineView,
} from '../../app/season/season-service.js';
import { dayOf } from '../../core/network/index.js';
import { applicationSchema, isIanaTimeZone, STAGES } from '../../core/season/application.js';
import { programNotesSchema } from '../../core/season/interview-prep.js';
import { interviewWarnings } from '../../core/season/interview-warnings.js';
import { QUESTION_BANK, QUESTION_CATEGORIES, questionsFor } from '../../core/season/question-bank.js';
import { rankListSchema } from '../../core/season/rank-list.js';
import { timelineOverridesSchema } from '../../core/season/season-timeline.js';
import type { Result } from '../../core/shared/result.js';
import { storableText } from '../../core/shared/storable-text.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';
import { notFound } from './contacts.js';

/** The value, or the failure as a problem+json response (thrown to the app's error handler). */
function orProblem<T>(result: Result<T, SeasonFailure>): T {
  if (result.ok) return result.value;
  const { status, title, errors, detail } = result.error;
  throw new ProblemError(status, title, errors, detail);
}

const addBodySchema = z.object({
  acgmeIds: z
    .array(storableText().trim().min(1, 'ACGME id is required'))
    .min(1, 'Name at least one program')
    .max(1000, 'At most 1000 programs at once'),
});

const detailsSchema = applicationSchema
  .pick({
    appliedOn: true,
    feeDollars: true,
    invitedOn: true,
    responseDeadline: true,
    interview: true,
    impressions: true,
  })
  .partial();

const stageBodySchema = z.object({
  stage: z.enum(STAGES, { message: `Use one of ${STAGES.join(', ')}` }),
  at: z.iso.datetime({ offset: true, message: 'Use a date and time with offset' }).optional(),
  details: detailsSchema.optional(),
});

const editBodySchema = detailsSchema.extend(
  applicationSchema.pick({ signaled: true, notes: true }).partial().shape,
);

const yearSchema = z.coerce
  .number({ message: 'Use a Match year like 2027' })
  .int('Use a Match year like 2027')
  .min(2000, 'Use a Match year like 2027')
  .max(2100, 'Use a Match year like 2027');

const timelineQuerySchema = z.object({
  year: yearSchema.optional(),
  // An empty value (a client with no zone to send) means the default, UTC.
  timeZone: z.preprocess(
    (value) => (value === '' ? undefined : value),
    storableText().refine(isIanaTimeZone, { message: 'Use a time zone like America/Chicago' }).optional(),
  ),
});

const practiceBodySchema = z
  .object({
    questionId: storableText().trim().min(1).nullable().optional(),
    questionText: storableText().trim().min(1, 'Write the question').max(1000).nullable().optional(),
    acgmeId: storableText().trim().min(1).nullable().optional(),
    practicedOn: z.iso.date({ message: 'Use a date like 2026-11-25' }).optional(),
    rating: z.number().int('Whole number').min(1, 'From 1').max(5, 'To 5'),
    notes: storableText().max(20_000).optional(),
  })
  .refine((b) => (b.questionId ?? null) !== null || (b.questionText ?? null) !== null, {
    message: 'Pick a question from the bank or write your own',
    path: ['questionId'],
  });

const practiceQuerySchema = z.object({
  acgmeId: z.preprocess(
    (value) => (value === '' ? undefined : value),
    storableText().trim().min(1).optional(),
  ),
});

/** `/api/applications`: the pipeline, one application per catalog program. */
export function applicationRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => {
      const applications = await applicationViews(c.var.db);
      return c.json({
        applications,
        totals: await seasonTotals(c.var.db, applications),
        warnings: interviewWarnings(applications),
      });
    })
    .post('/', async (c) => {
      const { acgmeIds } = await readBody(c, addBodySchema);
      return c.json(orProblem(await addApplications(c.var.db, acgmeIds, now())), 201);
    })
    .post('/:acgmeId/stage', async (c) => {
      const body = await readBody(c, stageBodySchema);
      const at = body.at === undefined ? now() : new Date(body.at);
      const moved = await moveApplication(c.var.db, readParam(c, 'acgmeId'), body.stage, {
        at,
        details: body.details ?? {},
      });
      return c.json(orProblem(moved));
    })
    .patch('/:acgmeId', async (c) => {
      const edit = await readBody(c, editBodySchema);
      return c.json(orProblem(await editApplication(c.var.db, readParam(c, 'acgmeId'), edit)));
    })
    .delete('/:acgmeId', async (c) => {
      const acgmeId = readParam(c, 'acgmeId');
      if (!(await c.var.db.applications.delete(acgmeId))) throw notFound('application', acgmeId, 'acgmeId');
      return c.body(null, 204);
    });
}

/** `/api/season`: the cycle's key dates and the season calendar. */
export function seasonRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .get('/timeline', async (c) => {
      const query = readQuery(c, timelineQuerySchema);
      const at = now();
      return c.json(
        await timelineView(c.var.db, {
          year: query.year ?? currentMatchYear(at),
          now: at,
          ...(query.timeZone === undefined ? {} : { timeZone: query.timeZone }),
        }),
      );
    })
    .put('/timeline/:year', async (c) => {
      const year = yearSchema.safeParse(readParam(c, 'year'));
      if (!year.success) {
        throw new ProblemError(400, 'Request path is invalid', [
          { path: 'year', message: 'Use a Match year like 2027' },
        ]);
      }
      const overrides = await readBody(c, timelineOverridesSchema);
      await saveTimelineEdits(c.var.db, year.data, overrides);
      return c.json(await timelineView(c.var.db, { year: year.data, now: now() }));
    })
    .get('/calendar.ics', async (c) => {
      const query = readQuery(c, timelineQuerySchema.pick({ year: true }));
      const at = now();
      const ics = await seasonCalendar(c.var.db, { year: query.year ?? currentMatchYear(at), now: at });
      return c.body(ics, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="matchwise-season.ics"',
      });
    });
}

/** `/api/interview-prep`: the question bank, the practice log and notes per program. */
export function interviewPrepRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .get('/questions', async (c) => {
      // The questions follow the profile (no visa question for a U.S. citizen); without one, the whole bank.
      const profile = (await c.var.db.profiles.get())?.profile ?? null;
      const items = questionsFor(profile, currentMatchYear(now()));
      return c.json({
        categories: QUESTION_CATEGORIES,
        items,
        forProfile: profile !== null,
        notForYou: QUESTION_BANK.length - items.length,
      });
    })
    .get('/practice', async (c) => {
      const { acgmeId } = readQuery(c, practiceQuerySchema);
      return c.json({
        items: await c.var.db.interviewPrep.listPractice(acgmeId === undefined ? {} : { acgmeId }),
      });
    })
    .post('/practice', async (c) => {
      const body = await readBody(c, practiceBodySchema);
      return c.json(orProblem(await logPractice(c.var.db, body, dayOf(now()))), 201);
    })
    .delete('/practice/:id', async (c) => {
      const id = readParam(c, 'id');
      if (!(await c.var.db.interviewPrep.deletePractice(id))) throw notFound('practice entry', id);
      return c.body(null, 204);
    })
    .get('/notes/:acgmeId', async (c) =>
      c.json(orProblem(await programNotesView(c.var.db, readParam(c, 'acgmeId')))),
    )
    .put('/notes/:acgmeId', async (c) => {
      const acgmeId = readParam(c, 'acgmeId');
      const body = await readBody(c, programNotesSchema);
      if ((await c.var.db.programs.get(acgmeId)) === null) throw notFound('program', acgmeId, 'acgmeId');
      await c.var.db.interviewPrep.saveNotes(acgmeId, body);
      return c.json(orProblem(await programNotesView(c.var.db, acgmeId)));
    });
}

/** `/api/rank-list`: the rank order list with its warnings. */
export function rankListRoutes() {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => c.json(await rankListView(c.var.db)))
    .put('/', async (c) =>
      c.json(orProblem(await saveRankList(c.var.db, await readBody(c, rankListSchema)))),
    );
}
