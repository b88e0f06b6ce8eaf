import type { SeasonTotals } from '../lib/api/season.js';
import { plural } from '../lib/labels.js';
import { budgetBar } from './applications-table.js';
import { formatDollars } from './labels.js';

/** The season at a glance: applications sent, invites, interviews, and fees against the budget. */
export function TotalsBar({ totals }: { totals: SeasonTotals }) {
  const bar = budgetBar(totals);
  return (
    <section aria-labelledby="season-totals-heading" className="season-totals">
      <h2 id="season-totals-heading" className="visually-hidden">
        Season totals
      </h2>
      <dl className="stats stats-compact">
        <div>
          <dt>Applications</dt>
          <dd>{totals.applications}</dd>
        </div>
        <div>
          <dt>Invites</dt>
          <dd>{totals.invites}</dd>
        </div>
        <div>
          <dt>Interviews</dt>
          <dd>{totals.interviews}</dd>
        </div>
        <div className={bar?.over ? 'is-bad' : undefined}>
          <dt>Money spent</dt>
          <dd>{formatDollars(totals.feesSpent)}</dd>
        </div>
      </dl>
      {bar && totals.budget ? (
        <div className="budget-line">
          <label htmlFor="season-budget-meter">
            {bar.label}
            {bar.over
              ? ` — over budget by ${formatDollars(-totals.budget.remainingDollars)}`
              : ` — ${formatDollars(totals.budget.remainingDollars)} left`}
          </label>
          <meter
            id="season-budget-meter"
            min={0}
            max={1}
            high={0.9}
            optimum={0}
            value={bar.fraction}
            className={bar.over ? 'is-over' : undefined}
          >
            {bar.label}
          </meter>
        </div>
      ) : (
        <p className="muted small">
          {totals.budgetPrograms !== null
            ? `Your budget (in your profile) is ${plural(totals.budgetPrograms, 'program')}; set it in dollars there or on My list to compare fees with it.`
            : 'Set a budget in dollars in your profile or on My list to compare your fees with it.'}
        </p>
      )}
    </section>
  );
}
