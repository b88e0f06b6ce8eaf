import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_STATUSES,
  type LetterKind,
  type LetterStatus,
} from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import {
  type LetterBody,
  type LetterView,
  networkApi,
  networkKeys,
  useContacts,
  useLetters,
} from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { InputField, SelectField } from '../network/fields.js';
import { formatDay, LETTER_STATUS_LABELS, localToday } from '../network/labels.js';

const KIND_OPTIONS = LETTER_KINDS.map((kind) => ({ value: kind, label: LETTER_KIND_LABELS[kind] }));

/** The next step of a letter, as the date field it sets and the button's words. */
const NEXT_STEP: Partial<
  Record<LetterStatus, { field: 'requestedOn' | 'agreedOn' | 'uploadedOn'; label: string }>
> = {
  planned: { field: 'requestedOn', label: 'Mark requested' },
  requested: { field: 'agreedOn', label: 'Mark agreed' },
  agreed: { field: 'uploadedOn', label: 'Mark uploaded' },
};

function bodyOf(letter: LetterView): LetterBody {
  return {
    writerContactId: letter.writerContactId,
    kind: letter.kind,
    requestedOn: letter.requestedOn,
    agreedOn: letter.agreedOn,
    uploadedOn: letter.uploadedOn,
    notes: letter.notes,
  };
}

function AddLetterForm() {
  const queryClient = useQueryClient();
  const contacts = useContacts({});
  const [writer, setWriter] = useState('');
  const [kind, setKind] = useState<LetterKind>('us-family-medicine');
  const [requestedOn, setRequestedOn] = useState('');
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: networkApi.createLetter,
    onSuccess: async () => {
      setWriter('');
      setRequestedOn('');
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (writer === '') {
      setError('Choose who writes the letter');
      return;
    }
    setError(undefined);
    create.mutate({ writerContactId: writer, kind, requestedOn: requestedOn || null });
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="add-letter-heading">
      <h2 id="add-letter-heading">Add a letter</h2>
      <div className="form-grid">
        <SelectField
          label="Writer"
          value={writer}
          onChange={setWriter}
          error={error}
          hint={
            <>
              A contact from your <Link to="/network">network</Link>.
            </>
          }
          options={[
            { value: '', label: 'Choose…' },
            ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <SelectField
          label="Kind of letter"
          value={kind}
          onChange={(value) => setKind(value as LetterKind)}
          options={KIND_OPTIONS}
        />
        <InputField
          type="date"
          label="Requested on"
          value={requestedOn}
          onChange={setRequestedOn}
          hint="Leave empty if planned."
        />
      </div>
      <button type="submit" className="button primary" disabled={create.isPending}>
        Save letter
      </button>
      {create.isError ? (
        <ProblemAlert problem={toProblem(create.error)} heading="The letter could not be saved" />
      ) : null}
    </form>
  );
}

/** Letters of recommendation by status, and whether they meet the target programs screen on. */
export function LettersPage() {
  const queryClient = useQueryClient();
  const letters = useLetters();
  const advance = useMutation({
    mutationFn: ({
      letter,
      field,
    }: {
      letter: LetterView;
      field: 'requestedOn' | 'agreedOn' | 'uploadedOn';
    }) => networkApi.updateLetter(letter.id, { ...bodyOf(letter), [field]: localToday() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
  const data = letters.data;
  return (
    <>
      <title>Letters · Matchwise</title>
      <div className="page-header">
        <h1>Letters of recommendation</h1>
        <p className="lede">
          Who is writing for you and where each letter stands. Once letters are here, only uploaded ones count
          toward readiness; until then, your profile’s count does.
        </p>
      </div>
      {letters.isError ? (
        <ProblemAlert problem={toProblem(letters.error)} heading="Your letters could not be loaded" />
      ) : null}
      {data ? (
        <div className={data.readiness.ready ? 'alert' : 'alert alert-warning'} role="status">
          <p className="alert-title">{data.readiness.ready ? 'Ready' : 'Not ready yet'}</p>
          <p>{data.readiness.message}</p>
        </div>
      ) : (
        <p className="busy-status">Loading letters…</p>
      )}
      {advance.isError ? (
        <ProblemAlert problem={toProblem(advance.error)} heading="The letter could not be updated" />
      ) : null}
      {data ? (
        <div className="letters-board">
          {LETTER_STATUSES.map((status) => {
            const items = data.items.filter((letter) => letter.status === status);
            return (
              <section key={status} className="card" aria-labelledby={`letters-${status}`}>
                <h2 id={`letters-${status}`}>
                  {LETTER_STATUS_LABELS[status]} <span className="count">({items.length})</span>
                </h2>
                {items.length === 0 ? (
                  <p className="muted small">None.</p>
                ) : (
                  <ul className="compact-list">
                    {items.map((letter) => {
                      const next = NEXT_STEP[letter.status];
                      return (
                        <li key={letter.id}>
                          <Link to={`/network/${encodeURIComponent(letter.writerContactId)}`}>
                            {letter.writerName || 'Unknown writer'}
                          </Link>
                          <br />
                          <span className="muted small">
                            {LETTER_KIND_LABELS[letter.kind]}
                            {letter.requestedOn ? ` · requested ${formatDay(letter.requestedOn)}` : ''}
                            {letter.uploadedOn ? ` · uploaded ${formatDay(letter.uploadedOn)}` : ''}
                          </span>
                          {next ? (
                            <div>
                              <button
                                type="button"
                                className="button ghost small"
                                aria-label={`${next.label}: ${letter.writerName}`}
                                disabled={advance.isPending}
                                onClick={() => advance.mutate({ letter, field: next.field })}
                              >
                                {next.label}
                              </button>
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      ) : null}
      <AddLetterForm />
    </>
  );
}
