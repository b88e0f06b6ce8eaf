import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError } from '../lib/api/problem.js';
import { type CohortRecord, cohortsApi } from './cohorts-api.js';

/** The token of a `/cohorts#join=…` link: in the fragment, so it never reached a server. */
function joinTokenFromUrl(): string | null {
  const match = /(?:^#|&)join=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return match?.[1] ?? null;
}

/** One cohort: its members, an invitation link to copy, and leaving. */
function CohortCard({ cohort }: { cohort: CohortRecord }) {
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['cohorts', cohort.id], queryFn: () => cohortsApi.detail(cohort.id) });
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cohorts'] });
  const invite = useMutation({
    mutationFn: () => cohortsApi.invite(cohort.id),
    onSuccess: (created) => {
      setLink(`${window.location.origin}${created.joinPath}`);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => cohortsApi.revoke(cohort.id, invitationId),
    onSuccess: () => void refresh(),
  });
  const leave = useMutation({
    mutationFn: () => cohortsApi.leave(cohort.id),
    onSuccess: () => void refresh(),
  });
  const open = (detail.data?.invitations ?? []).filter(
    (invitation) => invitation.revokedAt === null && new Date(invitation.expiresAt) > new Date(),
  );
  const headingId = `cohort-${cohort.id}`;

  return (
    <li>
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>{cohort.name}</h2>
        <p className="muted small">
          {cohort.members === 1 ? '1 member' : `${cohort.members} members`}
          {cohort.createdByYou ? ' · you created it' : ''}
        </p>
        {detail.data ? (
          <ul aria-label={`Members of ${cohort.name}`}>
            {detail.data.members.map((member) => (
              <li key={member.email}>
                {member.email}
                {member.you ? ' (you)' : ''} — joined {member.joinedAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        ) : null}
        <div>
          <button
            type="button"
            className="button"
            onClick={() => invite.mutate()}
            disabled={invite.isPending}
          >
            Create invitation link
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              if (window.confirm(`Leave ${cohort.name}? Your shared facts leave with you.`)) leave.mutate();
            }}
          >
            Leave cohort
          </button>
        </div>
        {link ? (
          <p role="status">
            Send this link to people you want in the cohort; it works for 14 days, until revoked, and is shown
            only now: <code style={{ overflowWrap: 'anywhere' }}>{link}</code>{' '}
            <button
              type="button"
              className="button secondary"
              onClick={() => void navigator.clipboard?.writeText(link)}
            >
              Copy link
            </button>
          </p>
        ) : null}
        {open.length > 0 ? (
          <ul className="small" aria-label="Open invitation links">
            {open.map((invitation) => (
              <li key={invitation.id}>
                Link created {invitation.createdAt.slice(0, 10)}, works until{' '}
                {invitation.expiresAt.slice(0, 10)}{' '}
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => revoke.mutate(invitation.id)}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {[invite.error, revoke.error, leave.error].map((error, index) =>
          error instanceof ApiError ? <ProblemAlert key={String(index)} problem={error.problem} /> : null,
        )}
      </article>
    </li>
  );
}

/**
 * Cohorts (hosted mode): groups that pool program research. Create one, hand out its link, join by a link
 * (`/cohorts#join=…`), see who is in, leave. Facts are shared from each program's page.
 */
export function CohortsPage() {
  const queryClient = useQueryClient();
  const cohorts = useQuery({ queryKey: ['cohorts'], queryFn: cohortsApi.list });
  const [name, setName] = useState('');
  const [token, setToken] = useState(() => joinTokenFromUrl() ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cohorts'] });
  const create = useMutation({
    mutationFn: () => cohortsApi.create(name.trim()),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const join = useMutation({
    mutationFn: () => cohortsApi.join(token.trim()),
    onSuccess: () => {
      setToken('');
      // The link has done its work: take the token out of the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      void refresh();
    },
  });

  useEffect(() => {
    const onHash = () => setToken(joinTokenFromUrl() ?? '');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  function submitCreate(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  function submitJoin(event: FormEvent) {
    event.preventDefault();
    join.mutate();
  }

  return (
    <section>
      <h1>Cohorts</h1>
      <p>
        A cohort pools program research: members share a fact they checked, with its source and date, and
        confirm what others shared. SmartPick uses a fact your cohort agrees on when you have not researched
        it yourself. Your notes are never shared.
      </p>
      {token ? (
        <form onSubmit={submitJoin} aria-labelledby="join-heading">
          <h2 id="join-heading">Join a cohort</h2>
          <p>You opened an invitation link.</p>
          <button type="submit" className="button" disabled={join.isPending}>
            Join the cohort
          </button>
        </form>
      ) : null}
      {join.error instanceof ApiError ? <ProblemAlert problem={join.error.problem} /> : null}
      {join.data ? (
        <p role="status">
          {join.data.alreadyMember ? 'You already are in ' : 'You joined '}
          {join.data.cohort.name}.
        </p>
      ) : null}
      <form onSubmit={submitCreate}>
        <label>
          New cohort’s name
          <input value={name} maxLength={120} required onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={create.isPending || name.trim() === ''}>
          Create cohort
        </button>
      </form>
      {create.error instanceof ApiError ? <ProblemAlert problem={create.error.problem} /> : null}
      {cohorts.error instanceof ApiError ? <ProblemAlert problem={cohorts.error.problem} /> : null}
      {cohorts.data && cohorts.data.items.length === 0 ? <p>You are in no cohort yet.</p> : null}
      {cohorts.data && cohorts.data.items.length > 0 ? (
        <ul className="cohort-list">
          {cohorts.data.items.map((cohort) => (
            <CohortCard key={cohort.id} cohort={cohort} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
