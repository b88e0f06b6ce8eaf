import { useQuery } from '@tanstack/react-query';
import { SCOPE_DESCRIPTIONS } from '../../core/sharing/advisor-scopes.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError } from '../lib/api/problem.js';
import { type AdviseeSummary, sharingApi } from './sharing-api.js';

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The advisor's dashboard: every advisee who shares with this account, the at-risk ones flagged by a stated rule. */
export function AdviseesPage() {
  const advisees = useQuery({ queryKey: ['advisees'], queryFn: sharingApi.advisees });
  return (
    <section>
      <h1>Advisees</h1>
      {advisees.error instanceof ApiError ? <ProblemAlert problem={advisees.error.problem} /> : null}
      {advisees.data ? (
        <>
          <p className="field-hint">{advisees.data.rule}</p>
          {advisees.data.advisees.length === 0 ? (
            <p>Nobody shares with you yet. An applicant invites you from their Advisors page with a link.</p>
          ) : (
            <div className="table-scroll">
              <table className="advisees-table">
                <caption className="visually-hidden">Your advisees</caption>
                <thead>
                  <tr>
                    <th scope="col">Applicant</th>
                    <th scope="col">P(match) now</th>
                    <th scope="col">Overdue tasks</th>
                    <th scope="col">Letters</th>
                    <th scope="col">At risk</th>
                  </tr>
                </thead>
                <tbody>
                  {advisees.data.advisees.map((advisee) => (
                    <AdviseeRow key={advisee.id} advisee={advisee} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function AdviseeRow({ advisee }: { advisee: AdviseeSummary }) {
  const notShared = 'Not shared';
  return (
    <tr>
      <th scope="row">
        {advisee.email}
        <div className="field-hint">
          Shares: {advisee.scopes.map((s) => SCOPE_DESCRIPTIONS[s]).join('; ')}
        </div>
      </th>
      <td>
        {advisee.pMatchNow !== null
          ? percent(advisee.pMatchNow)
          : advisee.scopes.includes('list')
            ? (advisee.oddsNote ?? '—')
            : notShared}
      </td>
      <td>{advisee.overdueTasks ?? notShared}</td>
      <td>
        {advisee.letters
          ? `${advisee.letters.ready ? 'Ready' : 'Short'}: ${advisee.letters.have} uploaded, ${advisee.letters.usFamilyMedicine} U.S. family medicine`
          : notShared}
      </td>
      <td>{advisee.risk.atRisk ? <strong>At risk: {advisee.risk.reasons.join('; ')}</strong> : 'No'}</td>
    </tr>
  );
}
