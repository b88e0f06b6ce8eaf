import type { RestorePreview, RestoreReport } from '../../core/backup/index.js';
import { request } from '../lib/api/client.js';
import type { Problem } from '../lib/api/problem.js';

/** Where the browser downloads the whole-profile backup (the server names the file by date). */
export const BACKUP_EXPORT_URL = '/api/backup';

export const backupApi = {
  preview: (bundle: unknown) => request<RestorePreview>('POST', '/api/backup/preview', bundle),
  restore: (bundle: unknown) => request<RestoreReport>('POST', '/api/backup/restore', bundle),
};

/**
 * The chosen file's text as JSON, or a problem to show in place of a preview: a file that is not JSON never
 * reaches the server.
 */
export function readBackupText(
  filename: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: {
        type: 'about:blank',
        title: `${filename} is not a JSON file`,
        status: 0,
        errors: [
          {
            path: '(root)',
            message: `Choose a backup written by “Export everything” (${(error as Error).message}).`,
          },
        ],
      },
    };
  }
}

/** The restore report as sentences a person reads: only sections where something happened. */
export function describeReport(report: RestoreReport, labels: ReadonlyMap<string, string>): string[] {
  if (!report.changed) return ['Nothing changed: everything in the backup was already saved.'];
  return report.sections
    .filter((s) => s.added + s.updated > 0)
    .map((s) => {
      const parts = [s.added > 0 ? `${s.added} added` : '', s.updated > 0 ? `${s.updated} updated` : '']
        .filter(Boolean)
        .join(', ');
      return `${labels.get(s.name) ?? s.name}: ${parts}${s.unchanged > 0 ? ` (${s.unchanged} already saved)` : ''}`;
    });
}
