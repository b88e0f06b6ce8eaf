import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  INTERACTION_KINDS,
  type InteractionKind,
  interactionSchema,
  MESSAGE_PURPOSES,
  type MessagePurpose,
} from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { networkApi, networkKeys } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms } from '../lib/api/queries.js';
import { InputField, SelectField, TextAreaField } from './fields.js';
import { INTERACTION_KIND_LABELS, localToday, MESSAGE_PURPOSE_LABELS } from './labels.js';
import { ProgramCombobox } from './ProgramCombobox.js';

const KIND_OPTIONS = INTERACTION_KINDS.map((kind) => ({ value: kind, label: INTERACTION_KIND_LABELS[kind] }));

/** Kinds that carry a message from the applicant, whose purpose decides which playbook task it closes. */
const MESSAGE_KINDS: ReadonlySet<InteractionKind> = new Set(['email-sent', 'call', 'video', 'meeting']);
const PURPOSE_OPTIONS = [
  { value: '', label: 'Not stated' },
  ...MESSAGE_PURPOSES.map((purpose) => ({ value: purpose, label: MESSAGE_PURPOSE_LABELS[purpose] })),
];

type Field = 'kind' | 'date' | 'endDate' | 'acgmeId' | 'notes';

/** Log what happened with a contact in one line: kind, date (and end date for a rotation), notes. */
export function QuickLogForm({
  contactId,
  defaultProgram,
}: {
  contactId: string;
  defaultProgram: string | null;
}) {
  const queryClient = useQueryClient();
  const programs = useAllPrograms();
  const [kind, setKind] = useState<InteractionKind>('meeting');
  const [date, setDate] = useState(localToday());
  const [endDate, setEndDate] = useState('');
  const [acgmeId, setAcgmeId] = useState(defaultProgram ?? '');
  const [notes, setNotes] = useState('');
  const [purpose, setPurpose] = useState<MessagePurpose | ''>('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState('');
  const isRotation = kind === 'rotation';
  const isMessage = MESSAGE_KINDS.has(kind);
  const purposeSent = isMessage && purpose !== '' ? purpose : null;

  const log = useMutation({
    mutationFn: () =>
      networkApi.logInteraction(contactId, {
        kind,
        date,
        endDate: isRotation && endDate !== '' ? endDate : null,
        acgmeId: isRotation && acgmeId.trim() !== '' ? acgmeId.trim() : null,
        notes,
        purpose: purposeSent,
        // Asking for feedback or a letter is a request ("give before you ask" counts these).
        ...(purposeSent === 'feedback-request' || purposeSent === 'letter-request'
          ? { isRequest: true }
          : {}),
      }),
    onSuccess: async () => {
      setMessage(`${INTERACTION_KIND_LABELS[kind]} logged.`);
      setNotes('');
      setEndDate('');
      setPurpose('');
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
    onError: (error) => {
      const byField: Partial<Record<Field, string>> = {};
      for (const item of toProblem(error).errors) {
        if (['kind', 'date', 'endDate', 'acgmeId', 'notes'].includes(item.path))
          byField[item.path as Field] = item.message;
      }
      setErrors(byField);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const check = interactionSchema.safeParse({
      id: 'new',
      contactId,
      kind,
      direction: 'both',
      isRequest: false,
      date,
      endDate: isRotation && endDate !== '' ? endDate : null,
      acgmeId: isRotation && acgmeId.trim() !== '' ? acgmeId.trim() : null,
      eventId: null,
      notes,
    });
    if (!check.success) {
      const byField: Partial<Record<Field, string>> = {};
      for (const issue of check.error.issues) {
        const field = String(issue.path[0]) as Field;
        byField[field] ??= issue.message;
      }
      setErrors(byField);
      return;
    }
    setErrors({});
    log.mutate();
  };

  return (
    <form className="quick-log" onSubmit={onSubmit} noValidate aria-labelledby="quick-log-heading">
      <h2 id="quick-log-heading">Log an interaction</h2>
      <div className="form-grid">
        <SelectField
          label="Kind"
          value={kind}
          onChange={(value) => setKind(value as InteractionKind)}
          options={KIND_OPTIONS}
          error={errors.kind}
        />
        <InputField type="date" label="Date" value={date} onChange={setDate} error={errors.date} />
        {isRotation ? (
          <>
            <InputField
              type="date"
              label="End date"
              value={endDate}
              onChange={setEndDate}
              error={errors.endDate}
              hint="The rotation’s last day."
            />
            <ProgramCombobox
              label="Program (for a rotation)"
              name="acgmeId"
              value={acgmeId}
              onChange={setAcgmeId}
              programs={programs.data?.items ?? []}
              error={errors.acgmeId}
              hint="Where you rotated: type a name or city and choose from your catalog."
            />
          </>
        ) : null}
        {isMessage ? (
          <SelectField
            label="What it was for"
            value={purpose}
            onChange={(value) => setPurpose(value as MessagePurpose | '')}
            options={PURPOSE_OPTIONS}
            hint="A playbook task closes only on the message it asks for: a thank-you closes “Thank …”."
          />
        ) : null}
      </div>
      <TextAreaField label="Notes" value={notes} onChange={setNotes} rows={2} error={errors.notes} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={log.isPending} aria-busy={log.isPending}>
          Log interaction
        </button>
      </div>
      <div role="status" aria-live="polite" className="form-status">
        {message ? <p className="status-success">{message}</p> : null}
      </div>
      {log.isError && Object.keys(errors).length === 0 ? (
        <ProblemAlert problem={toProblem(log.error)} heading="The interaction could not be logged" />
      ) : null}
    </form>
  );
}
