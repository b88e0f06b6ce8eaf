import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { applyMappingOverrides, commitImport } from '../../app/import/import-service.js';
import { readImportFile } from '../../app/import/read-spreadsheet.js';
import { todayIso } from '../../app/today.js';
import { detectMapping } from '../../core/catalog/import/index.js';
import { plural } from '../../core/shared/plural.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../open-cli-database.js';
import { importBackup, isBackupFile } from './backup-command.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description(
      'import a program catalog from a CSV or XLSX file, or restore a Matchwise backup (.json); never deletes',
    )
    .argument('<file>', 'CSV or XLSX file, or a backup written by `matchwise export`')
    .option(
      '--map <column=field>',
      'map a column (header or 1-based number) to a field; repeatable',
      collect,
      [],
    )
    .option('--dry-run', 'backup files only: show what a restore would change and write nothing')
    .action(async (file: string, options: { map: string[]; dryRun?: boolean }) => {
      if (isBackupFile(file)) return importBackup(io, file, { dryRun: options.dryRun === true });
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
      const read = await readImportFile(filename, bytes);
      if (!read.ok) {
        const where = read.error.line === undefined ? '' : ` (line ${read.error.line})`;
        io.stderr(`${filename}${where}: ${read.error.message}\n`);
        io.exitCode = 1;
        return;
      }
      const headers = read.value.table.headers;
      const mapping = applyMappingOverrides(headers, detectMapping(headers), options.map);
      if (!mapping.ok) {
        io.stderr(`${mapping.error}\n`);
        io.exitCode = 2;
        return;
      }
      const result = await withDatabase(io, (db) =>
        commitImport(db, { filename, bytes, mapping: mapping.value, today: todayIso() }),
      );
      if (!result.ok) {
        const failure = result.error;
        if (failure.kind === 'missing-fields') {
          io.stderr(
            `No column is mapped to: ${failure.missing.join(', ')}. Columns: ${headers.join(', ')}.\n` +
              `Map them with --map "Column header=field".\n`,
          );
        } else if (failure.kind === 'file') io.stderr(`${filename}: ${failure.error.message}\n`);
        else io.stderr(`${failure.message}\n`);
        io.exitCode = 1;
        return;
      }
      const report = result.value;
      io.stdout(
        `Imported ${filename}: ${plural(report.totalRows, 'row')} — ${report.created} new, ${report.updated} updated, ` +
          `${report.unchanged} unchanged, ${report.invalid} invalid, ${plural(report.duplicates, 'duplicate id')} merged.\n`,
      );
      for (const error of report.errors)
        io.stdout(`  line ${error.line}: ${error.field}: ${error.message}\n`);
      if (report.invalid > 0) io.exitCode = 1;
    });
}
