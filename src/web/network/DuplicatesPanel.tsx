import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { type DuplicateReason, networkApi, networkKeys, useDuplicates } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';

const REASON_LABELS: Record<DuplicateReason, string> = {
  'same-email': 'same email',
  'same-linkedin': 'same LinkedIn profile',
  'similar-name-same-affiliation': 'similar name at the same place',
};

/** Pairs that look like the same person, each with a merge that keeps all history. Hidden when there are none. */
export function DuplicatesPanel() {
  const queryClient = useQueryClient();
  const duplicates = useDuplicates();
  const [message, setMessage] = useState('');
  const merge = useMutation({
    mutationFn: ({ keepId, mergeId }: { keepId: string; mergeId: string; label: string }) =>
      networkApi.mergeContacts(keepId, mergeId),
    onSuccess: async (_merged, { label }) => {
      setMessage(label);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const items = duplicates.data?.items ?? [];
  const partial = duplicates.data?.partial ?? [];
  if (items.length === 0 && partial.length === 0 && !message) return null;
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      {items.length > 0 ? (
        <ul className="compact-list">
          {items.map(({ a, b, reasons }) => {
            const label = `Merged ${b.name} into ${a.name}.`;
            return (
              <li key={`${a.id}-${b.id}`}>
                <strong>{a.name}</strong> and <strong>{b.name}</strong>{' '}
                <span className="muted small">
                  ({reasons.map((reason) => REASON_LABELS[reason]).join(', ')})
                </span>{' '}
                <button
                  type="button"
                  className="button ghost small"
                  disabled={merge.isPending}
                  onClick={() => merge.mutate({ keepId: a.id, mergeId: b.id, label })}
                >
                  Merge {b.name} into {a.name}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {partial.length > 0 ? (
        <p className="muted small">
          {partial.length === 1 ? 'One group' : `${partial.length} groups`} of contacts (such as many people
          at one institution, the largest {Math.max(...partial.map((p) => p.size)).toLocaleString('en-US')})
          were too large to compare every pair, so this list may miss some duplicates in them.
        </p>
      ) : null}
      {duplicates.data?.truncated ? (
        <p className="muted small">
          Showing the {items.length.toLocaleString('en-US')} strongest of{' '}
          {(duplicates.data.total ?? items.length).toLocaleString('en-US')} possible duplicate pairs; merge
          these and the next ones appear.
        </p>
      ) : null}
      <p className="muted small">Merging keeps every interaction, letter and event of both records.</p>
      <div role="status" aria-live="polite" className="form-status">
        {message ? <p className="status-success">{message}</p> : null}
      </div>
      {merge.isError ? (
        <ProblemAlert problem={toProblem(merge.error)} heading="The contacts could not be merged" />
      ) : null}
    </section>
  );
}
