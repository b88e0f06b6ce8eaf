import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { commitContactImport } from '../../app/network/network-service.js';
import { plural } from '../../core/shared/plural.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../open-cli-database.js';

/** `matchwise contacts import <file>`: LinkedIn Connections.csv, a Matchwise contacts .csv, or a vCard .vcf. */
export function contactsCommand(io: CliIo): Command {
  const contacts = new Command('contacts').description('your Network contacts');
  contacts
    .command('import')
    .description(
      'import contacts from a LinkedIn Connections.csv, a Matchwise contacts .csv or a vCard .vcf ' +
        '(never overwrites a stored contact: matches are reported as duplicates to merge)',
    )
    .argument('<file>', '.csv or .vcf file')
    .action(async (file: string) => {
      const filePath = path.resolve(io.cwd, file);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(filePath));
      } catch (error) {
        io.stderr(`Cannot read ${filePath}: ${(error as Error).message}\n`);
        io.exitCode = 1;
        return;
      }
      const filename = path.basename(filePath);
      const result = await withDatabase(io, (db) =>
        commitContactImport(db, { filename, bytes, now: new Date() }),
      );
      if (!result.ok) {
        const where = result.error.line === undefined ? '' : ` (line ${result.error.line})`;
        io.stderr(`${filename}${where}: ${result.error.message}\n`);
        io.exitCode = 1;
        return;
      }
      const report = result.value;
      io.stdout(
        `Imported ${filename} (${report.format}): ${plural(report.total, 'record')} — ${report.createdIds.length} new, ` +
          `${plural(report.duplicates.length, 'duplicate')} not imported, ${report.invalid} invalid.\n`,
      );
      for (const d of report.duplicates) {
        const of = d.existingId === null ? 'an earlier record in the file' : 'a stored contact';
        io.stdout(
          `  line ${d.line}: ${d.contact.name} is already ${of} (${d.existingName}, ${d.reasons.join(', ')})\n`,
        );
      }
      for (const error of report.errors)
        io.stdout(`  line ${error.line}: ${error.field}: ${error.message}\n`);
      if (report.errors.length > 0) io.exitCode = 1;
    });
  return contacts;
}
