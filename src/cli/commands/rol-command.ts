import { Command, Option } from 'commander';
import { rankListView, saveRankList } from '../../app/season/season-service.js';
import { rankListSchema } from '../../core/season/rank-list.js';
import { plural } from '../../core/shared/plural.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';
import { simulateCommand } from './match-command.js';

/** `matchwise rol show|set|simulate`: the rank order list with its warnings, saved from here or the app, and its odds. */
export function rolCommand(io: CliIo): Command {
  const rol = new Command('rol').description('the rank order list');
  rol.addCommand(simulateCommand(io));
  rol
    .command('set')
    .description('save your rank order list, most preferred first (keeps "would not attend" and couples)')
    .argument('<acgmeId...>', 'ACGME ids of the programs, most preferred first')
    .action(async (acgmeIds: string[]) => {
      await withDatabase(io, async (db) => {
        const current = await db.rankList.get();
        const list = rankListSchema.safeParse({
          ranked: acgmeIds,
          wouldNotAttend: current.wouldNotAttend.filter((id) => !acgmeIds.includes(id)),
          couples: current.couples,
          minimumRanked: current.minimumRanked,
        });
        if (!list.success) {
          io.stderr('This rank list cannot be saved:\n');
          for (const issue of list.error.issues) io.stderr(`  ${issue.path.join('.')}: ${issue.message}\n`);
          io.exitCode = 1;
          return;
        }
        const saved = await saveRankList(db, list.data);
        if (!saved.ok) {
          io.stderr(`${saved.error.title}:\n`);
          for (const issue of saved.error.errors) io.stderr(`  ${issue.path}: ${issue.message}\n`);
          io.exitCode = 1;
          return;
        }
        io.stdout(`Saved a rank list of ${plural(saved.value.ranked.length, 'program')}.\n`);
        for (const warning of saved.value.warnings) io.stdout(`! ${warning.message}\n`);
      });
    });
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
          `Couples list with ${view.couples.partnerName || 'partner'}: ${plural(view.couples.pairs.length, 'pair')}\n`,
        );
      }
      for (const warning of view.warnings) io.stdout(`! ${warning.message}\n`);
    });
  return rol;
}
