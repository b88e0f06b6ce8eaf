import { Link } from 'react-router';
import { feeCycleLabel } from '../../core/smartpick/fee-cycle.js';
import type { Recommendation } from '../../core/smartpick/recommend.js';
import { documentPath } from '../docs/documents.js';
import { plural } from '../lib/labels.js';
import { formatDollars, formatExpected, formatPercent, formatPoints, formatRange } from './format.js';
import { TIER_LABELS, TIERS } from './tiers.js';

interface ListSummaryProps {
  recommendation: Recommendation;
  /** How many programs on the list are synthetic (the demo catalog). */
  syntheticCount: number;
}

/**
 * The budget list's P(match) with the model's range, the suggested stop point as a separate suggestion, P(match) now
 * once the season holds something, then interviews, size, cost, tiers, warnings and what the model leaves out.
 */
export function ListSummary({ recommendation, syntheticCount }: ListSummaryProps) {
  const { pMatch, budget, stopPoint, tiers, warnings } = recommendation;
  const schedule = budget.feeSchedule;
  const now = pMatch.now;
  return (
    <section className="list-summary" aria-labelledby="chances-heading">
      <h2 id="chances-heading">Your chances</h2>
      <div className="chance-figures">
        <div className="chance-figure">
          <p className="big-number">
            <span className="big-number-label">P(match) for the budget’s list</span>{' '}
            <strong>{formatPercent(pMatch.probability)}</strong>{' '}
            <span className="big-number-range">(model range {formatRange(pMatch.range)})</span>
          </p>
          <p className="muted small">
            The plan: the chance of matching in family medicine if you apply to the{' '}
            {plural(pMatch.listSize, 'program')} below. The range is the model’s: every program at the low or
            high end of what is unknown about it.
          </p>
        </div>
        {now ? (
          <div className="chance-figure chance-now">
            <p className="big-number">
              <span className="big-number-label">P(match) now</span>{' '}
              <strong>{formatPercent(now.probability)}</strong>
            </p>
            <p className="muted small">
              Given your season so far: {plural(now.interviews, 'interview')}, {now.waiting} waiting to hear,{' '}
              {now.out} out. The rank-list page shows the same number for these interviews, ranked.
            </p>
          </div>
        ) : null}
      </div>
      {now && now.issues.length > 0 ? (
        <div className="alert alert-warning">
          <p className="alert-title">Your season contradicts itself</p>
          <ul className="problem-errors">
            {now.issues.map((issue) => (
              <li key={`${issue.acgmeId}-${issue.reason}`}>
                <span className="mono">{issue.acgmeId}</span>: {issue.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {now ? (
        <details className="small">
          <summary>What “P(match) now” assumes</summary>
          <ul>
            {now.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <section className="stop-suggestion" aria-labelledby="stop-heading">
        <h3 id="stop-heading">Suggested stop point</h3>
        <p>
          <strong>{plural(stopPoint.size, 'program')}</strong> · P(match) {formatPercent(stopPoint.pMatch)} ·{' '}
          {formatDollars(stopPoint.cost)}
        </p>
        <p className="muted small">
          A suggestion apart from your budget: {stopPoint.why} Programs past it stay on the list your budget
          buys, marked “past the stop point”.
        </p>
      </section>
      <dl className="stats stats-compact summary-stats">
        <div>
          <dt>Expected interviews</dt>
          <dd>{formatExpected(pMatch.expectedInterviews)}</dd>
        </div>
        <div>
          <dt>Programs on the list</dt>
          <dd>{pMatch.listSize.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Application cost</dt>
          <dd>{formatDollars(pMatch.cost)}</dd>
        </div>
        <div>
          <dt>Budget covers (programs)</dt>
          <dd>{budget.programs.toLocaleString('en-US')}</dd>
        </div>
      </dl>
      <dl className="details-grid summary-details">
        <dt>Fees</dt>
        <dd>
          For {feeCycleLabel(schedule, recommendation.matchYear)}. {schedule.name}, {schedule.asOf}. Source:{' '}
          {schedule.source}.
        </dd>
        <dt>Tiers</dt>
        <dd>{TIERS.map((tier) => `${TIER_LABELS[tier]} ${tiers[tier]}`).join(' · ')}</dd>
        {recommendation.preferenceCost >= 0.0005 ? (
          <>
            <dt>Your places and fit</dt>
            <dd>
              They cost {(recommendation.preferenceCost * 100).toFixed(1)} points of P(match) at this budget,
              against the best list that ignores where the programs are and how they fit you.
            </dd>
          </>
        ) : null}
      </dl>
      {syntheticCount > 0 ? (
        <p className="synthetic-note">
          <span className="badge badge-synthetic">synthetic</span>
          {plural(syntheticCount, 'program')} on this list {syntheticCount === 1 ? 'is' : 'are'} synthetic
          demo data: generated programs that do not exist.
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <div className="alert alert-warning">
          <p className="alert-title">Warnings</p>
          <ul className="problem-errors">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {recommendation.notModelled.length > 0 ? (
        <details className="small not-modelled">
          <summary>Not in these odds</summary>
          <ul>
            {recommendation.notModelled.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="model-note small">
        These numbers are estimates from SmartPick's model (version {recommendation.modelVersion}, Match{' '}
        {recommendation.matchYear}), not promises. Every parameter, its source and the model's limits are in
        the <Link to={documentPath('model-card')}>model card</Link>.
      </p>
    </section>
  );
}
