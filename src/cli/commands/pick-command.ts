import { Command, InvalidArgumentError, Option } from 'commander';
import { createInlinePool } from '../../app/smartpick/compute-pool.js';
import { createSmartPickService } from '../../app/smartpick/smartpick-service.js';
import { plural } from '../../core/shared/plural.js';
import { percent } from '../../core/smartpick/format.js';
import { recommendationToCsv } from '../../core/smartpick/list-csv.js';
import { DEFAULT_PARAMETERS } from '../../core/smartpick/model-parameters.js';
import type { SmartPickSettings } from '../../core/smartpick/settings-schema.js';
import { describeTiers } from '../../core/smartpick/tiers.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';

function wholeNumber(min: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min)
      throw new InvalidArgumentError(`use a whole number, ${min} or more`);
    return number;
  };
}

function positiveAmount(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('use a dollar amount above 0');
  return number;
}

export function pickCommand(io: CliIo): Command {
  return new Command('pick')
    .description('SmartPick: the program list that maximizes your chance of matching within your budget')
    .option('--budget <programs>', 'number of programs to apply to', wholeNumber(1))
    .option('--dollars <amount>', 'application budget in dollars (overrides --budget)', positiveAmount)
    .option('--signals <count>', 'preference signals to place', wholeNumber(0))
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
    )
    .action(
      async (options: {
        budget?: number;
        dollars?: number;
        signals?: number;
        format: 'table' | 'csv' | 'json';
      }) => {
        const overrides: Partial<SmartPickSettings> = {};
        if (options.dollars !== undefined) overrides.budget = { kind: 'dollars', dollars: options.dollars };
        else if (options.budget !== undefined)
          overrides.budget = { kind: 'programs', programs: options.budget };
        if (options.signals !== undefined) overrides.signals = options.signals;

        await withDatabase(io, async (db) => {
          const result = await createSmartPickService(db, createInlinePool()).recommend(overrides);
          if (!result.ok) {
            io.stderr(`${result.error.title}:\n`);
            for (const issue of result.error.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
            io.exitCode = 1;
            return;
          }
          const recommendation = result.value;
          if (options.format === 'json') {
            io.stdout(`${JSON.stringify(recommendation, null, 2)}\n`);
            return;
          }
          const synthetic = new Set(
            (await db.programs.list({ synthetic: true })).map((program) => program.acgmeId),
          );
          if (options.format === 'csv') {
            io.stdout(recommendationToCsv(recommendation, synthetic));
            return;
          }
          const rows = recommendation.list.map((verdict) => [
            String(verdict.position ?? ''),
            verdict.acgmeId,
            `${verdict.name}${synthetic.has(verdict.acgmeId) && !verdict.name.includes('synthetic') ? ' (synthetic)' : ''}`,
            verdict.state,
            verdict.tier ?? '',
            verdict.interview
              ? `${percent(verdict.interview.probability)} (${percent(verdict.interview.range[0])}–${percent(verdict.interview.range[1])})`
              : '',
            verdict.signaled ? 'signal' : '',
            verdict.checks.length > 0 ? `check ${verdict.checks.length}` : '',
          ]);
          io.stdout(
            `${formatTable(['#', 'acgme_id', 'program', 'state', 'tier', 'p_interview', 'signal', 'checks'], rows)}\n`,
          );
          // The same words as My list's tier headings, from the one rule that decides the tiers.
          const tiers = describeTiers(DEFAULT_PARAMETERS);
          io.stdout(`Tiers: reach = ${tiers.reach} target = ${tiers.target} likely = ${tiers.likely}\n\n`);
          const { pMatch, stopPoint, budget } = recommendation;
          io.stdout(
            `P(match) for the budget's list: ${percent(pMatch.probability)} (model range ${percent(pMatch.range[0])}–${percent(pMatch.range[1])}), ` +
              `${pMatch.expectedInterviews.toFixed(1)} interviews expected, ${plural(pMatch.listSize, 'program')}, $${pMatch.cost.toFixed(0)} ` +
              `(${budget.feeSchedule.name}, ${budget.feeSchedule.asOf}).\n`,
          );
          io.stdout(
            `Suggested stop: ${plural(stopPoint.size, 'program')}, P(match) ${percent(stopPoint.pMatch)}, $${stopPoint.cost.toFixed(0)}. ${stopPoint.why}\n`,
          );
          const now = pMatch.now;
          if (now !== null) {
            io.stdout(
              `P(match) now: ${percent(now.probability)} given your season (${plural(now.interviews, 'interview')}, ${now.waiting} waiting, ${now.out} out).\n`,
            );
            for (const issue of now.issues) io.stdout(`Season: ${issue.acgmeId}: ${issue.reason}\n`);
          }
          for (const warning of recommendation.warnings) io.stdout(`Note: ${warning}\n`);
          io.stdout('Model and sources: docs/model-card.md\n');
        });
      },
    );
}
