import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError, type Problem } from '../lib/api/problem.js';
import { authApi } from './auth-api.js';

/** A full page load: nothing of the account stays in memory, and no query re-asks (and gets a 401) meanwhile. */
function signedOut() {
  window.location.assign('/login?reason=signed-out');
}

/** Hosted mode's account page: who is logged in, log out (here or everywhere), change the password. */
export function AccountPage() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me });
  const logout = useMutation({ mutationFn: authApi.logout, onSuccess: signedOut });
  const everywhere = useMutation({ mutationFn: authApi.logoutEverywhere, onSuccess: signedOut });

  if (me.data?.mode === 'local') {
    return (
      <section>
        <h1>Account</h1>
        <p>This Matchwise runs on your computer: there is no account to log in to.</p>
      </section>
    );
  }
  return (
    <section>
      <h1>Account</h1>
      {me.data?.user ? <p>Logged in as {me.data.user.email}.</p> : null}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => logout.mutate()}>
          Log out
        </button>
        <button type="button" className="button secondary" onClick={() => everywhere.mutate()}>
          Log out everywhere
        </button>
      </div>
      <p className="field-hint">“Log out everywhere” ends every session of this account, on every device.</p>
      <PasswordForm />
    </section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    try {
      const { endedSessions } = await authApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setStatus(
        endedSessions > 0
          ? `Password changed. ${endedSessions === 1 ? '1 other session was' : `${endedSessions} other sessions were`} logged out.`
          : 'Password changed.',
      );
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Change password</h2>
      <div className="field">
        <label htmlFor={`${id}-current`}>Current password</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-next`}>New password</label>
        <input
          id={`${id}-next`}
          type="password"
          autoComplete="new-password"
          minLength={10}
          aria-describedby={`${id}-hint`}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <p id={`${id}-hint`} className="field-hint">
          At least 10 characters. Your other sessions are logged out.
        </p>
      </div>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <p className="form-status" role="status">
        {status}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          Change password
        </button>
      </div>
    </form>
  );
}
