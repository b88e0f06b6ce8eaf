import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { useImports } from '../lib/api/queries.js';
import { formatDateTime } from '../lib/labels.js';

/** Past imports, newest first (GET /api/imports). */
export function ImportHistory() {
  const imports = useImports();
  return (
    <section aria-labelledby="import-history-heading" aria-busy={imports.isFetching}>
      <h2 id="import-history-heading">Past imports</h2>
      {imports.isPending ? <p role="status">Loading past imports…</p> : null}
      {imports.isError ? (
        <ProblemAlert problem={toProblem(imports.error)} heading="Past imports could not be loaded" />
      ) : null}
      {imports.data && imports.data.items.length === 0 ? <p className="muted">No imports yet.</p> : null}
      {imports.data && imports.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Past imports" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Added
                </th>
                <th scope="col" className="num">
                  Updated
                </th>
                <th scope="col" className="num">
                  Unchanged
                </th>
                <th scope="col" className="num">
                  Invalid
                </th>
                <th scope="col" className="num">
                  Duplicates
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.items.map((item) => (
                <tr key={String(item.id)}>
                  <td className="nowrap">{formatDateTime(item.createdAt)}</td>
                  <td>{item.filename}</td>
                  <td className="num">{item.totalRows}</td>
                  <td className="num">{item.created}</td>
                  <td className="num">{item.updated}</td>
                  <td className="num">{item.unchanged}</td>
                  <td className="num">{item.invalid}</td>
                  <td className="num">{item.duplicates}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
