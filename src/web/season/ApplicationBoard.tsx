import { type DragEvent, useState } from 'react';
import { type ApplicationView, STAGES, type Stage } from '../lib/api/season.js';
import { formatDay } from '../network/labels.js';
import { moveTargets } from './applications-table.js';
import { formatInterviewTime } from './interview-time.js';
import { formatDollars, STAGE_LABELS } from './labels.js';

const DRAG_TYPE = 'application/x-matchwise-acgme-id';

export interface MoveRequest {
  application: ApplicationView;
  stage: Stage;
}

interface BoardProps {
  applications: ApplicationView[];
  busy: boolean;
  onMove: (request: MoveRequest) => void;
  onEdit: (application: ApplicationView) => void;
}

/** One line of facts under a card's name: where, fee, interview. */
export function ApplicationFacts({ application }: { application: ApplicationView }) {
  const { program, feeDollars, appliedOn, interview, responseDeadline, stage } = application;
  return (
    <p className="muted small">
      {program.city}, {program.state}
      {appliedOn ? ` · applied ${formatDay(appliedOn)}` : ''}
      {feeDollars !== null ? ` · ${formatDollars(feeDollars)}` : ''}
      {stage === 'interview-invited' && responseDeadline ? ` · reply by ${formatDay(responseDeadline)}` : ''}
      {interview
        ? ` · ${formatInterviewTime(interview.startsAt, interview.timeZone)}, ${interview.mode === 'virtual' ? 'virtual' : 'in person'}`
        : ''}
    </p>
  );
}

function Card({
  application,
  busy,
  onMove,
  onEdit,
}: Omit<BoardProps, 'applications'> & { application: ApplicationView }) {
  const [target, setTarget] = useState<Stage | ''>('');
  const name = application.program.name;
  const selectId = `move-${application.acgmeId}`;
  return (
    <li
      className="board-card"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, application.acgmeId);
        event.dataTransfer.setData('text/plain', application.acgmeId);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <h4 className="board-card-title">{name}</h4>
      <ApplicationFacts application={application} />
      <form
        className="move-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (target === '') return;
          onMove({ application, stage: target });
          setTarget('');
        }}
      >
        <label htmlFor={selectId} className="visually-hidden">
          Move {name} to
        </label>
        <select
          id={selectId}
          value={target}
          onChange={(event) => setTarget(event.target.value as Stage | '')}
        >
          <option value="">Move to…</option>
          {moveTargets(application.stage).map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary small" disabled={busy || target === ''}>
          Move<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="button ghost small" onClick={() => onEdit(application)}>
          Edit<span className="visually-hidden"> {name}</span>
        </button>
      </form>
    </li>
  );
}

/**
 * The pipeline as columns, one per stage. A card can be dragged onto a column (mouse) or moved with its
 * "Move to…" select and button (keyboard, screen readers); the server decides whether the move is legal.
 */
export function ApplicationBoard({ applications, busy, onMove, onEdit }: BoardProps) {
  const [over, setOver] = useState<Stage | null>(null);
  const byId = new Map(applications.map((a) => [a.acgmeId, a]));
  const onDrop = (stage: Stage) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const application = byId.get(id);
    if (application && application.stage !== stage) onMove({ application, stage });
  };
  return (
    <div className="board" aria-label="Applications board" role="group">
      {STAGES.map((stage) => {
        const items = applications.filter((a) => a.stage === stage);
        const headingId = `board-${stage}`;
        return (
          <section
            key={stage}
            aria-labelledby={headingId}
            className={`board-column${over === stage ? ' is-drop-target' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              if (over !== stage) setOver(stage);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={onDrop(stage)}
          >
            <h3 id={headingId}>
              {STAGE_LABELS[stage]} <span className="count">({items.length})</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted small board-empty">None.</p>
            ) : (
              <ul className="board-cards">
                {items.map((application) => (
                  <Card
                    key={application.acgmeId}
                    application={application}
                    busy={busy}
                    onMove={onMove}
                    onEdit={onEdit}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
