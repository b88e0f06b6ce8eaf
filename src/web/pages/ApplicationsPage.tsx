import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import {
  type ApplicationView,
  type Interview,
  invalidateApplications,
  seasonApi,
  useApplications,
} from '../lib/api/season.js';
import { plural } from '../lib/labels.js';
import { ApplicationBoard, type MoveRequest } from '../season/ApplicationBoard.js';
import { ApplicationEditor } from '../season/ApplicationEditor.js';
import { ApplicationsTable } from '../season/ApplicationsTable.js';
import { InterviewWarnings } from '../season/InterviewWarnings.js';
import { STAGE_LABELS } from '../season/labels.js';
import { ScheduleInterviewForm } from '../season/ScheduleInterviewForm.js';
import { TotalsBar } from '../season/TotalsBar.js';
import { formatDollars } from '../smartpick/format.js';

type View = 'board' | 'table';

/** The core's message for an illegal move (422 `errors[0]`), else the problem's title. */
function moveMessage(error: unknown): string {
  const problem = toProblem(error);
  return (
    problem.errors.find((e) => e.path === 'stage')?.message ?? problem.errors[0]?.message ?? problem.title
  );
}

/** Applications: every program's place in the season, as a board or a table, with totals and editing. */
export function ApplicationsPage() {
  const queryClient = useQueryClient();
  const applications = useApplications();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'table' ? 'table' : 'board';
  const [message, setMessage] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ApplicationView | null>(null);
  const [scheduling, setScheduling] = useState<ApplicationView | null>(null);

  const move = useMutation({
    mutationFn: ({ application, stage, interview }: MoveRequest & { interview?: Interview }) =>
      seasonApi.moveApplication(
        application.acgmeId,
        interview ? { stage, details: { interview } } : { stage },
      ),
    onMutate: ({ application, stage }) => {
      setMoveError(null);
      setMessage(`Moving ${application.program.name} to ${STAGE_LABELS[stage]}…`);
    },
    onSuccess: async (result, { application, stage }) => {
      setScheduling(null);
      await invalidateApplications(queryClient);
      // Sending an application records its fee from the fee schedule: say so, and where to change it.
      const feeRecorded = application.feeDollars === null && result.feeDollars !== null;
      setMessage(
        `Moved ${application.program.name} to ${STAGE_LABELS[stage]}.` +
          (feeRecorded
            ? ` Fee ${formatDollars(result.feeDollars ?? 0)} recorded from the fee schedule; change it with Edit.`
            : ''),
      );
    },
    onError: (error, { application, stage }) => {
      setMessage('');
      setMoveError(
        `${application.program.name} stays in ${STAGE_LABELS[application.stage]}: ${moveMessage(error)}.`.replace(
          /\.\.$/,
          '.',
        ),
      );
      void stage;
    },
  });

  const onMove = (request: MoveRequest) => {
    if (request.stage === 'interview-scheduled' && request.application.interview === null) {
      setMoveError(null);
      setEditing(null);
      setScheduling(request.application);
      return;
    }
    move.mutate(request);
  };
  const onEdit = (application: ApplicationView) => {
    setScheduling(null);
    setEditing(application);
  };

  const data = applications.data;
  const items = data?.applications ?? [];

  return (
    <>
      <title>Applications · Matchwise</title>
      <div className="page-header">
        <h1>Applications</h1>
        <p className="lede">
          Every program from saved to matched: drag a card to its next stage (or use “Move to…”), and keep
          fees, invitations, interview times and your impressions in one place.
        </p>
        <div className="actions">
          <Link className="button ghost" to="/season">
            Season timeline
          </Link>
          <Link className="button ghost" to="/interview-prep">
            Interview prep
          </Link>
          <Link className="button ghost" to="/rank-list">
            Rank list
          </Link>
        </div>
      </div>

      {applications.isError ? (
        <ProblemAlert
          problem={toProblem(applications.error)}
          heading="Your applications could not be loaded"
          onRetry={() => void applications.refetch()}
        />
      ) : null}
      {applications.isPending ? <p className="busy-status">Loading applications…</p> : null}

      {data ? <TotalsBar totals={data.totals} /> : null}
      {data ? <InterviewWarnings warnings={data.warnings} applications={items} /> : null}

      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      <div role="alert" className="page-status">
        {moveError ? (
          <div className="alert alert-error">
            <p className="alert-title">That move is not allowed</p>
            <p>{moveError}</p>
          </div>
        ) : null}
      </div>

      {scheduling ? (
        <ScheduleInterviewForm
          application={scheduling}
          busy={move.isPending}
          onSchedule={(interview) =>
            move.mutate({ application: scheduling, stage: 'interview-scheduled', interview })
          }
          onCancel={() => setScheduling(null)}
        />
      ) : null}
      {editing ? (
        <ApplicationEditor
          key={editing.acgmeId}
          application={items.find((a) => a.acgmeId === editing.acgmeId) ?? editing}
          onClose={(done) => {
            setEditing(null);
            if (done) setMessage(done);
          }}
        />
      ) : null}

      {data && items.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-applications-heading">
          <h2 id="no-applications-heading">No applications yet</h2>
          <p>
            Add the programs SmartPick chose with “Add list to applications” on{' '}
            <Link to="/list">My list</Link>, or add programs one by one from the{' '}
            <Link to="/programs">Programs</Link> catalog.
          </p>
        </section>
      ) : null}

      {items.length > 0 ? (
        <section aria-labelledby="pipeline-heading">
          <div className="section-header">
            <h2 id="pipeline-heading">Your pipeline ({plural(items.length, 'program')})</h2>
            <div className="view-toggle" role="group" aria-label="View">
              <button
                type="button"
                className="button secondary small"
                aria-pressed={view === 'board'}
                onClick={() => setParams({}, { replace: true })}
              >
                Board
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-pressed={view === 'table'}
                onClick={() => setParams({ view: 'table' }, { replace: true })}
              >
                Table
              </button>
            </div>
          </div>
          {view === 'board' ? (
            <ApplicationBoard applications={items} busy={move.isPending} onMove={onMove} onEdit={onEdit} />
          ) : (
            <ApplicationsTable applications={items} busy={move.isPending} onMove={onMove} onEdit={onEdit} />
          )}
        </section>
      ) : null}
    </>
  );
}
