import { Argument, Command, Option } from 'commander';
import {
  type ApplicationView,
  addApplications,
  applicationViews,
  moveApplication,
  type SeasonFailure,
  seasonTotals,
} from '../../app/season/season-service.js';
import { programTimeZone } from '../../core/geo/time-zones.js';
import { applicationSchema, STAGES, type Stage } from '../../core/season/application.js';
import { toCsv } from '../../core/shared/csv.js';
import { plural } from '../../core/shared/plural.js';
import { toFieldIssues } from '../../core/shared/zod-issues.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';

const COLUMNS = [
  'acgme_id',
  'program',
  'city',
  'state',
  'stage',
  'applied_on',
  'fee_dollars',
  'invited_on',
  'interview',
] as const;

function cells(a: ApplicationView): string[] {
  return [
    a.acgmeId,
    a.program.name,
    a.program.city,
    a.program.state,
    a.stage,
    a.appliedOn ?? '',
    a.feeDollars === null ? '' : String(a.feeDollars),
    a.invitedOn ?? '',
    a.interview === null ? '' : `${a.interview.startsAt} ${a.interview.timeZone} (${a.interview.mode})`,
  ];
}

/** A failure as the CLI prints it: the title, then each field's message. */
export function reportFailure(io: CliIo, failure: SeasonFailure): void {
  const lines = failure.detail
    ? [failure.detail]
    : [failure.title, ...failure.errors.map((e) => `  ${e.path}: ${e.message}`)];
  io.stderr(`${lines.join('\n')}\n`);
  io.exitCode = 1;
}

const detailsSchema = applicationSchema
  .pick({ feeDollars: true, responseDeadline: true, interview: true })
  .partial();

/** The option each details field came from, so a bad value is named the way the user typed it. */
const OPTION_FOR: Record<string, string> = {
  feeDollars: '--fee',
  responseDeadline: '--deadline',
  'interview.startsAt': '--interview-at',
  'interview.timeZone': '--time-zone',
  'interview.mode': '--mode',
};

interface SetStatusOptions {
  date?: string;
  fee?: string;
  deadline?: string;
  interviewAt?: string;
  timeZone?: string;
  mode?: 'virtual' | 'in-person';
}

/** `--date 2026-09-03` means that day (noon UTC, so the day is the same everywhere in the Americas). */
function moveInstant(at: string | undefined): Date | null {
  if (at === undefined) return new Date();
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00Z` : at);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function appsCommand(io: CliIo): Command {
  const apps = new Command('apps').description('the application pipeline, one application per program');

  apps
    .command('list')
    .description('list applications by program, with the season totals')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
    )
    .action(async (options: { format: 'table' | 'csv' | 'json' }) => {
      const { applications, totals } = await withDatabase(io, async (db) => {
        const applications = await applicationViews(db);
        return { applications, totals: await seasonTotals(db, applications) };
      });
      if (options.format === 'json') io.stdout(`${JSON.stringify({ applications, totals }, null, 2)}\n`);
      else if (options.format === 'csv') io.stdout(toCsv([...COLUMNS], applications.map(cells)));
      else {
        if (applications.length > 0) io.stdout(`${formatTable([...COLUMNS], applications.map(cells))}\n`);
        const budget = totals.budget === null ? '' : ` of $${totals.budget.budgetDollars}`;
        io.stdout(
          `${applications.length} in the pipeline: ${totals.applications} sent, ${plural(totals.invites, 'invite')}, ` +
            `${plural(totals.interviews, 'interview')}; $${totals.feesSpent} spent${budget}\n`,
        );
      }
    });

  apps
    .command('add')
    .description('save programs to the pipeline by ACGME id (ones already there are skipped)')
    .argument('<acgmeIds...>', 'ACGME ids from the catalog')
    .action(async (acgmeIds: string[]) => {
      const result = await withDatabase(io, (db) => addApplications(db, acgmeIds, new Date()));
      if (!result.ok) return reportFailure(io, result.error);
      const { added, skipped } = result.value;
      io.stdout(`Added ${added.length}, skipped ${skipped.length} already in the pipeline\n`);
    });

  apps
    .command('set-status')
    .description('move an application to a stage; illegal moves are refused with the reason')
    .argument('<acgmeId>', 'the program')
    .addArgument(new Argument('<stage>', 'the new stage').choices(STAGES))
    .option('--date <date>', 'when it happened (YYYY-MM-DD or an ISO date-time); default now')
    .option('--fee <dollars>', 'application fee (applied, signaled)')
    .option('--deadline <date>', 'interview invitation reply deadline (interview-invited)')
    .option('--interview-at <datetime>', 'interview start with offset, e.g. 2026-12-03T09:00:00-06:00')
    .option(
      '--time-zone <zone>',
      "the program's time zone, e.g. America/Chicago (default: from its state and city)",
    )
    .addOption(
      new Option('--mode <mode>', 'interview mode').choices(['virtual', 'in-person']).default('virtual'),
    )
    .action(async (acgmeId: string, stage: Stage, options: SetStatusOptions) => {
      const at = moveInstant(options.date);
      if (at === null) {
        io.stderr(`--date: "${options.date}" is not a date like 2026-09-03\n`);
        io.exitCode = 1;
        return;
      }
      const raw: Record<string, unknown> = {};
      if (options.fee !== undefined) raw.feeDollars = Number(options.fee);
      if (options.deadline !== undefined) raw.responseDeadline = options.deadline;
      // Without --time-zone, the program's own zone (from its state and city), as the web app defaults to.
      const timeZone =
        options.timeZone ??
        (options.interviewAt === undefined
          ? undefined
          : await withDatabase(io, async (db) => {
              const program = await db.programs.get(acgmeId);
              return (program && programTimeZone(program)) ?? undefined;
            }));
      if (options.interviewAt !== undefined || timeZone !== undefined) {
        raw.interview = { startsAt: options.interviewAt, timeZone, mode: options.mode };
      }
      const details = detailsSchema.safeParse(raw);
      if (!details.success) {
        const issues = toFieldIssues(details.error).map(
          (e) => `${OPTION_FOR[e.path] ?? e.path}: ${e.message}`,
        );
        io.stderr(`${issues.join('\n')}\n`);
        io.exitCode = 1;
        return;
      }
      const result = await withDatabase(io, (db) =>
        moveApplication(db, acgmeId, stage, { at, details: details.data }),
      );
      if (!result.ok) return reportFailure(io, result.error);
      io.stdout(`${result.value.program.name}: ${stage}\n`);
    });

  return apps;
}
