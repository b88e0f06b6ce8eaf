import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { prepareRankListSimulation, toRankListOdds } from '../../app/match/rank-list-simulation.js';
import { createSimulationPool } from '../../app/match/simulation-pool.js';
import { compileMarket, matchResultToJson } from '../../core/match/json-market.js';
import { solveMatch } from '../../core/match/solve-match.js';
import { plural } from '../../core/shared/plural.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function runCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 10 || number > 100_000) {
    throw new InvalidArgumentError('use a whole number from 10 to 100000');
  }
  return number;
}

function seedValue(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError('use a whole number, 0 or more');
  return number;
}

function runCommand(io: CliIo): Command {
  return new Command('run')
    .description('solve a market given as JSON (programs, applicants, couples) and print who matched where')
    .argument('<market.json>', 'the market: see docs/api.md, "Match"')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: { format: 'table' | 'json' }) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
      } catch (error) {
        io.stderr(`Cannot read ${file}: ${(error as Error).message}\n`);
        io.exitCode = 1;
        return;
      }
      const compiled = compileMarket(json);
      if (!compiled.ok) {
        io.stderr(`${file} is not a market Matchwise can solve:\n`);
        for (const issue of compiled.error) io.stderr(`  ${issue.path}: ${issue.message}\n`);
        io.exitCode = 1;
        return;
      }
      const result = matchResultToJson(compiled.value, solveMatch(compiled.value));
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rows = [
        ...result.matches.map((match) => [match.applicant, match.program]),
        ...result.unmatched.map((applicant) => [applicant, '(unmatched)']),
      ];
      io.stdout(`${formatTable(['Applicant', 'Matched to'], rows)}\n`);
      for (const { program, positions } of result.unfilled) {
        io.stdout(`${program}: ${plural(positions, 'unfilled position')}\n`);
      }
      io.stdout(
        `${plural(result.proposals, 'proposal')}; ${result.status === 'stable' ? 'stable' : 'NO stable matching found'}\n`,
      );
      if (result.status !== 'stable') io.exitCode = 2;
    });
}

/** `matchwise match simulate`, also reachable as `matchwise rol simulate` beside `rol show`. */
export function simulateCommand(io: CliIo): Command {
  return new Command('simulate')
    .description('P(match) for your saved rank list, from simulated Matches against a synthetic market')
    .addOption(new Option('--runs <count>', 'simulated Matches').argParser(runCount).default(1000))
    .option('--seed <seed>', 'random seed (same seed, same answer)', seedValue)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: { runs: number; seed?: number; format: 'table' | 'json' }) => {
      await withDatabase(io, async (db) => {
        const prepared = await prepareRankListSimulation(db);
        if (!prepared.ok) {
          io.stderr(`${prepared.error.title}:\n`);
          for (const issue of prepared.error.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
          io.exitCode = 1;
          return;
        }
        const pool = createSimulationPool();
        let shown = -1;
        try {
          const summary = await pool.run(prepared.value.input, {
            runs: options.runs,
            ...(options.seed === undefined ? {} : { seed: options.seed }),
            onProgress: (completed, total) => {
              const tenth = Math.floor((completed / total) * 10);
              if (tenth > shown) {
                shown = tenth;
                io.stderr(`simulated ${completed} of ${total} Matches\n`);
              }
            },
          });
          const odds = toRankListOdds(summary, prepared.value);
          if (options.format === 'json') {
            io.stdout(`${JSON.stringify(odds, null, 2)}\n`);
            return;
          }
          io.stdout(
            `Simulated Matches: P(match) ${percent(odds.pMatch)} (95% CI ${percent(odds.ci95[0])}–${percent(odds.ci95[1])}, simulation error only) over ${plural(odds.runs, 'run')}\n`,
          );
          io.stdout(
            `P(match) — model: ${percent(odds.model.pMatch)} (the figure My list shows as P(match) now for these interviews)\n`,
          );
          const rows = [
            ...odds.distribution.map((entry, index) => [
              String(index + 1),
              entry.acgmeId,
              entry.name,
              percent(entry.probability),
            ]),
            ['', '', '(unmatched)', percent(odds.pUnmatched)],
          ];
          io.stdout(`${formatTable(['Rank', 'ACGME id', 'Program', 'P(match here)'], rows)}\n`);
          io.stdout(`Synthetic market. ${odds.assumptions.join(' ')}\n`);
        } finally {
          await pool.close();
        }
      });
    });
}

export function matchCommand(io: CliIo): Command {
  return new Command('match')
    .description('the Match algorithm: solve a market, or simulate your rank list')
    .addCommand(runCommand(io))
    .addCommand(simulateCommand(io));
}
