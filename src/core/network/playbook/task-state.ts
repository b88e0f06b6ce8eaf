import { addDays, dayOf } from '../dates.js';
import type { Task } from './task.js';

/** What the user did with a task. Stored by task id, apart from the tasks, since tasks are recomputed. */
export type TaskState =
  | { taskId: string; status: 'done' }
  | { taskId: string; status: 'dismissed' }
  | { taskId: string; status: 'snoozed'; until: string };

export type TaskStatus = 'open' | 'done' | 'snoozed' | 'dismissed';

export interface TrackedTask extends Omit<Task, 'status'> {
  status: TaskStatus;
  /** The day a snoozed task comes back, else null. */
  snoozedUntil: string | null;
}

/** Tasks with what the user did to them; a state for a task that no longer exists is ignored. */
export function applyTaskState(tasks: readonly Task[], states: readonly TaskState[]): TrackedTask[] {
  const byId = new Map(states.map((s) => [s.taskId, s]));
  return tasks.map((task) => {
    const state = byId.get(task.id);
    if (state === undefined) return { ...task, snoozedUntil: null };
    return { ...task, status: state.status, snoozedUntil: state.status === 'snoozed' ? state.until : null };
  });
}

export interface TaskBuckets {
  overdue: TrackedTask[];
  today: TrackedTask[];
  /** Due in the next 7 days after today — a rolling week, so no locale decides when weeks start. */
  thisWeek: TrackedTask[];
  later: TrackedTask[];
}

/** Each bucket's title, the same on the Tasks page and in `matchwise tasks`. */
export const BUCKET_TITLES: Record<keyof TaskBuckets, string> = {
  overdue: 'Overdue',
  today: 'Today',
  thisWeek: 'Next 7 days',
  later: 'Later',
};

/**
 * What "due this week" means everywhere (Home, the Tasks page, `GET /api/tasks?due=week`, `matchwise tasks --due
 * week`): every open task due by 7 days from today — overdue ones included, since they need doing this week too.
 *
 * @example dueThisWeek(bucketTasks(tasks, now)).length // the count Home and the Tasks page both show
 */
export function dueThisWeek(buckets: TaskBuckets): TrackedTask[] {
  return [...buckets.overdue, ...buckets.today, ...buckets.thisWeek];
}

/**
 * Sorts open tasks into the Tasks page's sections. Done and dismissed tasks are left out. A snoozed task
 * counts as due on the day it was snoozed to (or its own due day, if later): snoozing moves it, it does not
 * hide it for ever.
 */
export function bucketTasks(tasks: readonly TrackedTask[], now: Date): TaskBuckets {
  const today = dayOf(now);
  const weekEnd = addDays(today, 7);
  const buckets: TaskBuckets = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const task of tasks) {
    if (task.status === 'done' || task.status === 'dismissed') continue;
    const due =
      task.snoozedUntil !== null && task.snoozedUntil > task.dueDate ? task.snoozedUntil : task.dueDate;
    if (due < today) buckets.overdue.push(task);
    else if (due === today) buckets.today.push(task);
    else if (due <= weekEnd) buckets.thisWeek.push(task);
    else buckets.later.push(task);
  }
  return buckets;
}
