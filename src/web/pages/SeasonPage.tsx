import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import {
  SEASON_ICS_URL,
  type SeasonTimelineView,
  seasonApi,
  seasonKeys,
  useApplications,
  useSeasonTimeline,
} from '../lib/api/season.js';
import { InputField } from '../network/fields.js';
import { focusFirstInvalid, serverErrorsByField } from '../network/form-errors.js';
import { formatDayRange } from '../network/labels.js';
import { formatInterviewTime } from '../season/interview-time.js';
import { TIMELINE_KIND_LABELS } from '../season/TimelineList.js';
import {
  draftFromTimeline,
  type TimelineDraft,
  type TimelineField,
  timelineOverridesFromDraft,
} from '../season/timeline-draft.js';
import { upcomingInterviews } from '../season/upcoming.js';

function TimelineEditor({ view }: { view: SeasonTimelineView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TimelineDraft>(() => draftFromTimeline(view.items));
  const [errors, setErrors] = useState<Partial<Record<TimelineField, string>>>({});
  const [message, setMessage] = useState('');

  useEffect(() => setDraft(draftFromTimeline(view.items)), [view.items]);

  const save = useMutation({
    mutationFn: (overrides: Parameters<typeof seasonApi.saveTimeline>[1]) =>
      seasonApi.saveTimeline(view.matchYear, overrides),
    onMutate: () => setMessage('Saving the timeline…'),
    onSuccess: async (next, overrides) => {
      queryClient.setQueryData(seasonKeys.timeline, next);
      await queryClient.invalidateQueries({ queryKey: seasonKeys.timeline });
      setMessage(Object.keys(overrides).length === 0 ? 'Timeline reset to the sources.' : 'Timeline saved.');
    },
    onError: (error) => {
      setMessage('');
      setErrors(
        serverErrorsByField(error, (path) =>
          /^[a-z-]+\.(date|endDate)$/.test(path) ? (path as TimelineField) : null,
        ),
      );
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = timelineOverridesFromDraft(view.items, draft, view.overrides);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(event.currentTarget, result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.overrides);
  };

  const setRow = (id: keyof TimelineDraft, change: Partial<NonNullable<TimelineDraft[typeof id]>>) => {
    setDraft((current) => {
      const row = current[id];
      return row ? { ...current, [id]: { ...row, ...change } } : current;
    });
    setErrors({});
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Key dates of the {view.matchYear} Match</h2>
      <p className="muted small">
        Dates come from the sources shown; “approximate” means the source gives a rule, not a date. Enter the
        published date when you know it — Match Week and the rank list deadline follow Match Day.
      </p>
      <ol className="season-timeline">
        {view.items.map((item) => {
          const row = draft[item.id];
          if (!row) return null;
          const past = (item.endDate ?? item.date) < view.today;
          return (
            <li
              key={item.id}
              className={`card timeline-item${item.done ? ' is-done' : ''}${past && !item.done ? ' is-past' : ''}`}
            >
              <h3>
                {item.title} <span className="badge badge-todo">{TIMELINE_KIND_LABELS[item.kind]}</span>
                {item.done ? <span className="badge badge-done">Done</span> : null}
                {item.edited ? <span className="badge badge-next">Edited</span> : null}
              </h3>
              <p>
                {formatDayRange(item.date, item.endDate)}
                {item.approximate ? ' (approximate)' : ''}
              </p>
              <p className="muted small">Source: {item.source}</p>
              <div className="form-grid">
                <InputField
                  type="date"
                  name={`${item.id}.date`}
                  label={item.kind === 'window' ? `${item.title}: starts` : `${item.title}: date`}
                  value={row.date}
                  onChange={(value) => setRow(item.id, { date: value })}
                  error={errors[`${item.id}.date`]}
                />
                {item.kind === 'window' ? (
                  <InputField
                    type="date"
                    name={`${item.id}.endDate`}
                    label={`${item.title}: ends`}
                    value={row.endDate}
                    onChange={(value) => setRow(item.id, { endDate: value })}
                    error={errors[`${item.id}.endDate`]}
                  />
                ) : null}
              </div>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={row.done}
                  onChange={(event) => setRow(item.id, { done: event.target.checked })}
                />{' '}
                Done: {item.title}
              </label>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending} aria-busy={save.isPending}>
          Save timeline
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={save.isPending}
          onClick={() => save.mutate({})}
        >
          Reset to the sources
        </button>
      </div>
      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      {save.isError && Object.keys(errors).length === 0 ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The timeline was not saved" />
      ) : null}
    </form>
  );
}

/** The cycle's key dates with their sources, editable, and the whole season as a calendar file. */
export function SeasonPage() {
  const timeline = useSeasonTimeline();
  const applications = useApplications();
  const interviews = upcomingInterviews(applications.data?.applications ?? [], new Date());
  return (
    <>
      <title>Season timeline · Matchwise</title>
      <div className="page-header">
        <h1>Season timeline</h1>
        <p className="lede">
          From MyERAS opening to Match Day: the dates that matter, where each comes from, and your interviews
          — in one calendar file for your phone or computer.
        </p>
        <div className="actions">
          <a className="button primary" href={SEASON_ICS_URL} download="matchwise-season.ics">
            Download calendar (.ics)
          </a>
          <Link className="button ghost" to="/applications">
            Applications
          </Link>
        </div>
        <p className="muted small">
          The calendar holds the timeline, interview reply deadlines, scheduled interviews (in the program's
          time zone) and your open Network tasks.
        </p>
      </div>

      <section className="card" aria-labelledby="upcoming-interviews-heading">
        <h2 id="upcoming-interviews-heading">Upcoming interviews</h2>
        {applications.isError ? (
          <ProblemAlert
            problem={toProblem(applications.error)}
            heading="Your interviews could not be loaded"
          />
        ) : interviews.length === 0 ? (
          <p className="muted">
            No interview scheduled. Record one on <Link to="/applications">Applications</Link>.
          </p>
        ) : (
          <ul className="compact-list">
            {interviews.map((a) => (
              <li key={a.acgmeId}>
                <strong>{a.program.name}</strong>
                <br />
                <span className="muted small">
                  {a.interview ? formatInterviewTime(a.interview.startsAt, a.interview.timeZone) : ''} ·{' '}
                  {a.interview?.mode === 'in-person' ? 'in person' : 'virtual'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {timeline.isError ? (
        <ProblemAlert
          problem={toProblem(timeline.error)}
          heading="The timeline could not be loaded"
          onRetry={() => void timeline.refetch()}
        />
      ) : null}
      {timeline.isPending ? <p className="busy-status">Loading the timeline…</p> : null}
      {timeline.data ? <TimelineEditor view={timeline.data} /> : null}
    </>
  );
}
