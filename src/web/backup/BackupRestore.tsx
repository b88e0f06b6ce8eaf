import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { RestorePreview, RestoreReport } from '../../core/backup/index.js';
import { BACKUP_SECTIONS } from '../../core/backup/sections.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { type Problem, toProblem } from '../lib/api/problem.js';
import { backupApi, describeReport, readBackupText } from './backup-api.js';

const LABELS: ReadonlyMap<string, string> = new Map(BACKUP_SECTIONS.map((s) => [s.name, s.label]));

const ACTION_TEXT: Record<RestorePreview['sections'][number]['action'], string> = {
  add: 'Add',
  merge: 'Merge (keeps what you have)',
  replace: 'Replace',
};

interface Chosen {
  filename: string;
  bundle: unknown;
  preview: RestorePreview;
}

/** Restore from a backup file: choose it, read the preview, confirm, then read what changed. */
export function BackupRestore() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(null);

  const preview = useMutation({
    mutationFn: async ({ bundle }: { filename: string; bundle: unknown }) => backupApi.preview(bundle),
    onMutate: () => {
      setProblem(null);
      setReport(null);
      setChosen(null);
    },
    onSuccess: (result, { filename, bundle }) => setChosen({ filename, bundle, preview: result }),
    onError: (error) => setProblem(toProblem(error)),
  });

  const restore = useMutation({
    mutationFn: (bundle: unknown) => backupApi.restore(bundle),
    onSuccess: async (result) => {
      setChosen(null);
      setReport(result);
      // Everything may have changed: every page reads fresh data.
      await queryClient.invalidateQueries();
      headingRef.current?.focus();
    },
    onError: (error) => setProblem(toProblem(error)),
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const read = readBackupText(file.name, await file.text());
    if (!read.ok) {
      setChosen(null);
      setReport(null);
      setProblem(read.problem);
      return;
    }
    preview.mutate({ filename: file.name, bundle: read.value });
  };

  const busy = preview.isPending || restore.isPending;
  return (
    <section className="card" aria-labelledby="restore-heading" aria-busy={busy}>
      <h2 id="restore-heading" ref={headingRef} tabIndex={-1}>
        Restore from file
      </h2>
      <p>
        Nothing you have already saved is lost. Into an empty Matchwise the backup is loaded as it is;
        otherwise records are matched by their id, new ones are added, ones with the same id take the backup’s
        values, and nothing is deleted. You see what will happen before anything is written.
      </p>
      <div className="field">
        <label htmlFor={inputId}>Backup file (matchwise-backup-….json)</label>
        <input id={inputId} type="file" accept="application/json,.json" onChange={onFile} disabled={busy} />
      </div>

      <div role="status" aria-live="polite">
        {preview.isPending ? <p className="status-info">Checking the backup…</p> : null}
        {restore.isPending ? <p className="status-info">Restoring…</p> : null}
        {report ? (
          <div className="status-info">
            <p>
              <strong>Restore finished.</strong>
            </p>
            <ul>
              {describeReport(report, LABELS).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {problem ? <ProblemAlert problem={problem} heading="Backup not restored; nothing was written" /> : null}

      {chosen ? (
        <div>
          <h3>What restoring {chosen.filename} will do</h3>
          <p>
            {chosen.preview.emptyTarget
              ? 'Nothing is saved here yet: the backup is loaded as it is.'
              : 'You already have data here: the backup is merged into it.'}
          </p>
          <div className="table-scroll" role="region" aria-label="Restore preview" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">Records per section, in the backup and saved now</caption>
              <thead>
                <tr>
                  <th scope="col">Section</th>
                  <th scope="col">In the backup</th>
                  <th scope="col">Saved now</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {chosen.preview.sections.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.label}</th>
                    <td>{s.incoming}</td>
                    <td>{s.existing}</td>
                    <td>{s.incoming === 0 ? 'Nothing to do' : ACTION_TEXT[s.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => restore.mutate(chosen.bundle)}
              disabled={busy}
            >
              Restore this backup
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => setChosen(null)}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
