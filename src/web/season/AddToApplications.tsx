import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { type BulkAddResult, invalidateApplications, seasonApi } from '../lib/api/season.js';
import { plural } from '../lib/labels.js';

/** "3 programs added to your applications; 2 already there." */
export function bulkAddMessage(result: BulkAddResult): string {
  const added =
    result.added.length === 0
      ? 'No program added to your applications'
      : `${plural(result.added.length, 'program')} added to your applications`;
  const skipped = result.skipped.length === 0 ? '' : `; ${result.skipped.length} already there`;
  return `${added}${skipped}.`;
}

interface AddProps {
  acgmeIds: string[];
  /** The button's words: "Add list to applications", or "Add to applications" for one program. */
  label: string;
  /** Extra words for screen readers, e.g. the program's name. */
  accessibleSuffix?: string;
  className?: string;
}

/** Adds programs to the pipeline as "saved" (POST /api/applications) and says what was added or skipped. */
export function AddToApplications({
  acgmeIds,
  label,
  accessibleSuffix,
  className = 'button secondary',
}: AddProps) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const add = useMutation({
    mutationFn: () => seasonApi.addApplications(acgmeIds),
    onMutate: () => setMessage('Adding…'),
    onSuccess: async (result) => {
      setMessage(bulkAddMessage(result));
      await invalidateApplications(queryClient);
    },
    onError: () => setMessage(''),
  });
  return (
    <span className="add-to-applications">
      <button
        type="button"
        className={className}
        disabled={add.isPending || acgmeIds.length === 0}
        aria-busy={add.isPending}
        onClick={() => add.mutate()}
      >
        {label}
        {accessibleSuffix ? <span className="visually-hidden"> {accessibleSuffix}</span> : null}
      </button>
      <span role="status" aria-live="polite" className="small">
        {message}
        {add.isSuccess ? (
          <>
            {' '}
            <Link to="/applications">Open Applications</Link>
          </>
        ) : null}
      </span>
      {add.isError ? (
        <ProblemAlert problem={toProblem(add.error)} heading="The programs were not added" />
      ) : null}
    </span>
  );
}
