import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ADVISOR_SCOPES, type AdvisorScope, SCOPE_DESCRIPTIONS } from '../../core/sharing/advisor-scopes.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError } from '../lib/api/problem.js';
import { sharingApi } from './sharing-api.js';

const STATE_LABELS = {
  pending: 'Invited',
  active: 'Has access',
  expired: 'Link expired',
  revoked: 'Revoked',
};

/** The applicant's side: invite an advisor by link, see who has access to what, revoke at once. */
export function AdvisorsPage() {
  const queryClient = useQueryClient();
  const advisors = useQuery({ queryKey: ['advisors'], queryFn: sharingApi.advisors });
  const [scopes, setScopes] = useState<AdvisorScope[]>(['list']);
  const [note, setNote] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['advisors'] });
  const invite = useMutation({
    mutationFn: () => sharingApi.invite(scopes, note),
    onSuccess: (created) => {
      setLink(`${window.location.origin}${created.link}`);
      setNote('');
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: sharingApi.revoke, onSuccess: () => void refresh() });

  function submit(event: FormEvent) {
    event.preventDefault();
    setLink(null);
    invite.mutate();
  }

  return (
    <section>
      <h1>Advisors</h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Share with an advisor</legend>
          {ADVISOR_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                }
              />{' '}
              {SCOPE_DESCRIPTIONS[scope]}
            </label>
          ))}
          <label>
            Who it is for (only you see this)
            <input value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
          </label>
        </fieldset>
        <button type="submit" className="button" disabled={invite.isPending}>
          Create invitation link
        </button>
      </form>
      {invite.error instanceof ApiError ? <ProblemAlert problem={invite.error.problem} /> : null}
      {link ? (
        <p role="status">
          Send this link to your advisor; it works once, for 14 days, and is shown only now:{' '}
          <code>{link}</code>
        </p>
      ) : null}
      {advisors.data && advisors.data.advisors.length > 0 ? (
        <ul className="advisor-list">
          {advisors.data.advisors.map((advisor) => (
            <li key={advisor.id}>
              <strong>{advisor.advisorEmail ?? (advisor.note || 'Invitation')}</strong> —{' '}
              {STATE_LABELS[advisor.state]}
              {advisor.note && advisor.advisorEmail ? ` (${advisor.note})` : ''}:{' '}
              {advisor.scopes.map((s) => SCOPE_DESCRIPTIONS[s]).join('; ')}
              {advisor.state === 'active' || advisor.state === 'pending' ? (
                <button type="button" className="button secondary" onClick={() => revoke.mutate(advisor.id)}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
