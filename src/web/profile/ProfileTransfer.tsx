import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { api, PROFILE_EXPORT_URL } from '../lib/api/client.js';
import { type Problem, toProblem } from '../lib/api/problem.js';
import { queryKeys } from '../lib/api/queries.js';
import type { ProfileRecord } from '../lib/api/types.js';

interface ProfileTransferProps {
  hasProfile: boolean;
  onImported: (record: ProfileRecord) => void;
}

/** Export the saved profile as JSON, or replace it with one from a file. */
export function ProfileTransfer({ hasProfile, onImported }: ProfileTransferProps) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, setMessage] = useState('');

  const importProfile = useMutation({
    mutationFn: ({ body }: { body: unknown; filename: string }) => api.importProfile(body),
    onMutate: ({ filename }) => {
      setProblem(null);
      setMessage(`Importing ${filename}…`);
    },
    onSuccess: (record, { filename }) => {
      queryClient.setQueryData(queryKeys.profile, record);
      setMessage(`Imported your profile from ${filename}.`);
      onImported(record);
    },
    onError: (error) => {
      setMessage('');
      setProblem(toProblem(error));
    },
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setMessage('');
      setProblem({
        type: 'about:blank',
        title: `${file.name} is not a JSON file`,
        status: 0,
        errors: [{ path: '', message: 'Choose a file exported from Matchwise (matchwise-profile.json).' }],
      });
      return;
    }
    importProfile.mutate({ body, filename: file.name });
  };

  return (
    <section className="card" aria-labelledby="profile-transfer-heading">
      <h2 id="profile-transfer-heading">Export or import</h2>
      <div className="transfer-grid">
        <div>
          <h3>Export</h3>
          {hasProfile ? (
            <>
              <p>Download your saved profile as a JSON file to keep a copy or move it to another computer.</p>
              <a className="button secondary" href={PROFILE_EXPORT_URL} download="matchwise-profile.json">
                Download as JSON
              </a>
            </>
          ) : (
            <p className="muted">Save your profile first; then you can export it.</p>
          )}
        </div>
        <div aria-busy={importProfile.isPending}>
          <h3>Import</h3>
          <p>Importing replaces your saved profile with the one in the file.</p>
          <div className="field">
            <label htmlFor={inputId}>Profile file (JSON)</label>
            <input
              id={inputId}
              type="file"
              accept="application/json,.json"
              onChange={onFile}
              disabled={importProfile.isPending}
            />
          </div>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      {problem ? <ProblemAlert problem={problem} heading="Profile not imported" /> : null}
    </section>
  );
}
