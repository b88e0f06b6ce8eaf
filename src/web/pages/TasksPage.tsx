import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  addDays,
  BUCKET_TITLES,
  dueThisWeek,
  type TaskBuckets,
  type TrackedTask,
} from '../../core/network/index.js';
import { BACKUP_EXPORT_URL } from '../backup/backup-api.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { documentPath } from '../docs/documents.js';
import { networkApi, networkKeys, TASKS_ICS_URL, type TaskStateBody, useTasks } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { plural } from '../lib/labels.js';
import { formatDay } from '../network/labels.js';
import { PlaybookSettingsForm } from '../network/PlaybookSettingsForm.js';
import { composeHrefForTask } from '../network/task-templates.js';

const SECTIONS: { key: keyof TaskBuckets; empty: string }[] = [
  { key: 'overdue', empty: 'Nothing overdue.' },
  { key: 'today', empty: 'Nothing due today.' },
  { key: 'thisWeek', empty: 'Nothing due in the next 7 days.' },
  { key: 'later', empty: 'Nothing further out.' },
];

/** Days a snooze moves a task by. */
const SNOOZE_DAYS = 3;

interface TaskItemProps {
  task: TrackedTask;
  asOf: string;
  busy: boolean;
  onState: (task: TrackedTask, body: TaskStateBody, done: string) => void;
}

function TaskItem({ task, asOf, busy, onState }: TaskItemProps) {
  const compose = composeHrefForTask(task);
  const from = task.snoozedUntil && task.snoozedUntil > asOf ? task.snoozedUntil : asOf;
  const until = addDays(from, SNOOZE_DAYS);
  const named = (action: string) => `${action}: ${task.title}`;
  return (
    <li className="task-item">
      <div className="task-text">
        <h3 className="task-title">{task.title}</h3>
        <p className="task-why">{task.why}</p>
        <p className="muted small">
          Due {formatDay(task.dueDate)}
          {task.snoozedUntil ? ` · snoozed until ${formatDay(task.snoozedUntil)}` : ''}
          {task.contactId ? (
            <>
              {' · '}
              <Link to={`/network/${encodeURIComponent(task.contactId)}`} aria-label={named('Contact')}>
                Contact
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <div className="task-actions">
        {compose ? (
          <Link className="button primary small" to={compose} aria-label={named('Compose')}>
            Compose
          </Link>
        ) : null}
        {task.ruleId === 'export-backup' ? (
          // Exporting is what closes this task: the edition records the export and the playbook stops asking.
          <a className="button primary small" href={BACKUP_EXPORT_URL} download>
            Export a backup (.json)
          </a>
        ) : null}
        <button
          type="button"
          className="button secondary small"
          aria-label={named('Done')}
          disabled={busy}
          onClick={() => onState(task, { status: 'done' }, `Done: ${task.title}.`)}
        >
          Done
        </button>
        <button
          type="button"
          className="button ghost small"
          disabled={busy}
          aria-label={named('Snooze')}
          title={`Snooze until ${formatDay(until)}`}
          onClick={() =>
            onState(task, { status: 'snoozed', until }, `Snoozed until ${formatDay(until)}: ${task.title}.`)
          }
        >
          Snooze
        </button>
        <button
          type="button"
          className="button ghost small"
          disabled={busy}
          aria-label={named('Dismiss')}
          onClick={() => onState(task, { status: 'dismissed' }, `Dismissed: ${task.title}.`)}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

/** The networking playbook's tasks by when they are due, with done, snooze, dismiss and a calendar export. */
export function TasksPage() {
  const queryClient = useQueryClient();
  const tasks = useTasks('all');
  const [message, setMessage] = useState('');
  const [undo, setUndo] = useState<TrackedTask | null>(null);

  const setState = useMutation({
    mutationFn: ({ task, body }: { task: TrackedTask; body: TaskStateBody; done: string }) =>
      networkApi.setTaskState(task.id, body),
    onMutate: () => setMessage(''),
    onSuccess: async (_result, { task, done }) => {
      setMessage(done);
      setUndo(task);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const reopen = useMutation({
    mutationFn: (task: TrackedTask) => networkApi.setTaskState(task.id, { status: 'open' }),
    onSuccess: async (_result, task) => {
      setMessage(`Reopened: ${task.title}.`);
      setUndo(null);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });

  const data = tasks.data;
  const openCount = data ? SECTIONS.reduce((sum, section) => sum + data.buckets[section.key].length, 0) : 0;

  return (
    <>
      <title>Tasks · Matchwise</title>
      <div className="page-header">
        <h1>Tasks</h1>
        <p className="lede">
          What the <Link to={documentPath('network-playbook')}>networking playbook</Link> suggests now:
          thank-yous after rotations, follow-ups after conferences, updates to mentors. Each says why.
        </p>
        <div className="actions">
          <a className="button secondary" href={TASKS_ICS_URL} download>
            Export calendar (ICS)
          </a>
          <Link className="button ghost" to="/network">
            Network
          </Link>
        </div>
      </div>

      {tasks.isError ? (
        <ProblemAlert
          problem={toProblem(tasks.error)}
          heading="Your tasks could not be loaded"
          onRetry={() => void tasks.refetch()}
        />
      ) : null}
      {setState.isError ? (
        <ProblemAlert problem={toProblem(setState.error)} heading="The task could not be changed" />
      ) : null}

      <div role="status" aria-live="polite" className="page-status">
        {message ? (
          <p className="status-info">
            {message}{' '}
            {undo ? (
              <button type="button" className="link-button" onClick={() => reopen.mutate(undo)}>
                Undo
              </button>
            ) : null}
          </p>
        ) : null}
      </div>

      <details className="card playbook-settings">
        <summary id="playbook-settings-heading">Playbook settings</summary>
        <p className="muted small">
          When the playbook asks for reintroductions and mentor updates, and how many letters the letters
          check counts.
        </p>
        <PlaybookSettingsForm labelledBy="playbook-settings-heading" />
      </details>

      {tasks.isPending ? <p className="busy-status">Loading tasks…</p> : null}
      {data ? (
        <>
          <p className="muted">
            {openCount === 0
              ? 'No open tasks. Log rotations, meetings and events on your contacts and the playbook will suggest what to do next.'
              : `${plural(openCount, 'open task')} as of ${formatDay(data.asOf)}; ${plural(dueThisWeek(data.buckets).length, 'task')} due this week (overdue, today and the next 7 days).`}
          </p>
          <div className="task-sections">
            {SECTIONS.map((section) => {
              const items = data.buckets[section.key];
              return (
                <section
                  key={section.key}
                  className={`card task-section is-${section.key}`}
                  aria-labelledby={`tasks-${section.key}`}
                >
                  <h2 id={`tasks-${section.key}`}>
                    {BUCKET_TITLES[section.key]} <span className="count">({items.length})</span>
                  </h2>
                  {items.length === 0 ? (
                    <p className="empty-state">{section.empty}</p>
                  ) : (
                    <ul className="task-list">
                      {items.map((task) => (
                        <TaskItem
                          key={task.id}
                          task={task}
                          asOf={data.asOf}
                          busy={setState.isPending}
                          onState={(t, body, done) => setState.mutate({ task: t, body, done })}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
          {data.handled.length > 0 ? (
            <details className="card handled-tasks">
              <summary>Done and dismissed ({data.handled.length})</summary>
              <ul className="compact-list">
                {data.handled.map((task) => (
                  <li key={task.id}>
                    {task.title} <span className="muted small">({task.status})</span>{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Reopen: ${task.title}`}
                      onClick={() => reopen.mutate(task)}
                    >
                      Reopen
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </>
  );
}
