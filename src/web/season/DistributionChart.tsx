import type { SimulationResult } from '../lib/api/season.js';
import { formatProbability, formatWithCi } from './labels.js';

const ROW = 34;
const LABEL_HEIGHT = 14;
const WIDTH = 320;

/**
 * Where the simulated Match placed you: one horizontal bar per ranked program and one for "Unmatched", with
 * the 95% interval as a whisker. The SVG is a picture for sighted users; the table below carries the numbers.
 */
export function DistributionChart({ result, caption }: { result: SimulationResult; caption: string }) {
  const rows = [
    ...result.distribution.map((d, index) => ({
      key: d.acgmeId,
      label: `${index + 1}. ${d.name}`,
      p: d.probability,
      ci: d.ci95,
    })),
    { key: 'unmatched', label: 'Unmatched', p: result.pUnmatched, ci: null as [number, number] | null },
  ];
  const height = rows.length * ROW + 4;
  return (
    <figure className="distribution">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${caption}: ${rows.map((r) => `${r.label} ${formatProbability(r.p)}`).join(', ')}`}
        className="distribution-chart"
      >
        {rows.map((row, index) => {
          const y = index * ROW;
          const barY = y + LABEL_HEIGHT + 2;
          const w = Math.max(0, Math.min(1, row.p)) * (WIDTH - 48);
          return (
            <g key={row.key} className={row.key === 'unmatched' ? 'is-unmatched' : undefined}>
              <text x={0} y={y + LABEL_HEIGHT - 2} className="distribution-label">
                {row.label.length > 44 ? `${row.label.slice(0, 43)}…` : row.label}
              </text>
              <rect x={0} y={barY} width={w} height={12} rx={2} className="distribution-bar" />
              {row.ci ? (
                <line
                  x1={row.ci[0] * (WIDTH - 48)}
                  x2={row.ci[1] * (WIDTH - 48)}
                  y1={barY + 6}
                  y2={barY + 6}
                  className="distribution-ci"
                />
              ) : null}
              <text
                x={Math.max(w, (row.ci?.[1] ?? 0) * (WIDTH - 48)) + 4}
                y={barY + 10}
                className="distribution-value"
              >
                {formatProbability(row.p)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{caption}</figcaption>
      <details className="distribution-table">
        <summary>Show as a table</summary>
        <div className="table-scroll season-table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Probability (95% CI)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.key === 'unmatched' ? 'Unmatched' : `Match at ${row.label}`}</th>
                  <td className="num">{row.ci ? formatWithCi(row.p, row.ci) : formatProbability(row.p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
