import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { applicantProfileSchema, emptyProfile } from '../../core/profile/applicant-profile.js';
import { profileImportSchema } from '../../core/profile/profile-file.js';
import { toFieldIssues } from '../../core/shared/zod-issues.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../open-cli-database.js';
import { setPath } from '../set-path.js';

export function profileCommand(io: CliIo): Command {
  const profile = new Command('profile').description('your applicant profile');
  profile
    .command('show')
    .description('print the saved profile as JSON')
    .action(async () => {
      const saved = await withDatabase(io, (db) => db.profiles.get());
      if (!saved) {
        io.stderr('No profile saved yet. Create one in the web app or with `matchwise profile set`.\n');
        io.exitCode = 1;
        return;
      }
      io.stdout(`${JSON.stringify(saved.profile, null, 2)}\n`);
    });
  profile
    .command('set')
    .description('save the profile from a JSON file and/or change fields, e.g. exams.step2ck=235')
    .argument(
      '[assignments...]',
      'field=value pairs (dotted paths; values parsed as JSON when they are JSON)',
    )
    .option('--file <path>', 'a profile JSON file (as exported by the app, or a bare profile)')
    .action(async (assignments: string[], options: { file?: string }) => {
      await withDatabase(io, async (db) => {
        let draft: unknown = (await db.profiles.get())?.profile ?? emptyProfile();
        if (options.file) {
          const filePath = path.resolve(io.cwd, options.file);
          let parsedFile: unknown;
          try {
            parsedFile = JSON.parse(await readFile(filePath, 'utf8'));
          } catch (error) {
            io.stderr(`Cannot read ${filePath} as JSON: ${(error as Error).message}\n`);
            io.exitCode = 1;
            return;
          }
          const fromFile = profileImportSchema.safeParse(parsedFile);
          if (!fromFile.success) return reportIssues(io, toFieldIssues(fromFile.error));
          draft = fromFile.data;
        }
        for (const assignment of assignments) {
          const at = assignment.indexOf('=');
          if (at <= 0) {
            io.stderr(`"${assignment}": write it as field=value, e.g. exams.step2ck=235\n`);
            io.exitCode = 2;
            return;
          }
          draft = setPath(draft, assignment.slice(0, at), parseValue(assignment.slice(at + 1)));
        }
        const parsed = applicantProfileSchema.safeParse(draft);
        if (!parsed.success) return reportIssues(io, toFieldIssues(parsed.error));
        await db.profiles.save(parsed.data);
        io.stdout('Profile saved.\n');
      });
    });
  return profile;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function reportIssues(io: CliIo, issues: { path: string; message: string }[]): void {
  io.stderr('Profile not saved:\n');
  for (const issue of issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
  io.exitCode = 1;
}
