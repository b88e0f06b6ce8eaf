import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { queryClient } from '../App.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import type { Problem } from '../lib/api/problem.js';
import { ApiError } from '../lib/api/problem.js';
import { authApi, safeNext } from './auth-api.js';
import './account.css';

/** Hosted mode's login: email and password, then back to the page that asked for a session. */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await authApi.login(email, password);
      queryClient.clear();
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="site-main auth-page">
      <h1>Log in to Matchwise</h1>
      {params.get('reason') === 'signed-out' ? (
        <p role="status">You are logged out. Log in again to continue.</p>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div id={`${id}-problem`}>{problem ? <ProblemAlert problem={problem} /> : null}</div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            Log in
          </button>
        </div>
      </form>
      <p className="field-hint">
        Forgot your password? Ask whoever runs this Matchwise for a reset link.{' '}
        <Link to="/docs">About Matchwise</Link>
      </p>
    </main>
  );
}
