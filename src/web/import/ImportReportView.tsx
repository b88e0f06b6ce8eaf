import { Link } from 'react-router';
import type { ImportRecord } from '../lib/api/types.js';
import { plural } from '../lib/labels.js';
import { RowErrorsTable } from './RowErrorsTable.js';

/** The outcome of an import just run, with the way on to the catalog. */
export function ImportReportView({ report }: { report: ImportRecord }) {
  return (
    <section className="card report-card" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading">Imported {report.filename}</h2>
      <p>
        {plural(report.created, 'program')} added, {report.updated.toLocaleString('en-US')} updated,{' '}
        {report.unchanged.toLocaleString('en-US')} unchanged. {plural(report.invalid, 'invalid row')} skipped
        {report.duplicates > 0 ? `; ${plural(report.duplicates, 'duplicate row')} merged` : ''}.
      </p>
      <p>
        <Link className="button primary" to="/programs">
          Go to the program catalog
        </Link>
      </p>
      {report.errors.length > 0 ? (
        <>
          <h3>Rows that were skipped</h3>
          <RowErrorsTable errors={report.errors} label="Rows that were skipped" />
        </>
      ) : null}
    </section>
  );
}
