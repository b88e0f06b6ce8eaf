import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { exportBackup, previewBackup, restoreBackup } from '../../app/backup/backup-service.js';
import { BACKUP_SECTIONS, parseBackupText, type RestorePreview } from '../../core/backup/index.js';
import type { FieldIssue } from '../../core/shared/result.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withDatabase } from '../open-cli-database.js';

/** A file `matchwise import` restores as a whole-profile backup rather than reading as a catalog. */
export function isBackupFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

const LABELS = new Map<string, string>(BACKUP_SECTIONS.map((s) => [s.name, s.label]));

/**
 * `matchwise export [--out file]`: everything of the applicant's as one JSON backup, to stdout by default.
 *
 * @example
 * matchwise export --out matchwise-backup.json
 */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('write your whole profile (catalog edits, network, season) as one JSON backup')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const backup = await withDatabase(io, (db) => exportBackup(db));
      const text = `${JSON.stringify(backup, null, 2)}\n`;
      if (!options.out) {
        io.stdout(text);
        return;
      }
      const filePath = path.resolve(io.cwd, options.out);
      await writeFile(filePath, text);
      io.stderr(`Backup written to ${filePath}.\n`);
    });
}

/**
 * `matchwise import <backup.json> [--dry-run]`: prints what a restore changes, then restores (merging,
 * never deleting) unless `--dry-run`. Called by the import command for .json files.
 */
export async function importBackup(io: CliIo, file: string, options: { dryRun: boolean }): Promise<void> {
  const filePath = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    io.stderr(`Cannot read ${filePath}: ${(error as Error).message}\n`);
    io.exitCode = 1;
    return;
  }
  const parsed = parseBackupText(text);
  if (!parsed.ok) return refuse(io, file, parsed.error);
  const backup = parsed.value;
  await withDatabase(io, async (db) => {
    const preview = await previewBackup(db, backup);
    if (!preview.ok) return refuse(io, file, preview.error);
    io.stdout(`${formatPreview(preview.value)}\n`);
    if (options.dryRun) {
      io.stdout('Dry run: nothing was written.\n');
      return;
    }
    const report = await restoreBackup(db, backup);
    if (!report.ok) return refuse(io, file, report.error);
    if (!report.value.changed) {
      io.stdout('Restored: nothing changed, everything in the backup was already saved.\n');
      return;
    }
    const rows = report.value.sections
      .filter((s) => s.added + s.updated + s.unchanged > 0)
      .map((s) => [LABELS.get(s.name) ?? s.name, String(s.added), String(s.updated), String(s.unchanged)]);
    io.stdout(`Restored:\n${formatTable(['Section', 'Added', 'Updated', 'Unchanged'], rows)}\n`);
  });
}

function formatPreview(preview: RestorePreview): string {
  const rows = preview.sections.map((s) => [s.label, String(s.incoming), String(s.existing), s.action]);
  const intro = preview.emptyTarget
    ? 'Nothing is saved yet: the backup is loaded as it is.'
    : 'Merging: records with the same id take the backup’s values; nothing saved is deleted.';
  return `${intro}\n${formatTable(['Section', 'In backup', 'Saved now', 'Action'], rows)}`;
}

function refuse(io: CliIo, file: string, issues: FieldIssue[]): void {
  io.stderr(`${file} cannot be restored; nothing was written:\n`);
  for (const issue of issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
  io.exitCode = 1;
}
