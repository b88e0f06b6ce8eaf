import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError, type Problem } from '../lib/api/problem.js';
import { authApi } from './auth-api.js';
import './account.css';

/**
 * The operator's reset link (`/reset#token`): the token sits after the #, so it never reaches a server log or
 * a Referer header. Choosing a new password ends every session of the account.
 */
export function ResetPasswordPage() {
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      const { email } = await authApi.reset(token, password);
      setDone(email);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
    }
  }

  return (
    <main id="main" className="site-main auth-page">
      <h1>Choose a new password</h1>
      {done !== null ? (
        <p role="status">
          Your password is changed. <Link to="/login">Log in</Link> with it.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-password`}>New password</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              aria-describedby={`${id}-hint`}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p id={`${id}-hint`} className="field-hint">
              At least 10 characters.
            </p>
          </div>
          {problem ? <ProblemAlert problem={problem} /> : null}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={!token}>
              Set password
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
