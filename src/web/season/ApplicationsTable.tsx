import { useState } from 'react';
import type { ApplicationView, Stage } from '../lib/api/season.js';
import { formatDay } from '../network/labels.js';
import type { MoveRequest } from './ApplicationBoard.js';
import {
  type AppSort,
  type AppSortKey,
  moveTargets,
  nextAppSort,
  sortApplications,
} from './applications-table.js';
import { formatInterviewTime } from './interview-time.js';
import { formatDollars, STAGE_LABELS } from './labels.js';

const COLUMNS: { key: AppSortKey; label: string; num?: boolean }[] = [
  { key: 'name', label: 'Program' },
  { key: 'state', label: 'State' },
  { key: 'stage', label: 'Stage' },
  { key: 'appliedOn', label: 'Applied' },
  { key: 'feeDollars', label: 'Fee', num: true },
  { key: 'interview', label: 'Interview' },
];

function StageCell({
  application,
  busy,
  onMove,
}: {
  application: ApplicationView;
  busy: boolean;
  onMove: (r: MoveRequest) => void;
}) {
  const [target, setTarget] = useState<Stage | ''>('');
  const name = application.program.name;
  const id = `table-stage-${application.acgmeId}`;
  return (
    <form
      className="move-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (target === '') return;
        onMove({ application, stage: target });
        setTarget('');
      }}
    >
      <span>{STAGE_LABELS[application.stage]}</span>
      <label htmlFor={id} className="visually-hidden">
        New stage for {name}
      </label>
      <select id={id} value={target} onChange={(event) => setTarget(event.target.value as Stage | '')}>
        <option value="">Move to…</option>
        {moveTargets(application.stage).map((stage) => (
          <option key={stage} value={stage}>
            {STAGE_LABELS[stage]}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary small" disabled={busy || target === ''}>
        Set<span className="visually-hidden"> stage of {name}</span>
      </button>
    </form>
  );
}

interface TableProps {
  applications: ApplicationView[];
  busy: boolean;
  onMove: (request: MoveRequest) => void;
  onEdit: (application: ApplicationView) => void;
}

/** The pipeline as a sortable table with a stage control and an Edit button per row. */
export function ApplicationsTable({ applications, busy, onMove, onEdit }: TableProps) {
  const [sort, setSort] = useState<AppSort>({ key: 'name', direction: 'ascending' });
  const rows = sortApplications(applications, sort);
  const sortedBy = `${COLUMNS.find((c) => c.key === sort.key)?.label}, ${sort.direction}`;
  return (
    <section className="table-scroll season-table-scroll" aria-label="Applications table" tabIndex={0}>
      <table className="data-table applications-table">
        <caption className="visually-hidden">Applications, sorted by {sortedBy}.</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? sort.direction : undefined}
                  className={column.num ? 'num' : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort(nextAppSort(sort, column.key))}
                  >
                    {column.label}
                    <span className="sort-icon" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((application) => (
            <tr key={application.acgmeId}>
              <th scope="row" className="name-cell">
                {application.program.name}
                <br />
                <span className="muted small">{application.program.city}</span>
              </th>
              <td>{application.program.state}</td>
              <td>
                <StageCell application={application} busy={busy} onMove={onMove} />
              </td>
              <td className="nowrap">{application.appliedOn ? formatDay(application.appliedOn) : '–'}</td>
              <td className="num">
                {application.feeDollars !== null ? formatDollars(application.feeDollars) : '–'}
              </td>
              <td>
                {application.interview
                  ? `${formatInterviewTime(application.interview.startsAt, application.interview.timeZone)}, ${application.interview.mode === 'virtual' ? 'virtual' : 'in person'}`
                  : '–'}
              </td>
              <td>
                <button type="button" className="button ghost small" onClick={() => onEdit(application)}>
                  Edit<span className="visually-hidden"> {application.program.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
