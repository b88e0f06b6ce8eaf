import type { Problem } from '../lib/api/problem.js';

interface ProblemAlertProps {
  problem: Problem;
  /** What failed, in the user's words; the problem's title follows it. */
  heading?: string;
  onRetry?: () => void;
}

/** An API problem shown as an alert: title, then each field or line error. */
export function ProblemAlert({ problem, heading, onRetry }: ProblemAlertProps) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{heading ?? problem.title}</p>
      {heading ? <p>{problem.title}</p> : null}
      {(problem.status === 0 || (problem.status >= 500 && problem.type === 'about:blank')) &&
      problem.errors.length === 0 ? (
        <p>Check that Matchwise is running (npm start), then try again.</p>
      ) : null}
      {problem.errors.length > 0 ? (
        <ul className="problem-errors">
          {problem.errors.slice(0, 50).map((error, index) => (
            <li key={index}>
              {error.path ? <strong>{error.path}: </strong> : null}
              {error.message}
            </li>
          ))}
          {problem.errors.length > 50 ? <li>…and {problem.errors.length - 50} more</li> : null}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
