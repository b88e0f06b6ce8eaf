import { useEffect, useRef, useState } from 'react';
import { PROGRAM_FACT_KEYS, type Program } from '../../core/catalog/program.js';
import { CohortFacts } from '../cohorts/CohortFacts.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { useProgram } from '../lib/api/queries.js';
import { FACT_LABELS, formatFactValue, PROGRAM_TYPE_LABELS, specialtyLabel } from '../lib/labels.js';
import { AddToApplications } from '../season/AddToApplications.js';
import { AdvisorComments } from '../sharing/AdvisorComments.js';
import { FactsEditor } from './FactsEditor.js';
import { SyntheticBadge, Unknown } from './ProgramTable.js';

interface ProgramDetailsProps {
  acgmeId: string;
  /** The row from the list, shown while the full record loads. */
  fallback: Program | undefined;
  onClose: () => void;
}

/**
 * One program in a modal dialog: where it is, what it is, and each researched fact with its source and
 * date, or "unknown" when nobody has researched it. Esc or "Close" returns to the table.
 */
export function ProgramDetails({ acgmeId, fallback, onClose }: ProgramDetailsProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const query = useProgram(acgmeId);
  const program = query.data ?? fallback;
  const [editingFacts, setEditingFacts] = useState(false);
  const [factsMessage, setFactsMessage] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const headingId = `program-${acgmeId}-heading`;
  return (
    <dialog ref={dialogRef} className="program-dialog" aria-labelledby={headingId} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={headingId}>{program?.name ?? acgmeId}</h2>
        <button type="button" className="button ghost" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      {query.isError && !program ? (
        <ProblemAlert problem={toProblem(query.error)} heading="This program could not be loaded" />
      ) : null}
      {program ? (
        <>
          {program.synthetic ? (
            <p className="synthetic-note">
              <SyntheticBadge /> Generated demo data: this program does not exist.
            </p>
          ) : null}
          <div className="actions">
            <AddToApplications
              acgmeIds={[program.acgmeId]}
              label="Add to applications"
              accessibleSuffix={program.name}
            />
          </div>
          <dl className="details-grid">
            <dt>ACGME id</dt>
            <dd className="mono">{program.acgmeId}</dd>
            <dt>NRMP code</dt>
            <dd className="mono">{program.nrmpCode ?? <Unknown />}</dd>
            <dt>Institution</dt>
            <dd>{program.institution ?? <Unknown />}</dd>
            <dt>Location</dt>
            <dd>
              {program.city}, {program.state}
              {program.censusDivision ? ` · ${program.censusDivision}` : ''}
            </dd>
            <dt>Specialty</dt>
            <dd>{specialtyLabel(program.specialty)}</dd>
            <dt>Positions</dt>
            <dd>{program.positions ?? <Unknown />}</dd>
            <dt>Type</dt>
            <dd>{program.programType ? PROGRAM_TYPE_LABELS[program.programType] : <Unknown />}</dd>
            <dt>Came from</dt>
            <dd>{program.origin}</dd>
          </dl>
          <div className="section-header">
            <h3>Research facts</h3>
            {editingFacts ? null : (
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  setFactsMessage('');
                  setEditingFacts(true);
                }}
              >
                Edit research facts
              </button>
            )}
          </div>
          <p role="status" className="status-info">
            {factsMessage}
          </p>
          {editingFacts ? (
            <FactsEditor
              program={program}
              onDone={(message) => {
                setFactsMessage(message);
                setEditingFacts(false);
              }}
              onCancel={() => setEditingFacts(false)}
            />
          ) : (
            <div className="table-scroll" role="region" aria-label="Research facts" tabIndex={0}>
              <table className="data-table facts-table">
                <thead>
                  <tr>
                    <th scope="col">Fact</th>
                    <th scope="col">Value</th>
                    <th scope="col">Source</th>
                    <th scope="col">As of</th>
                  </tr>
                </thead>
                <tbody>
                  {PROGRAM_FACT_KEYS.map((key) => {
                    const fact = program.facts[key];
                    return (
                      <tr key={key}>
                        <th scope="row">{FACT_LABELS[key]}</th>
                        {fact ? (
                          <>
                            <td>{formatFactValue(key, fact)}</td>
                            <td>{fact.source}</td>
                            <td className="nowrap">{fact.asOf}</td>
                          </>
                        ) : (
                          <>
                            <td>
                              <Unknown />
                            </td>
                            <td className="muted">—</td>
                            <td className="muted">—</td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <AdvisorComments acgmeId={program.acgmeId} />
          <CohortFacts program={program} />
        </>
      ) : query.isPending ? (
        <p role="status">Loading program…</p>
      ) : null}
    </dialog>
  );
}
