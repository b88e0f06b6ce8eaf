import { Command, Option } from 'commander';
import type { Program } from '../../core/catalog/program.js';
import { normalizeState } from '../../core/geo/census.js';
import { toCsv } from '../../core/shared/csv.js';
import { plural } from '../../core/shared/plural.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';

const COLUMNS = ['acgme_id', 'name', 'city', 'state', 'census_division', 'positions', 'synthetic'] as const;

function cells(program: Program): string[] {
  return [
    program.acgmeId,
    program.name,
    program.city,
    program.state,
    program.censusDivision ?? 'unknown',
    program.positions === null ? 'unknown' : String(program.positions),
    program.synthetic ? 'synthetic' : '',
  ];
}

export function programsCommand(io: CliIo): Command {
  const programs = new Command('programs').description('the program catalog');
  programs
    .command('list')
    .description('list programs in the catalog')
    .option('--state <codes>', 'only these states, e.g. NY or NY,NJ')
    .option('--search <text>', 'match name, institution, city or ACGME id')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
    )
    .action(async (options: { state?: string; search?: string; format: 'table' | 'csv' | 'json' }) => {
      const states: string[] = [];
      for (const raw of options.state?.split(',') ?? []) {
        const code = normalizeState(raw);
        if (!code) {
          io.stderr(`--state: "${raw.trim()}" is not a U.S. state code or name\n`);
          io.exitCode = 2;
          return;
        }
        states.push(code);
      }
      const list = await withDatabase(io, (db) =>
        db.programs.list({ states, ...(options.search ? { search: options.search } : {}) }),
      );
      if (options.format === 'json') io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else if (options.format === 'csv') io.stdout(toCsv([...COLUMNS], list.map(cells)));
      else {
        io.stdout(`${formatTable([...COLUMNS], list.map(cells))}\n`);
        const synthetic = list.filter((p) => p.synthetic).length;
        io.stdout(
          `${plural(list.length, 'program')}${synthetic ? ` (${plural(synthetic, 'synthetic demo program')})` : ''}\n`,
        );
      }
    });
  return programs;
}
