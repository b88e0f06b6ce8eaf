import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import {
  type ApplicationView,
  type InterviewQuestion,
  type ProgramNotesView,
  seasonApi,
  seasonKeys,
  useApplications,
  usePractice,
  useProgramNotes,
  useQuestionBank,
} from '../lib/api/season.js';
import { plural } from '../lib/labels.js';
import { InputField, SelectField, TextAreaField } from '../network/fields.js';
import { focusFirstInvalid, serverErrorsByField } from '../network/form-errors.js';
import { CIRCLE_LABELS, formatDay } from '../network/labels.js';
import { formatInterviewTime } from '../season/interview-time.js';
import { STAGE_LABELS } from '../season/labels.js';
import {
  EMPTY_PRACTICE,
  type PracticeDraft,
  type PracticeField,
  parsePracticeDraft,
} from '../season/practice-form.js';

/** Programs worth preparing for: invited, scheduled, interviewed or ranked. */
const PREP_STAGES = new Set(['interview-invited', 'interview-scheduled', 'interviewed', 'ranked']);

const RATING_OPTIONS = [
  { value: '', label: 'Choose…' },
  { value: '1', label: '1 – struggled' },
  { value: '2', label: '2' },
  { value: '3', label: '3 – fine' },
  { value: '4', label: '4' },
  { value: '5', label: '5 – nailed it' },
];

function QuestionBankSection({ onPractise }: { onPractise: (question: InterviewQuestion) => void }) {
  const bank = useQuestionBank();
  if (bank.isError)
    return <ProblemAlert problem={toProblem(bank.error)} heading="The question bank could not be loaded" />;
  if (!bank.data) return <p className="busy-status">Loading questions…</p>;
  return (
    <section className="card" aria-labelledby="bank-heading">
      <h2 id="bank-heading">Question bank</h2>
      <p className="muted small">
        Common questions, in our own words, with what interviewers listen for.{' '}
        {bank.data.forProfile ? (
          bank.data.notForYou > 0 ? (
            <>
              Chosen for your <Link to="/profile">profile</Link>: {plural(bank.data.notForYou, 'question')}{' '}
              that would not be asked of you (such as visas when you need none) are left out.
            </>
          ) : (
            <>
              Every question applies to your <Link to="/profile">profile</Link>.
            </>
          )
        ) : (
          <>
            All of them: fill in your <Link to="/profile">profile</Link> to see only those asked of you.
          </>
        )}
      </p>
      {bank.data.categories.map((category) => {
        const items = bank.data.items.filter((q) => q.category === category.id);
        if (items.length === 0) return null;
        return (
          <section key={category.id} aria-labelledby={`bank-${category.id}`}>
            <h3 id={`bank-${category.id}`}>
              {category.label} <span className="count">({items.length})</span>
            </h3>
            <ul className="question-list">
              {items.map((question) => (
                <li key={question.id}>
                  <details>
                    <summary>{question.text}</summary>
                    <p className="small">
                      <strong>Tip: </strong>
                      {question.listenFor}
                    </p>
                  </details>
                  <button type="button" className="button ghost small" onClick={() => onPractise(question)}>
                    Practise<span className="visually-hidden"> “{question.text}”</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

interface PracticeFormProps {
  questions: InterviewQuestion[];
  programs: ApplicationView[];
  draft: PracticeDraft;
  setDraft: (updater: (current: PracticeDraft) => PracticeDraft) => void;
  formRef: React.RefObject<HTMLFormElement | null>;
}

function PracticeForm({ questions, programs, draft, setDraft, formRef }: PracticeFormProps) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<PracticeField, string>>>({});
  const [message, setMessage] = useState('');
  const add = useMutation({
    mutationFn: seasonApi.addPractice,
    onSuccess: async () => {
      setDraft(() => EMPTY_PRACTICE);
      setMessage('Practice logged.');
      await queryClient.invalidateQueries({ queryKey: seasonKeys.practice });
    },
    onError: (error) => {
      setMessage('');
      setErrors(
        serverErrorsByField(error, (path) =>
          path === 'questionId' ? 'questionId' : path in EMPTY_PRACTICE ? (path as PracticeField) : null,
        ),
      );
    },
  });
  const set = (field: PracticeField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({
      ...current,
      [field]: undefined,
      ...(field === 'questionId' ? { questionText: undefined } : {}),
    }));
    setMessage('');
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parsePracticeDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      focusFirstInvalid(event.currentTarget, parsed.errors);
      return;
    }
    setErrors({});
    add.mutate(parsed.value);
  };
  return (
    <form
      ref={formRef}
      className="card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="practice-form-heading"
    >
      <h2 id="practice-form-heading">Log a practice answer</h2>
      <div className="form-grid">
        <SelectField
          name="questionId"
          label="Question from the bank"
          value={draft.questionId}
          onChange={set('questionId')}
          error={errors.questionId}
          options={[
            { value: '', label: 'My own question (write it below)' },
            ...questions.map((q) => ({ value: q.id, label: q.text })),
          ]}
        />
        {draft.questionId === '' ? (
          <InputField
            name="questionText"
            label="Your own question"
            value={draft.questionText}
            onChange={set('questionText')}
            error={errors.questionText}
          />
        ) : null}
        <SelectField
          name="acgmeId"
          label="Program (optional)"
          value={draft.acgmeId}
          onChange={set('acgmeId')}
          error={errors.acgmeId}
          options={[
            { value: '', label: 'Any program' },
            ...programs.map((a) => ({ value: a.acgmeId, label: a.program.name })),
          ]}
        />
        <SelectField
          name="rating"
          label="Self-rating"
          value={draft.rating}
          onChange={set('rating')}
          error={errors.rating}
          options={RATING_OPTIONS}
        />
        <InputField
          type="date"
          name="practicedOn"
          label="Practised on"
          hint="Leave empty for today."
          value={draft.practicedOn}
          onChange={set('practicedOn')}
          error={errors.practicedOn}
        />
      </div>
      <TextAreaField
        label="Notes"
        value={draft.notes}
        onChange={set('notes')}
        hint="What to tighten next time."
      />
      <button type="submit" className="button primary" disabled={add.isPending} aria-busy={add.isPending}>
        Log practice
      </button>
      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      {add.isError && Object.keys(errors).every((k) => errors[k as PracticeField] === undefined) ? (
        <ProblemAlert problem={toProblem(add.error)} heading="The practice was not logged" />
      ) : null}
    </form>
  );
}

function PracticeLog({
  questions,
  programs,
}: {
  questions: InterviewQuestion[];
  programs: ApplicationView[];
}) {
  const queryClient = useQueryClient();
  const practice = usePractice();
  const remove = useMutation({
    mutationFn: seasonApi.deletePractice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seasonKeys.practice }),
  });
  const questionText = (id: string | null, text: string | null) =>
    text ?? questions.find((q) => q.id === id)?.text ?? id ?? 'Question';
  const programName = (acgmeId: string | null) =>
    acgmeId ? (programs.find((a) => a.acgmeId === acgmeId)?.program.name ?? acgmeId) : null;
  return (
    <section className="card" aria-labelledby="practice-log-heading">
      <h2 id="practice-log-heading">Practice log</h2>
      {practice.isError ? (
        <ProblemAlert problem={toProblem(practice.error)} heading="The practice log could not be loaded" />
      ) : null}
      {remove.isError ? (
        <ProblemAlert problem={toProblem(remove.error)} heading="The entry was not deleted" />
      ) : null}
      {practice.data ? (
        practice.data.items.length === 0 ? (
          <p className="muted">Nothing logged yet. Practise a question aloud, then rate yourself.</p>
        ) : (
          <ul className="compact-list practice-log">
            {practice.data.items.map((entry) => {
              const text = questionText(entry.questionId, entry.questionText);
              const program = programName(entry.acgmeId);
              return (
                <li key={entry.id}>
                  <strong>{text}</strong>
                  <br />
                  <span className="muted small">
                    {formatDay(entry.practicedOn)} · self-rating {entry.rating} of 5
                    {program ? ` · ${program}` : ''}
                  </span>
                  {entry.notes ? <p className="small">{entry.notes}</p> : null}{' '}
                  <button
                    type="button"
                    className="link-button small"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(entry.id)}
                  >
                    Delete
                    <span className="visually-hidden">
                      {' '}
                      practice of “{text}” on {formatDay(entry.practicedOn)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : (
        <p className="busy-status">Loading…</p>
      )}
    </section>
  );
}

function ProgramNotesForm({ view }: { view: ProgramNotesView }) {
  const queryClient = useQueryClient();
  const [whatToMention, setWhatToMention] = useState(view.notes.whatToMention);
  const [notes, setNotes] = useState(view.notes.notes);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: () => seasonApi.saveProgramNotes(view.acgmeId, { whatToMention, notes }),
    onMutate: () => setMessage(''),
    onSuccess: (next) => {
      queryClient.setQueryData(seasonKeys.programNotes(view.acgmeId), next);
      setMessage(`Notes for ${view.program.name} saved.`);
    },
  });
  const known = view.contacts;
  const c = view.connections;
  const extra = [
    c.rotatedWith.length > 0 ? `rotated with ${c.rotatedWith.join(', ')}` : null,
    c.letterWriters.length > 0 ? `letter writers: ${c.letterWriters.join(', ')}` : null,
    c.metAtEvent.length > 0 ? `met at events: ${c.metAtEvent.join(', ')}` : null,
  ].filter(Boolean);
  return (
    <form
      className="program-notes"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      aria-labelledby={`notes-${view.acgmeId}-heading`}
    >
      <h3 id={`notes-${view.acgmeId}-heading`}>{view.program.name}</h3>
      <p className="muted small">
        {view.program.city}, {view.program.state}
        {view.application ? ` · ${STAGE_LABELS[view.application.stage]}` : ''}
        {view.interview ? ` · ${formatInterviewTime(view.interview.startsAt, view.interview.timeZone)}` : ''}
      </p>
      <h4>Who you know there</h4>
      {known.length === 0 && extra.length === 0 ? (
        <p className="muted small">
          Nobody in your <Link to="/network">network</Link> is affiliated with this program yet.
        </p>
      ) : (
        <ul className="compact-list">
          {known.map((contact) => (
            <li key={contact.id}>
              <Link to={`/network/${encodeURIComponent(contact.id)}`}>{contact.name}</Link>
              <span className="muted small">
                {contact.title ? ` · ${contact.title}` : ''}
                {contact.circle in CIRCLE_LABELS
                  ? ` · ${CIRCLE_LABELS[contact.circle as keyof typeof CIRCLE_LABELS]}`
                  : ''}
              </span>
            </li>
          ))}
          {extra.length > 0 ? <li className="muted small">{extra.join('; ')}</li> : null}
        </ul>
      )}
      <TextAreaField
        label={`What to mention at ${view.program.name}`}
        value={whatToMention}
        onChange={setWhatToMention}
        hint="Why this program, people to name, questions to ask."
      />
      <TextAreaField label={`Notes on ${view.program.name}`} value={notes} onChange={setNotes} />
      <button type="submit" className="button secondary" disabled={save.isPending} aria-busy={save.isPending}>
        Save notes<span className="visually-hidden"> for {view.program.name}</span>
      </button>
      <span role="status" aria-live="polite" className="small">
        {' '}
        {message}
      </span>
      {save.isError ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The notes were not saved" />
      ) : null}
    </form>
  );
}

function ProgramNotes({ acgmeId }: { acgmeId: string }) {
  const notes = useProgramNotes(acgmeId);
  if (notes.isError)
    return <ProblemAlert problem={toProblem(notes.error)} heading="These notes could not be loaded" />;
  if (!notes.data) return <p className="busy-status">Loading notes…</p>;
  return <ProgramNotesForm view={notes.data} />;
}

/** Interview preparation: the question bank, a practice log with self-ratings, and notes per program. */
export function InterviewPrepPage() {
  const bank = useQuestionBank();
  const applications = useApplications();
  const interviewing = (applications.data?.applications ?? []).filter((a) => PREP_STAGES.has(a.stage));
  const [draft, setDraftState] = useState<PracticeDraft>(EMPTY_PRACTICE);
  const formRef = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState('');
  const selected = chosen || interviewing[0]?.acgmeId || '';

  useEffect(() => {
    if (chosen && !interviewing.some((a) => a.acgmeId === chosen)) setChosen('');
  }, [chosen, interviewing]);

  const onPractise = (question: InterviewQuestion) => {
    setDraftState((current) => ({ ...current, questionId: question.id, questionText: '' }));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[name="rating"]')?.focus());
  };

  return (
    <>
      <title>Interview prep · Matchwise</title>
      <div className="page-header">
        <h1>Interview prep</h1>
        <p className="lede">
          Practise the questions family medicine programs ask, rate yourself, and keep what to mention and who
          you know at each program you interview with.
        </p>
        <div className="actions">
          <Link className="button ghost" to="/applications">
            Applications
          </Link>
          <Link className="button ghost" to="/tasks">
            Thank-you tasks
          </Link>
        </div>
      </div>

      <div className="prep-layout">
        <QuestionBankSection onPractise={onPractise} />
        <div>
          <PracticeForm
            questions={bank.data?.items ?? []}
            programs={applications.data?.applications ?? []}
            draft={draft}
            setDraft={setDraftState}
            formRef={formRef}
          />
          <PracticeLog questions={bank.data?.items ?? []} programs={applications.data?.applications ?? []} />
        </div>
      </div>

      <section className="card" aria-labelledby="program-notes-heading">
        <h2 id="program-notes-heading">Notes per program</h2>
        {applications.isError ? (
          <ProblemAlert
            problem={toProblem(applications.error)}
            heading="Your applications could not be loaded"
          />
        ) : interviewing.length === 0 ? (
          <p className="muted">
            Programs appear here once they invite you. Move them to “Interview invited” on{' '}
            <Link to="/applications">Applications</Link>.
          </p>
        ) : (
          <>
            <p className="muted small">
              {plural(interviewing.length, 'program')} invited, scheduled, interviewed or ranked. After an
              interview, the Network playbook suggests a thank-you on <Link to="/tasks">Tasks</Link>.
            </p>
            <SelectField
              label="Program"
              value={selected}
              onChange={setChosen}
              options={interviewing.map((a) => ({ value: a.acgmeId, label: a.program.name }))}
            />
            {selected ? <ProgramNotes key={selected} acgmeId={selected} /> : null}
          </>
        )}
      </section>
    </>
  );
}
