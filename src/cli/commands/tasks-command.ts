import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { trackedTasks } from '../../app/network/network-service.js';
import {
  BUCKET_TITLES,
  bucketTasks,
  dayOf,
  icsFromTasks,
  type TrackedTask,
} from '../../core/network/index.js';
import { plural } from '../../core/shared/plural.js';
import { DUE_FILTERS, type DueFilter, selectDue } from '../../server/routes/tasks.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../open-cli-database.js';

function line(task: TrackedTask): string {
  const snoozed = task.snoozedUntil === null ? '' : ` (snoozed until ${task.snoozedUntil})`;
  return `  ${task.dueDate}  ${task.title}${snoozed}\n`;
}

/** What each --due filter selects, in words ("week" is core dueThisWeek's meaning). */
const DUE_WORDS: Record<DueFilter, string> = {
  today: 'tasks due today',
  week: 'tasks due this week (overdue, today or the next 7 days)',
  overdue: 'overdue tasks',
  all: 'open tasks',
};

/** `matchwise tasks [--due today|week|overdue|all] [--ics out.ics]`: the networking playbook's to-do list. */
export function tasksCommand(io: CliIo): Command {
  return new Command('tasks')
    .description('list the networking playbook tasks due now (and optionally write them as an ICS calendar)')
    .addOption(new Option('--due <when>', 'which tasks').choices(DUE_FILTERS).default('all'))
    .option('--ics <file>', 'also write the selected tasks to an .ics calendar file')
    .action(async (options: { due: DueFilter; ics?: string }) => {
      const now = new Date();
      const tasks = await withDatabase(io, (db) => trackedTasks(db, now));
      const buckets = bucketTasks(tasks, now);
      const selected = selectDue(buckets, options.due);
      if (selected.length === 0) io.stdout(`No ${DUE_WORDS[options.due]} as of ${dayOf(now)}.\n`);
      const sections: [string, TrackedTask[]][] = [
        [BUCKET_TITLES.overdue, buckets.overdue],
        [BUCKET_TITLES.today, buckets.today],
        [BUCKET_TITLES.thisWeek, buckets.thisWeek],
        [BUCKET_TITLES.later, buckets.later],
      ];
      const chosen = new Set(selected.map((t) => t.id));
      for (const [title, list] of sections) {
        const shown = list.filter((t) => chosen.has(t.id));
        if (shown.length === 0) continue;
        io.stdout(`${title}\n${shown.map(line).join('')}`);
      }
      if (options.ics !== undefined) {
        const file = path.resolve(io.cwd, options.ics);
        await writeFile(file, icsFromTasks(selected, now));
        io.stdout(`Wrote ${plural(selected.length, 'task')} to ${file}\n`);
      }
    });
}
