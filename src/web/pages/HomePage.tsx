import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { dueThisWeek as dueThisWeekOf } from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { api } from '../lib/api/client.js';
import { useLetters, useTasks } from '../lib/api/network.js';
import { type Problem, toProblem } from '../lib/api/problem.js';
import { queryKeys, useAllPrograms, useImports, useProfile } from '../lib/api/queries.js';
import { useApplications, useSeasonTimeline } from '../lib/api/season.js';
import { formatDateTime, plural } from '../lib/labels.js';
import { hasBuiltList, hasReviewedPrograms } from '../lib/visited.js';
import { formatInterviewTime } from '../season/interview-time.js';
import { TimelineList } from '../season/TimelineList.js';
import { upcomingInterviews } from '../season/upcoming.js';
import { UnreadComments } from '../sharing/UnreadComments.js';

type ItemState = 'done' | 'next' | 'todo' | 'loading' | 'unknown';

interface ChecklistItemProps {
  title: string;
  state: ItemState;
  children: ReactNode;
}

const STATE_TEXT: Record<ItemState, string> = {
  done: 'Done',
  next: 'Next',
  todo: 'To do',
  loading: 'Checking…',
  unknown: 'Could not check',
};

function ChecklistItem({ title, state, children }: ChecklistItemProps) {
  return (
    <li className={`checklist-item is-${state}`}>
      <span className="checklist-mark" aria-hidden="true">
        {state === 'done' ? '✓' : ''}
      </span>
      <div className="checklist-body">
        <h3>
          {title} <span className={`badge badge-${state}`}>{STATE_TEXT[state]}</span>
        </h3>
        {children}
      </div>
    </li>
  );
}

/** "What to do next": a checklist derived from what is saved (profile, catalog, imports). */
export function HomePage() {
  const queryClient = useQueryClient();
  const profile = useProfile();
  const programs = useAllPrograms();
  const imports = useImports();
  const tasks = useTasks('all');
  const letters = useLetters();
  const timeline = useSeasonTimeline();
  const applications = useApplications();
  const interviews = upcomingInterviews(applications.data?.applications ?? [], new Date()).slice(0, 3);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const refreshCatalog = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.programsAll }),
      queryClient.invalidateQueries({ queryKey: queryKeys.health }),
    ]);

  const loadDemo = useMutation({
    mutationFn: api.loadDemoCatalog,
    onMutate: () => {
      setProblem(null);
      setMessage('Loading the synthetic demo catalog…');
    },
    onSuccess: async (result) => {
      await refreshCatalog();
      setMessage(
        `Demo catalog loaded: ${plural(result.created, 'synthetic program')} added, ${result.updated} updated, ${result.unchanged} unchanged.`,
      );
    },
    onError: (error) => {
      setMessage('');
      setProblem(toProblem(error));
    },
  });

  const removeDemo = useMutation({
    mutationFn: api.removeDemoCatalog,
    onMutate: () => {
      setProblem(null);
      setMessage('Removing the demo programs…');
    },
    onSuccess: async (result) => {
      await refreshCatalog();
      setMessage(`Removed ${plural(result.deleted, 'synthetic demo program')}. Imported programs were kept.`);
    },
    onError: (error) => {
      setMessage('');
      setProblem(toProblem(error));
    },
  });

  const hasProfile = profile.data != null;
  const total = programs.data?.total ?? 0;
  const synthetic = programs.data?.synthetic ?? 0;
  const imported = total - synthetic;
  const importCount = imports.data?.items.length ?? 0;
  const reviewed = hasReviewedPrograms() && total > 0;
  const buckets = tasks.data?.buckets;
  const overdue = buckets?.overdue.length ?? 0;
  /** The one meaning of "due this week" (core dueThisWeek), which the Tasks page shows too. */
  const dueThisWeek = buckets ? dueThisWeekOf(buckets).length : 0;

  const profileState: ItemState = profile.isPending
    ? 'loading'
    : profile.isError
      ? 'unknown'
      : hasProfile
        ? 'done'
        : 'next';
  const catalogState: ItemState = programs.isPending
    ? 'loading'
    : programs.isError
      ? 'unknown'
      : total > 0
        ? 'done'
        : profileState === 'done'
          ? 'next'
          : 'todo';
  const reviewState: ItemState = programs.isPending
    ? 'loading'
    : programs.isError
      ? 'unknown'
      : reviewed
        ? 'done'
        : catalogState === 'done'
          ? 'next'
          : 'todo';
  const listState: ItemState =
    profileState === 'loading' || catalogState === 'loading'
      ? 'loading'
      : profileState === 'done' && catalogState === 'done'
        ? hasBuiltList()
          ? 'done'
          : 'next'
        : 'todo';
  const busy = loadDemo.isPending || removeDemo.isPending;
  const loadError = profile.error ?? programs.error ?? imports.error;

  return (
    <>
      <title>Home · Matchwise</title>
      <div className="page-header">
        <h1>What to do next</h1>
        <p className="lede">
          Matchwise helps you build a residency program list with honest odds. Work through these steps; each
          one turns green when it is done.
        </p>
      </div>

      {loadError ? (
        <ProblemAlert
          problem={toProblem(loadError)}
          heading="Some of your data could not be loaded"
          onRetry={() => {
            void profile.refetch();
            void programs.refetch();
            void imports.refetch();
          }}
        />
      ) : null}

      <UnreadComments />

      <section aria-labelledby="counts-heading" className="stats-section">
        <h2 id="counts-heading" className="visually-hidden">
          At a glance
        </h2>
        <dl className="stats">
          <div>
            <dt>Programs in your catalog</dt>
            <dd>{programs.data ? total.toLocaleString('en-US') : '–'}</dd>
          </div>
          <div>
            <dt>Imported by you</dt>
            <dd>{programs.data ? imported.toLocaleString('en-US') : '–'}</dd>
          </div>
          <div>
            <dt>Synthetic demo programs</dt>
            <dd>{programs.data ? synthetic.toLocaleString('en-US') : '–'}</dd>
          </div>
          <div>
            <dt>Imports run</dt>
            <dd>{imports.data ? importCount.toLocaleString('en-US') : '–'}</dd>
          </div>
          <div className={dueThisWeek > 0 ? 'is-warn' : undefined}>
            <dt>Network tasks due this week</dt>
            <dd>{tasks.data ? dueThisWeek.toLocaleString('en-US') : '–'}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="network-heading" className="card home-network">
        <h2 id="network-heading">Your network</h2>
        <p>
          {tasks.data ? (
            <>
              {dueThisWeek === 0
                ? 'No networking tasks due this week.'
                : `${plural(dueThisWeek, 'networking task')} due this week${overdue > 0 ? `, ${overdue} overdue` : ''}.`}{' '}
              <Link to="/tasks">Open Tasks</Link>
            </>
          ) : tasks.isError ? (
            'Your networking tasks could not be loaded.'
          ) : (
            'Checking your networking tasks…'
          )}
        </p>
        <p>
          <strong>Letters of recommendation: </strong>
          {letters.data
            ? letters.data.readiness.message
            : letters.isError
              ? 'Could not be checked.'
              : 'Checking…'}{' '}
          <Link to="/letters">Open Letters</Link>
        </p>
        <p className="muted small">
          Keep mentors, faculty and alumni in your <Link to="/network">Network</Link>; the playbook suggests
          thank-yous, follow-ups and letter requests at the right time.
        </p>
      </section>

      <section aria-labelledby="season-heading" className="card home-season">
        <h2 id="season-heading">Your season</h2>
        {timeline.isError ? (
          <p>The season timeline could not be loaded.</p>
        ) : timeline.data ? (
          <div className="home-season-grid">
            <section aria-labelledby="whats-next-heading">
              <h3 id="whats-next-heading">What's next</h3>
              <TimelineList items={timeline.data.next} empty="Nothing left this cycle." />
            </section>
            <section
              aria-labelledby="overdue-heading"
              className={timeline.data.overdue.length > 0 ? 'is-warn' : undefined}
            >
              <h3 id="overdue-heading">Overdue</h3>
              <TimelineList items={timeline.data.overdue} empty="Nothing overdue." />
            </section>
            <section aria-labelledby="home-interviews-heading">
              <h3 id="home-interviews-heading">Upcoming interviews</h3>
              {interviews.length === 0 ? (
                <p className="muted">No interview scheduled.</p>
              ) : (
                <ul className="compact-list">
                  {interviews.map((a) => (
                    <li key={a.acgmeId}>
                      <strong>{a.program.name}</strong>
                      <br />
                      <span className="muted small">
                        {a.interview ? formatInterviewTime(a.interview.startsAt, a.interview.timeZone) : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        ) : (
          <p>Checking your season…</p>
        )}
        <p>
          <Link to="/season">Open the season timeline</Link> · <Link to="/applications">Applications</Link> ·{' '}
          <Link to="/interview-prep">Interview prep</Link> · <Link to="/rank-list">Rank list</Link>
        </p>
      </section>

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">Your checklist</h2>
        <ol className="checklist">
          <ChecklistItem title="Create your profile" state={profileState}>
            {hasProfile ? (
              <p>
                Saved {formatDateTime(profile.data?.updatedAt ?? '')}.{' '}
                <Link to="/profile">Edit your applicant details</Link>
              </p>
            ) : (
              <p>
                Tell Matchwise about your exams, experience and where you want to train.{' '}
                <Link to="/profile">Fill in your applicant details</Link>
              </p>
            )}
          </ChecklistItem>

          <ChecklistItem title="Load a program catalog" state={catalogState}>
            <p>
              {total > 0
                ? `${plural(total, 'program')} loaded: ${imported.toLocaleString('en-US')} imported, ${synthetic.toLocaleString('en-US')} synthetic demo.`
                : 'Import the list of programs you are considering, or try Matchwise with the demo catalog.'}
            </p>
            <div className="actions">
              <Link className="button primary" to="/import">
                Upload your program list
              </Link>
              <button
                type="button"
                className="button secondary"
                onClick={() => loadDemo.mutate()}
                disabled={busy}
                aria-busy={loadDemo.isPending}
              >
                Load demo catalog (synthetic demo data)
              </button>
              {synthetic > 0 ? (
                <button
                  type="button"
                  className="button ghost"
                  onClick={() => removeDemo.mutate()}
                  disabled={busy}
                  aria-busy={removeDemo.isPending}
                >
                  Remove demo programs
                </button>
              ) : null}
            </div>
            <p className="muted small">
              The demo catalog is synthetic: generated programs that do not exist, marked “synthetic” wherever
              they appear.
            </p>
          </ChecklistItem>

          <ChecklistItem title="Review programs" state={reviewState}>
            <p>
              {total > 0 ? (
                <>
                  Browse {plural(total, 'program')} on a map and in a table, filter by state or region, and
                  check what is known about each. <Link to="/programs">Review the catalog</Link>
                </>
              ) : (
                'Once a catalog is loaded you can browse it on a map and in a table.'
              )}
            </p>
          </ChecklistItem>

          <ChecklistItem title="Build my list" state={listState}>
            <p>
              {profileState === 'done' && catalogState === 'done' ? (
                <>
                  SmartPick chooses the programs that give you the best chance of matching within your budget,
                  with the odds, tiers, signals and a CSV to export. <Link to="/list">Build my list</Link>
                </>
              ) : (
                <>
                  Once your profile is saved and a catalog is loaded, SmartPick builds your program list.{' '}
                  <Link to="/list">Open My list</Link>
                </>
              )}
            </p>
          </ChecklistItem>
        </ol>
      </section>

      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      {problem ? <ProblemAlert problem={problem} heading="The demo catalog could not be changed" /> : null}
    </>
  );
}
