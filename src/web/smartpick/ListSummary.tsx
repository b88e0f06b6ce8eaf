import type { Recommendation } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { formatDollars, formatExpected, formatPercent, formatPoints, formatRange } from './format.js';
import { TIER_LABELS, TIERS } from './tiers.js';

interface ListSummaryProps {
  recommendation: Recommendation;
  /** How many programs on the list are synthetic (the demo catalog). */
  syntheticCount: number;
}

/** P(match) with its range, interviews, size, cost with the fee schedule, the stop point, tiers and warnings. */
export function ListSummary({ recommendation, syntheticCount }: ListSummaryProps) {
  const { pMatch, budget, stopPoint, tiers, warnings } = recommendation;
  const schedule = budget.feeSchedule;
  return (
    <section className="list-summary" aria-labelledby="chances-heading">
      <h2 id="chances-heading">Your chances</h2>
      <p className="big-number">
        <span className="big-number-label">P(match)</span>{' '}
        <strong>{formatPercent(pMatch.probability)}</strong>{' '}
        <span className="big-number-range">(range {formatRange(pMatch.range)})</span>
      </p>
      <p className="muted small">
        The chance of matching in family medicine if you apply to the {plural(pMatch.listSize, 'program')}{' '}
        below.
      </p>
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
          {schedule.name}, {schedule.asOf}. Source: {schedule.source}.
        </dd>
        <dt>Stop point</dt>
        <dd>
          {plural(stopPoint.size, 'program')}: {stopPoint.why}
        </dd>
        <dt>Tiers</dt>
        <dd>{TIERS.map((tier) => `${TIER_LABELS[tier]} ${tiers[tier]}`).join(' · ')}</dd>
        {recommendation.preferenceCost >= 0.0005 ? (
          <>
            <dt>Your preferences</dt>
            <dd>
              Letting fit with your preferences break near-ties costs{' '}
              {formatPoints(-recommendation.preferenceCost)} of P(match).
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
      <p className="model-note small">
        These numbers are estimates from SmartPick's model (version {recommendation.modelVersion}, Match{' '}
        {recommendation.matchYear}), not promises. Every parameter, its source and the model's limits are in
        the model card, <span className="mono">docs/model-card.md</span>.
      </p>
    </section>
  );
}
