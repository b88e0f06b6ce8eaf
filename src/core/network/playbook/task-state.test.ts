import { describe, expect, it } from 'vitest';
import { NOW } from '../test-support.js';
import type { Task } from './task.js';
import { applyTaskState, bucketTasks, dueThisWeek } from './task-state.js';

const task = (id: string, dueDate: string): Task => ({
  id,
  ruleId: 'event-follow-up',
  title: id,
  why: 'why',
  dueDate,
  status: 'open',
});

describe('the Tasks page on 25 November', () => {
  const tasks = [
    task('yesterday', '2026-11-24'),
    task('today', '2026-11-25'),
    task('in-a-week', '2026-12-02'),
    task('in-eight-days', '2026-12-03'),
  ];

  it('sorts open tasks into overdue, today, this week (next 7 days) and later', () => {
    const buckets = bucketTasks(applyTaskState(tasks, []), NOW);
    expect({
      overdue: buckets.overdue.map((t) => t.id),
      today: buckets.today.map((t) => t.id),
      thisWeek: buckets.thisWeek.map((t) => t.id),
      later: buckets.later.map((t) => t.id),
    }).toEqual({
      overdue: ['yesterday'],
      today: ['today'],
      thisWeek: ['in-a-week'],
      later: ['in-eight-days'],
    });
  });

  it("counts as due this week the overdue task, today's and the next 7 days', never the later one", () => {
    // Given a task overdue since yesterday and nothing else within the next 7 days
    const onlyOverdue = bucketTasks(applyTaskState([task('yesterday', '2026-11-24')], []), NOW);
    // Then it is due this week (Home and the Tasks page both count it), though the "Next 7 days" section is empty
    expect(dueThisWeek(onlyOverdue).map((t) => t.id)).toEqual(['yesterday']);
    expect(onlyOverdue.thisWeek).toEqual([]);
    // And with every task: all but the one eight days out
    const buckets = bucketTasks(applyTaskState(tasks, []), NOW);
    expect(dueThisWeek(buckets).map((t) => t.id)).toEqual(['yesterday', 'today', 'in-a-week']);
  });

  it('hides done and dismissed tasks, and moves a snoozed one to its new day', () => {
    const tracked = applyTaskState(tasks, [
      { taskId: 'yesterday', status: 'snoozed', until: '2026-11-28' },
      { taskId: 'today', status: 'done' },
      { taskId: 'in-a-week', status: 'dismissed' },
      { taskId: 'no-longer-exists', status: 'done' },
    ]);
    expect(tracked.map((t) => [t.id, t.status, t.snoozedUntil])).toEqual([
      ['yesterday', 'snoozed', '2026-11-28'],
      ['today', 'done', null],
      ['in-a-week', 'dismissed', null],
      ['in-eight-days', 'open', null],
    ]);
    const buckets = bucketTasks(tracked, NOW);
    expect(buckets.thisWeek.map((t) => t.id)).toEqual(['yesterday']);
    expect(buckets.overdue).toEqual([]);
    expect(buckets.today).toEqual([]);
  });

  it('brings a snoozed task back when its day comes', () => {
    const tracked = applyTaskState(
      [task('a', '2026-11-20')],
      [{ taskId: 'a', status: 'snoozed', until: '2026-11-25' }],
    );
    expect(bucketTasks(tracked, NOW).today.map((t) => t.id)).toEqual(['a']);
  });
});
