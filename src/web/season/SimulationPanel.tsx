import { useId, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import type { SimulationResult } from '../lib/api/season.js';
import { plural } from '../lib/labels.js';
import { DistributionChart } from './DistributionChart.js';
import { formatProbability, formatWithCi } from './labels.js';
import { sameOrder } from './last-simulation.js';
import { compareSimulations, formatChange } from './simulation-compare.js';
import { useSimulation } from './useSimulation.js';

interface SimulationPanelProps {
  /** The order on screen; sent as a what-if when it differs from the saved list. */
  draftOrder: string[];
  unsaved: boolean;
  names: Map<string, string>;
}

const DEFAULT_RUNS = 1000;

const formatWhen = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The odds of the rank list: a Monte Carlo run against a synthetic market, with progress, Cancel, P(match)
 * with its 95% interval and where you would match. Re-running after a change shows the two side by side.
 */
export function SimulationPanel({ draftOrder, unsaved, names }: SimulationPanelProps) {
  const sim = useSimulation();
  const runsId = useId();
  const [runs, setRuns] = useState(String(DEFAULT_RUNS));
  const runsNumber = Math.round(Number(runs));
  const runsValid = Number.isFinite(runsNumber) && runsNumber >= 100 && runsNumber <= 20_000;
  const status = sim.status;
  const latest = sim.latest;
  const previous = sim.previous;

  const onSimulate = () => {
    if (!runsValid) return;
    sim.start(
      unsaved
        ? { runs: runsNumber, rankList: draftOrder, order: draftOrder, label: 'Unsaved order (what-if)' }
        : { runs: runsNumber, order: draftOrder, label: 'Saved rank list' },
    );
  };

  const progressText = status
    ? `${status.completedRuns.toLocaleString('en-US')} of ${plural(status.totalRuns, 'run')}`
    : '';

  return (
    <section className="card odds-panel" aria-labelledby="odds-heading">
      <h2 id="odds-heading">Odds</h2>
      <p className="muted small">
        Simulated against a synthetic market: generated applicants and programs, not real Match data.{' '}
        {unsaved ? 'Your unsaved order is simulated as a what-if.' : 'Your saved list is simulated.'}
      </p>
      <div className="odds-controls">
        <div className="field">
          <label htmlFor={runsId}>Runs</label>
          <input
            id={runsId}
            name="runs"
            inputMode="numeric"
            value={runs}
            onChange={(event) => setRuns(event.target.value)}
            aria-invalid={runsValid ? undefined : true}
            aria-describedby={runsValid ? undefined : `${runsId}-error`}
          />
          {runsValid ? null : (
            <p id={`${runsId}-error`} className="field-error" role="alert">
              From 100 to 20,000 runs
            </p>
          )}
        </div>
        <button
          type="button"
          className="button primary"
          onClick={onSimulate}
          disabled={sim.running || draftOrder.length === 0 || !runsValid}
        >
          Simulate
        </button>
        {sim.running ? (
          <button type="button" className="button secondary" onClick={sim.cancel}>
            Cancel simulation
          </button>
        ) : null}
      </div>
      {draftOrder.length === 0 ? <p className="muted">Rank at least one program to simulate.</p> : null}

      {sim.running && status ? (
        <div className="sim-progress">
          <progress
            aria-label="Simulation progress"
            max={status.totalRuns || 1}
            value={status.completedRuns}
          />
          <span className="small">{progressText}</span>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="page-status">
        {sim.running
          ? 'Simulating…'
          : status?.status === 'canceled'
            ? 'Simulation canceled.'
            : latest
              ? `Simulation done: simulated P(match) ${formatWithCi(latest.result.pMatch, latest.result.ci95)}; P(match) — model ${formatProbability(latest.result.model.pMatch)}.`
              : ''}
      </div>
      {sim.problem ? <ProblemAlert problem={sim.problem} heading="The simulation did not finish" /> : null}

      {latest && !sim.running ? (
        <p className={sameOrder(latest.order, draftOrder) ? 'muted small' : 'alert alert-warning'}>
          {sameOrder(latest.order, draftOrder)
            ? `Simulated ${formatWhen(latest.at)} for the list on screen.`
            : `Your rank list has changed since this simulation (${formatWhen(latest.at)}): these odds are for the earlier order. Simulate again to update them.`}
        </p>
      ) : null}
      {latest ? (
        <div className={previous ? 'odds-compare' : undefined}>
          {previous ? <OddsResult title={`Before: ${previous.label}`} run={previous} /> : null}
          <OddsResult title={previous ? `Now: ${latest.label}` : latest.label} run={latest} />
        </div>
      ) : null}

      {latest && previous ? (
        <section aria-labelledby="whatif-heading">
          <h3 id="whatif-heading">What changed</h3>
          <p>
            P(match) {formatProbability(previous.result.pMatch)} → {formatProbability(latest.result.pMatch)} (
            {formatChange(previous.result.pMatch, latest.result.pMatch)}).
          </p>
          <div className="table-scroll season-table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Probability of each outcome, before and now</caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="num">
                    Before
                  </th>
                  <th scope="col" className="num">
                    Now
                  </th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {compareSimulations(previous.result, latest.result).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{names.get(row.key) ?? row.name}</th>
                    <td className="num">{row.before === null ? '–' : formatProbability(row.before)}</td>
                    <td className="num">{row.after === null ? '–' : formatProbability(row.after)}</td>
                    <td>{formatChange(row.before, row.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}

function OddsResult({ title, run }: { title: string; run: { result: SimulationResult } }) {
  const { result } = run;
  return (
    <section className="odds-result" aria-label={title}>
      <h3>{title}</h3>
      <dl className="odds-figures">
        <div className="odds-figure">
          <dt className="odds-label">Simulated Matches: P(match)</dt>
          <dd>
            <strong className="odds-value">{formatProbability(result.pMatch)}</strong>
            <span className="muted small">
              {' '}
              95% CI {formatProbability(result.ci95[0])}–{formatProbability(result.ci95[1])} ·{' '}
              {result.runs.toLocaleString('en-US')} runs
            </span>
            <span className="small odds-note">
              The interval is simulation error only (how many Matches were run); the model’s own uncertainty
              is not in it.
            </span>
          </dd>
        </div>
        <div className="odds-figure">
          <dt className="odds-label">P(match) — model</dt>
          <dd>
            <strong className="odds-value">{formatProbability(result.model.pMatch)}</strong>
            <span className="small odds-note">
              The model’s own figure for interviews at these programs: the number My list shows as “P(match)
              now” when these are your interviews. No interval: it is computed, not sampled.
            </span>
          </dd>
        </div>
      </dl>
      <DistributionChart result={result} caption={`Where you would match: ${title}`} />
      <details>
        <summary>
          Simulated against a synthetic market <span className="badge badge-synthetic">synthetic</span> —
          assumptions
        </summary>
        <ul className="small">
          {result.assumptions.map((assumption) => (
            <li key={assumption}>{assumption}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
