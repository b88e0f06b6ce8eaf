import type { Recommendation } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { formatPercent, formatPoints } from './format.js';

/** Where to send the preference signals, in the order chosen, each with the reasoning. */
export function SignalsList({ recommendation }: { recommendation: Recommendation }) {
  const { signals } = recommendation;
  const nameOf = new Map(recommendation.programs.map((verdict) => [verdict.acgmeId, verdict.name]));
  return (
    // Not named by its heading on purpose: a region named "Signals" would be a second match for the "Signals"
    // field's label in label-based lookups (getByLabel in tests, label lists in assistive technology).
    <section className="card signals-section">
      <h2 id="signals-heading">Signals</h2>
      {signals.length === 0 ? (
        <p>
          No signals placed. Set “Signals” above to the number you can send and SmartPick will choose where
          each raises P(match) most.
        </p>
      ) : (
        <>
          <p className="muted">
            Send your {plural(signals.length, 'signal')} to these programs: each is placed where it raises
            P(match) most, given the ones before it.
          </p>
          <ol className="signal-list">
            {signals.map((signal) => (
              <li key={signal.acgmeId}>
                <p className="signal-title">
                  <strong>{signal.name}</strong>{' '}
                  <span className="nowrap">
                    P(interview) {formatPercent(signal.interviewWithout)} →{' '}
                    {formatPercent(signal.interviewWith)}
                  </span>{' '}
                  · <span className="nowrap">P(match) {formatPoints(signal.matchGain)}</span>
                  {signal.replaces ? (
                    <span className="muted">
                      {' '}
                      · in place of {nameOf.get(signal.replaces) ?? signal.replaces}
                    </span>
                  ) : null}
                </p>
                <p className="small">{signal.why}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
