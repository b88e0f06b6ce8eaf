import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { FactorContribution } from '../../core/smartpick/types.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { useProgramExplanation } from '../lib/api/queries.js';
import type { SmartPickOverride } from '../lib/api/types.js';
import { FACT_LABELS } from '../lib/labels.js';
import { factorBars } from './explain.js';
import { formatLogOdds, formatPercent, formatPercentWithRange } from './format.js';

interface WhyPanelProps {
  id: string;
  verdict: ProgramVerdict;
  /** The settings the list was computed with, so an on-demand explanation matches it. */
  override: SmartPickOverride | null;
}

/** The factors as signed bars around a centre line, each with its reason in words. */
function FactorBars({ contributions }: { contributions: readonly FactorContribution[] }) {
  const { moved, noEffect } = factorBars(contributions);
  return (
    <>
      <ul className="factor-bars">
        {moved.map((bar) => (
          <li key={bar.factor} className={`is-${bar.direction}`}>
            <span className="factor-name">{bar.label}</span>
            <span className="factor-track" aria-hidden="true">
              <span className="factor-bar" style={{ width: `${(bar.size * 50).toFixed(1)}%` }} />
            </span>
            <span className="factor-value">{formatLogOdds(bar.logOdds)}</span>
            <span className="factor-reason">{bar.reason}</span>
          </li>
        ))}
      </ul>
      {noEffect.length > 0 ? (
        <p className="muted small">No effect here: {noEffect.map((c) => c.reason || c.factor).join('; ')}.</p>
      ) : null}
    </>
  );
}

/**
 * "Why?" for one program: the verdict in words, P(interview) with its range, each factor's push on the odds
 * (fetched on demand when the list did not carry them), and the unknown facts that widened the range.
 */
export function WhyPanel({ id, verdict, override }: WhyPanelProps) {
  const carried = verdict.interview?.contributions ?? [];
  const needsFetch = carried.length === 0 && verdict.interview !== null;
  // Fetched even when the list carried the factors: only the explanation says what the user's cohort filled in.
  const explanation = useProgramExplanation(verdict.acgmeId, override, true);
  const cohort = explanation.data && 'cohort' in explanation.data ? explanation.data.cohort : null;
  const interview = needsFetch ? (explanation.data?.interview ?? null) : verdict.interview;
  const contributions = needsFetch ? (explanation.data?.interview.contributions ?? []) : carried;
  const unknownFacts = interview?.unknownFacts ?? [];

  return (
    <div id={id} className="why-panel">
      <h4>Why {verdict.name}?</h4>
      <p>{verdict.why}</p>
      {verdict.interview ? (
        <p>
          P(interview) {formatPercentWithRange(verdict.interview.probability, verdict.interview.range)}
          {verdict.signaled && verdict.interviewWithoutSignal !== null
            ? ` with a signal; ${formatPercent(verdict.interviewWithoutSignal)} without.`
            : '.'}
          {verdict.fit ? ` Fit with your preferences: ${Math.round(verdict.fit.score * 100)} of 100.` : ''}
        </p>
      ) : null}
      {needsFetch && explanation.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" />
          Loading the factor-by-factor explanation…
        </p>
      ) : null}
      {needsFetch && explanation.isError ? (
        <ProblemAlert problem={toProblem(explanation.error)} heading="The explanation could not be loaded" />
      ) : null}
      {contributions.length > 0 ? (
        <>
          <p className="small muted">
            What moved the odds of an interview, largest first (log-odds: +1 multiplies the odds by 2.7; 0 is
            the same as a typical applicant of your type).
          </p>
          <FactorBars contributions={contributions} />
        </>
      ) : null}
      {interview ? (
        <p className="small">
          {unknownFacts.length > 0
            ? `Unknown facts that widened the range: ${unknownFacts.map((fact) => FACT_LABELS[fact] ?? fact).join(', ')}.`
            : 'Every program fact the model uses is known here.'}
        </p>
      ) : null}
      {cohort && cohort.used.length + cohort.conflicts.length > 0 ? (
        <ul className="small check-list" aria-label="Facts from your cohort">
          {cohort.used.map((fact) => (
            <li key={`used-${fact.key}`}>{fact.says}.</li>
          ))}
          {cohort.conflicts.map((conflict) => (
            <li key={`conflict-${conflict.key}`}>{conflict.says}.</li>
          ))}
        </ul>
      ) : null}
      {verdict.checks.length > 0 ? (
        <>
          <p className="small">
            <strong>Check before applying:</strong>
          </p>
          <ul className="small check-list">
            {verdict.checks.map((check) => (
              <li key={check.filter}>{check.whatToCheck}</li>
            ))}
          </ul>
        </>
      ) : null}
      {verdict.exclusions.length > 0 ? (
        <ul className="small check-list">
          {verdict.exclusions.map((exclusion) => (
            <li key={exclusion.filter}>{exclusion.reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
