import { Command, Option } from 'commander';
import { rankListView } from '../../server/season/season-service.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';
import { simulateCommand } from './match-command.js';

/** `matchwise rol show|simulate`: the rank order list with its warnings (built in the app), and its odds. */
export function rolCommand(io: CliIo): Command {
  const rol = new Command('rol').description('the rank order list');
  rol.addCommand(simulateCommand(io));
  rol
    .command('show')
    .description('show the rank order list and warnings about common mistakes')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: { format: 'table' | 'json' }) => {
      const view = await withDatabase(io, (db) => rankListView(db));
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(view, null, 2)}\n`);
        return;
      }
      if (view.ranked.length === 0) io.stdout('No programs ranked yet.\n');
      else {
        const rows = view.ranked.map((entry) => [
          String(entry.rank),
          entry.acgmeId,
          entry.program?.name ?? '(not in catalog)',
          entry.program === null ? '' : `${entry.program.city}, ${entry.program.state}`,
          entry.interviewed ? 'yes' : 'no',
        ]);
        io.stdout(`${formatTable(['rank', 'acgme_id', 'program', 'place', 'interviewed'], rows)}\n`);
      }
      if (view.couples !== null) {
        io.stdout(
          `Couples list with ${view.couples.partnerName || 'partner'}: ${view.couples.pairs.length} pairs\n`,
        );
      }
      for (const warning of view.warnings) io.stdout(`! ${warning.message}\n`);
    });
  return rol;
}
