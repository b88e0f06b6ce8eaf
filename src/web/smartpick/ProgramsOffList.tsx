import { useMemo, useState } from 'react';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { formatPercentWithRange } from './format.js';
import { type ListActions, PinExcludeButtons, ProgramName, StarsSelect } from './ListActions.js';
import { countByCode, programsOff, VERDICT_CODE_LABELS } from './tiers.js';

const PAGE = 200;

interface ProgramsOffListProps {
  programs: readonly ProgramVerdict[];
  syntheticIds: ReadonlySet<string>;
  actions: ListActions;
}

/**
 * Every program not on the list with the reason, collapsed by default and shown 200 at a time: the ones you
 * excluded first (to include them again), then by P(interview).
 */
export function ProgramsOffList({ programs, syntheticIds, actions }: ProgramsOffListProps) {
  const off = useMemo(() => programsOff(programs), [programs]);
  const reasons = useMemo(() => countByCode(off), [off]);
  const [shown, setShown] = useState(PAGE);
  const visible = off.slice(0, shown);

  return (
    <section aria-labelledby="off-list-heading" className="off-list">
      <h2 id="off-list-heading">Programs not on the list</h2>
      {off.length === 0 ? (
        <p>Every program in your catalog is on the list.</p>
      ) : (
        <details>
          <summary>Show the {plural(off.length, 'program')} not on the list and why</summary>
          <p className="small">
            {reasons
              .map((reason) => `${VERDICT_CODE_LABELS[reason.code]}: ${reason.count.toLocaleString('en-US')}`)
              .join(' · ')}
          </p>
          <section
            className="table-scroll table-scroll-tall"
            aria-label="Programs not on the list table"
            tabIndex={0}
          >
            <table className="data-table off-table">
              <caption className="visually-hidden">
                Programs not on the list, {visible.length} of {off.length} shown
              </caption>
              <thead>
                <tr>
                  <th scope="col">Program</th>
                  <th scope="col">Why not</th>
                  <th scope="col">P(interview) (range)</th>
                  <th scope="col">Pin / exclude</th>
                  <th scope="col">Your stars</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((verdict) => (
                  <tr key={verdict.acgmeId}>
                    <th scope="row" className="name-cell">
                      <ProgramName verdict={verdict} synthetic={syntheticIds.has(verdict.acgmeId)} />
                    </th>
                    <td className="why-cell">
                      <span className="reason-code">{VERDICT_CODE_LABELS[verdict.code]}.</span> {verdict.why}
                    </td>
                    <td className="nowrap">
                      {verdict.interview
                        ? formatPercentWithRange(verdict.interview.probability, verdict.interview.range)
                        : '—'}
                    </td>
                    <td>
                      {verdict.code === 'other-specialty' || verdict.code === 'duplicate' ? null : (
                        <PinExcludeButtons verdict={verdict} actions={actions} />
                      )}
                    </td>
                    <td>
                      {verdict.code === 'other-specialty' || verdict.code === 'duplicate' ? null : (
                        <StarsSelect verdict={verdict} actions={actions} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p className="small" aria-live="polite">
            Showing {visible.length.toLocaleString('en-US')} of {plural(off.length, 'program')}.
          </p>
          {shown < off.length ? (
            <button type="button" className="button secondary small" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, off.length - shown)} more
            </button>
          ) : null}
        </details>
      )}
    </section>
  );
}
