import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError } from '../lib/api/problem.js';
import { sharingApi } from './sharing-api.js';

/**
 * Where an invitation link lands (`/advisees/accept#token`): the token is in the fragment, so it never reaches
 * a server log; accepting needs the advisor to be logged in (a 401 sends them to the login page first).
 */
export function AcceptInvitationPage() {
  const token = window.location.hash.replace(/^#/, '');
  const accept = useMutation({ mutationFn: () => sharingApi.accept(token) });
  return (
    <section>
      <h1>Advisor invitation</h1>
      {token === '' ? (
        <p>This link holds no invitation: open the whole link the applicant sent you.</p>
      ) : accept.isSuccess ? (
        <p>
          Accepted. <Link to="/advisees">See your advisees</Link>.
        </p>
      ) : (
        <>
          <p>
            An applicant invites you to follow their application, read-only, with what they chose to share.
          </p>
          <button
            type="button"
            className="button"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            Accept
          </button>
        </>
      )}
      {accept.error instanceof ApiError ? <ProblemAlert problem={accept.error.problem} /> : null}
    </section>
  );
}
