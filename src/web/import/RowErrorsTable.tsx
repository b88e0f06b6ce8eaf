import type { RowError } from '../../core/catalog/import/types.js';

const SHOWN = 200;

/** Per-row problems (line, field, message); long lists are cut with a note. */
export function RowErrorsTable({ errors, label }: { errors: readonly RowError[]; label: string }) {
  if (errors.length === 0) return null;
  return (
    <>
      <div className="table-scroll table-scroll-tall" role="region" aria-label={label} tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((error, index) => (
              <tr key={index}>
                <td className="num">{error.line}</td>
                <td>{error.field}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN ? (
        <p className="muted">
          Showing the first {SHOWN} of {errors.length.toLocaleString('en-US')} problems.
        </p>
      ) : null}
    </>
  );
}
