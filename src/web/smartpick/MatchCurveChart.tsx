import { useId, useMemo } from 'react';
import type { Recommendation } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { useElementWidth } from '../lib/useElementWidth.js';
import { chartLabel, chartLayout } from './chart.js';
import { formatDollars, formatPercentWithRange, formatPoints } from './format.js';

/**
 * "P(match) by number of programs": the curve with its range band, the budget and the suggested stop, and the
 * cumulative cost under the program counts. Drawn at the container's real width; the same numbers are in a
 * table below it for anyone who cannot see the chart.
 */
export function MatchCurveChart({ recommendation }: { recommendation: Recommendation }) {
  const [frameRef, width] = useElementWidth<HTMLDivElement>(640);
  const captionId = useId();
  const height = width < 480 ? 260 : 320;
  const { curve, budget, stopPoint } = recommendation;
  const layout = useMemo(
    () => chartLayout({ curve, budget: budget.programs, stop: stopPoint.size, width, height }),
    [curve, budget.programs, stopPoint.size, width, height],
  );
  const label = chartLabel({ curve, budget: budget.programs, stop: stopPoint.size });
  const { plot } = layout;

  return (
    <figure className="curve-chart">
      <div ref={frameRef} className="chart-frame">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={label}
          aria-describedby={captionId}
        >
          <g className="chart-grid">
            {layout.yTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
                <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
                  {tick.label}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-x-axis">
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            {layout.xTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} />
                <text x={tick.x} y={plot.bottom + 16} textAnchor={tick.anchor}>
                  {tick.value}
                </text>
                {tick.cost ? (
                  <text className="chart-cost" x={tick.x} y={plot.bottom + 30} textAnchor={tick.anchor}>
                    {tick.cost}
                  </text>
                ) : null}
              </g>
            ))}
            <text className="chart-axis-title" x={plot.right} y={plot.bottom + 46} textAnchor="end">
              Programs on the list (cumulative cost below)
            </text>
          </g>
          <path className="chart-band" d={layout.bandPath} />
          <path className="chart-line" d={layout.linePath} />
          {layout.beyondPath ? <path className="chart-line is-beyond" d={layout.beyondPath} /> : null}
          <g className="chart-points">
            {layout.points.map((point) => (
              <circle key={point.size} cx={point.x} cy={point.y} r={6}>
                <title>{point.title}</title>
              </circle>
            ))}
          </g>
          <g className="chart-marker is-budget">
            <line x1={layout.budget.x} x2={layout.budget.x} y1={layout.budget.labelY + 4} y2={plot.bottom} />
            <text x={layout.budget.x} y={layout.budget.labelY} textAnchor={layout.budget.labelAnchor}>
              {layout.budget.label}
            </text>
          </g>
          <g className="chart-marker is-stop">
            <line x1={layout.stop.x} x2={layout.stop.x} y1={layout.stop.labelY + 4} y2={plot.bottom} />
            <text x={layout.stop.x} y={layout.stop.labelY} textAnchor={layout.stop.labelAnchor}>
              {layout.stop.label}
            </text>
            <circle cx={layout.stop.x} cy={layout.stop.y} r={5} />
            <text
              className="chart-value"
              x={layout.stop.x + (layout.stop.labelAnchor === 'end' ? -8 : 8)}
              y={layout.stop.y - 8}
              textAnchor={layout.stop.labelAnchor}
            >
              {layout.stop.valueLabel}
            </text>
          </g>
        </svg>
      </div>
      <figcaption id={captionId} className="chart-caption">
        <span className="chart-key is-line" aria-hidden="true" /> P(match) for the best list of each size;{' '}
        <span className="chart-key is-band" aria-hidden="true" /> its range;{' '}
        <span className="chart-key is-beyond" aria-hidden="true" /> past your budget, what more programs would
        add. Markers: your budget pays for {plural(budget.programs, 'program')}; the suggested stop is at{' '}
        {stopPoint.size}.
      </figcaption>
      <details className="chart-data">
        <summary>Chart data as a table</summary>
        <div className="table-scroll table-scroll-tall">
          <table className="data-table">
            <caption className="visually-hidden">
              P(match), its range and the cost by number of programs
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Programs
                </th>
                <th scope="col">P(match) (range)</th>
                <th scope="col" className="num">
                  Added by this program
                </th>
                <th scope="col" className="num">
                  Cumulative cost
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {curve.map((point) => (
                <tr key={point.size}>
                  <th scope="row" className="num">
                    {point.size}
                  </th>
                  <td className="nowrap">{formatPercentWithRange(point.pMatch, point.pMatchRange)}</td>
                  <td className="num nowrap">{formatPoints(point.marginalGain)}</td>
                  <td className="num">{formatDollars(point.cumulativeCost)}</td>
                  <td>
                    {[
                      point.size === stopPoint.size ? 'suggested stop' : '',
                      point.size === budget.programs ? 'budget' : '',
                      point.withinBudget ? '' : 'past the budget',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
