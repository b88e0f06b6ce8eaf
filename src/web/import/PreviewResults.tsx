import type { ImportPreview } from '../lib/api/types.js';
import { IMPORT_FIELD_LABELS, PROGRAM_TYPE_LABELS, plural } from '../lib/labels.js';
import { SyntheticBadge, Unknown } from '../programs/ProgramTable.js';
import { RowErrorsTable } from './RowErrorsTable.js';

/** What the file holds and what importing it would do: counts, row problems, duplicates, a sample. */
export function PreviewResults({ preview }: { preview: ImportPreview }) {
  const { plan } = preview;
  return (
    <>
      <section aria-labelledby="preview-counts-heading">
        <h3 id="preview-counts-heading">What importing would do</h3>
        <dl className="stats stats-compact">
          <div>
            <dt>Rows</dt>
            <dd>{preview.totalRows.toLocaleString('en-US')}</dd>
          </div>
          <div className="is-good">
            <dt>Valid</dt>
            <dd>{preview.valid.toLocaleString('en-US')}</dd>
          </div>
          <div className={preview.invalid > 0 ? 'is-bad' : undefined}>
            <dt>Invalid</dt>
            <dd>{preview.invalid.toLocaleString('en-US')}</dd>
          </div>
          <div className={preview.duplicates.length > 0 ? 'is-warn' : undefined}>
            <dt>Duplicates</dt>
            <dd>{preview.duplicates.length.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Will create</dt>
            <dd>{plan.create.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Will update</dt>
            <dd>{plan.update.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd>{plan.unchanged.toLocaleString('en-US')}</dd>
          </div>
        </dl>
      </section>

      {preview.errors.length > 0 ? (
        <section aria-labelledby="preview-errors-heading">
          <h3 id="preview-errors-heading">Rows with problems</h3>
          <p>
            {plural(preview.invalid, 'row')} will be skipped. Fix them in your file and choose it again, or
            import the valid rows now.
          </p>
          <RowErrorsTable errors={preview.errors} label="Rows with problems" />
        </section>
      ) : null}

      {preview.duplicates.length > 0 ? (
        <section aria-labelledby="preview-duplicates-heading">
          <h3 id="preview-duplicates-heading">Duplicate ACGME ids</h3>
          <p>These rows repeat an ACGME id from an earlier row and are merged into it.</p>
          <div className="table-scroll" role="region" aria-label="Duplicate ACGME ids" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">ACGME id</th>
                  <th scope="col" className="num">
                    First seen on line
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.duplicates.slice(0, 200).map((duplicate) => (
                  <tr key={duplicate.line}>
                    <td className="num">{duplicate.line}</td>
                    <td className="mono">{duplicate.acgmeId}</td>
                    <td className="num">{duplicate.firstLine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {preview.sample.length > 0 ? (
        <section aria-labelledby="preview-sample-heading">
          <h3 id="preview-sample-heading">Sample of valid rows</h3>
          <p className="muted">
            The first {plural(preview.sample.length, 'row')} as they would be stored
            {preview.missingFields.length > 0
              ? ` (once ${preview.missingFields.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')} ${preview.missingFields.length === 1 ? 'is' : 'are'} mapped)`
              : ''}
            .
          </p>
          <div className="table-scroll" role="region" aria-label="Sample of valid rows" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">ACGME id</th>
                  <th scope="col">Program</th>
                  <th scope="col">City</th>
                  <th scope="col">State</th>
                  <th scope="col" className="num">
                    Positions
                  </th>
                  <th scope="col">Type</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((program) => (
                  <tr key={program.acgmeId}>
                    <td className="mono nowrap">{program.acgmeId}</td>
                    <td>
                      {program.name} {program.synthetic ? <SyntheticBadge /> : null}
                    </td>
                    <td>{program.city}</td>
                    <td>{program.state}</td>
                    <td className="num">{program.positions ?? <Unknown />}</td>
                    <td>{program.programType ? PROGRAM_TYPE_LABELS[program.programType] : <Unknown />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
