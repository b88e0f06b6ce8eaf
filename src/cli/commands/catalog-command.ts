import { Command } from 'commander';
import { loadDemoCatalog } from '../../app/import/load-demo-catalog.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../open-cli-database.js';

export function catalogCommand(io: CliIo): Command {
  const catalog = new Command('catalog').description('the program catalog as a whole');
  catalog
    .command('demo')
    .description('add the generated demo catalog (synthetic programs in real U.S. cities)')
    .option('--remove', 'remove the synthetic demo programs instead')
    .action(async (options: { remove?: boolean }) => {
      await withDatabase(io, async (db) => {
        if (options.remove) {
          io.stdout(`Removed ${await db.programs.deleteSynthetic()} synthetic demo programs.\n`);
          return;
        }
        const result = await loadDemoCatalog(db);
        io.stdout(
          `Demo catalog (synthetic): ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.\n`,
        );
      });
    });
  return catalog;
}
