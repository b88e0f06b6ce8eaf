import { Hono } from 'hono';
import { z } from 'zod';
import { trackedTasks } from '../../app/network/network-service.js';
import {
  type BackupRecord,
  bucketTasks,
  dayOf,
  dueThisWeek,
  icsFromTasks,
  type TaskBuckets,
  type TrackedTask,
} from '../../core/network/index.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';
import { notFound } from './contacts.js';

export const DUE_FILTERS = ['today', 'week', 'overdue', 'all'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

const dueQuerySchema = z.object({
  due: z.enum(DUE_FILTERS, { message: 'Use today, week, overdue or all' }).default('all'),
});

const stateBodySchema = z
  .object({
    status: z.enum(['done', 'snoozed', 'dismissed', 'open']),
    until: z.iso.date({ message: 'Use a date like 2026-09-01' }).optional(),
  })
  .refine((b) => b.status !== 'snoozed' || b.until !== undefined, {
    message: 'Say until when to snooze',
    path: ['until'],
  });

/** The tasks a due filter selects from the buckets: "week" is everything due this week (core dueThisWeek). */
export function selectDue(buckets: TaskBuckets, due: DueFilter): TrackedTask[] {
  switch (due) {
    case 'today':
      return buckets.today;
    case 'week':
      return dueThisWeek(buckets);
    case 'overdue':
      return buckets.overdue;
    case 'all':
      return [...buckets.overdue, ...buckets.today, ...buckets.thisWeek, ...buckets.later];
  }
}

/**
 * The playbook's tasks, evaluated on each request with the server clock (and, in the static edition, the
 * browser's backup record, for the backup reminder).
 */
export function taskRoutes(now: () => Date, backupRecord?: () => BackupRecord) {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => {
      const { due } = readQuery(c, dueQuerySchema);
      const at = now();
      const tasks = await trackedTasks(c.var.db, at, backupRecord?.());
      const buckets = bucketTasks(tasks, at);
      const handled = tasks.filter((t) => t.status === 'done' || t.status === 'dismissed');
      return c.json({ asOf: dayOf(at), due, items: selectDue(buckets, due), buckets, handled });
    })
    .get('/export.ics', async (c) => {
      const { due } = readQuery(c, dueQuerySchema);
      const at = now();
      const open = selectDue(bucketTasks(await trackedTasks(c.var.db, at, backupRecord?.()), at), due);
      return c.body(icsFromTasks(open, at), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="matchwise-tasks.ics"',
      });
    })
    .put('/:id/state', async (c) => {
      const taskId = readParam(c, 'id');
      const body = await readBody(c, stateBodySchema);
      const task = (await trackedTasks(c.var.db, now(), backupRecord?.())).find((t) => t.id === taskId);
      if (task === undefined) throw notFound('task', taskId);
      if (body.status === 'open') {
        await c.var.db.taskStates.clear(taskId);
        return c.json({ ...task, status: 'open', snoozedUntil: null } satisfies TrackedTask);
      }
      if (body.status === 'snoozed') {
        if (body.until === undefined) throw new ProblemError(400, 'Request body is invalid');
        await c.var.db.taskStates.set({ taskId, status: 'snoozed', until: body.until });
        return c.json({ ...task, status: 'snoozed', snoozedUntil: body.until } satisfies TrackedTask);
      }
      await c.var.db.taskStates.set({ taskId, status: body.status });
      return c.json({ ...task, status: body.status, snoozedUntil: null } satisfies TrackedTask);
    });
}
