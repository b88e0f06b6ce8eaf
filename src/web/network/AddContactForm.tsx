import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { CIRCLES, CONTACT_ROLE_LABELS, CONTACT_ROLES } from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { type ContactBody, type ContactView, networkApi, networkKeys } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms } from '../lib/api/queries.js';
import {
  type ContactFormDraft,
  type ContactFormField,
  EMPTY_CONTACT_FORM,
  validateContactForm,
} from './contact-form.js';
import { InputField, SelectField, TextAreaField } from './fields.js';
import { focusFirstInvalid, serverErrorsByField } from './form-errors.js';
import { CIRCLE_LABELS } from './labels.js';
import { ProgramCombobox } from './ProgramCombobox.js';

const ROLE_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...CONTACT_ROLES.map((role) => ({ value: role, label: CONTACT_ROLE_LABELS[role] })),
];
const CIRCLE_OPTIONS = [
  { value: '', label: 'Suggested (from role and history)' },
  ...CIRCLES.map((circle) => ({ value: circle, label: CIRCLE_LABELS[circle] })),
];

/** Maps a server field path (docs/api.md: `email`, `affiliation.acgmeId`) onto the form field. */
function fieldOfPath(path: string): ContactFormField | null {
  if (path === 'affiliation.acgmeId') return 'acgmeId';
  if (path === 'affiliation.institution') return 'institution';
  const head = path.split('.')[0] ?? '';
  return head in EMPTY_CONTACT_FORM ? (head as ContactFormField) : null;
}

interface AddContactFormProps {
  /** Edit mode: the contact to replace (PUT /api/contacts/:id) with the form's fields. */
  contactId?: string;
  /** The fields to start from (edit mode: the stored contact, see contactToDraft). */
  initial?: ContactFormDraft;
  heading?: string;
  submitLabel?: string;
  /** Called after a successful save, e.g. to close an edit panel. */
  onSaved?: (contact: ContactView) => void;
  onCancel?: () => void;
}

/**
 * "Add contact" (or, given a contactId, "Edit contact"): checked field by field with the core contactSchema as
 * the user leaves a field and again on save; the server's own field errors land under the same fields.
 */
export function AddContactForm({
  contactId,
  initial = EMPTY_CONTACT_FORM,
  heading = contactId ? 'Edit contact' : 'Add contact',
  submitLabel = contactId ? 'Save changes' : 'Save contact',
  onSaved,
  onCancel,
}: AddContactFormProps) {
  const queryClient = useQueryClient();
  const programs = useAllPrograms();
  const headingId = useId();
  const [draft, setDraft] = useState<ContactFormDraft>(initial);
  const [touched, setTouched] = useState<Partial<Record<ContactFormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ContactFormField, string>>>({});
  const [saved, setSaved] = useState<ContactView | null>(null);

  const validation = validateContactForm(draft);
  const clientErrors = validation.ok ? {} : validation.errors;
  const errorFor = (field: ContactFormField) =>
    (submitted || touched[field] ? clientErrors[field] : undefined) ?? serverErrors[field];

  const create = useMutation({
    mutationFn: (body: ContactBody) =>
      contactId ? networkApi.updateContact(contactId, body) : networkApi.createContact(body),
    onSuccess: async (contact) => {
      setSaved(contact);
      setDraft(contactId ? draft : EMPTY_CONTACT_FORM);
      setTouched({});
      setSubmitted(false);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
      onSaved?.(contact);
    },
    onError: (error) => {
      setServerErrors(serverErrorsByField(error, fieldOfPath));
    },
  });

  const set = (field: ContactFormField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
    setSaved(null);
  };
  const touch = (field: ContactFormField) => () => setTouched((current) => ({ ...current, [field]: true }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!validation.ok) {
      focusFirstInvalid(event.currentTarget as HTMLFormElement, validation.errors);
      return;
    }
    const { circle, ...rest } = validation.value;
    create.mutate(circle === null ? rest : { ...rest, circle });
  };

  const text = (
    field: ContactFormField,
    label: string,
    extra: Partial<Parameters<typeof InputField>[0]> = {},
  ) => (
    <InputField
      name={field}
      label={label}
      value={draft[field]}
      onChange={set(field)}
      onBlur={touch(field)}
      error={errorFor(field)}
      {...extra}
    />
  );

  return (
    <form className="contact-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <div className="form-grid">
        {text('name', 'Name', { autoComplete: 'off' })}
        {text('title', 'Title', { hint: 'How you address them, e.g. Dr.' })}
        <SelectField
          label="Role"
          name="role"
          value={draft.role}
          onChange={set('role')}
          options={ROLE_OPTIONS}
          error={errorFor('role')}
        />
        <SelectField
          label="Circle"
          value={draft.circle}
          onChange={set('circle')}
          options={CIRCLE_OPTIONS}
          hint="Leave it suggested unless you know better."
        />
        <ProgramCombobox
          label="Program"
          name="acgmeId"
          value={draft.acgmeId}
          onChange={set('acgmeId')}
          onBlur={touch('acgmeId')}
          programs={programs.data?.items ?? []}
          hint="Type a name or city and choose from your catalog."
          error={errorFor('acgmeId')}
        />
        {text('institution', 'Institution', {
          hint: 'Hospital, school or practice, if not a catalog program.',
        })}
        {text('email', 'Email', { type: 'email' })}
        {text('phone', 'Phone', { type: 'tel' })}
        {text('linkedinUrl', 'LinkedIn URL', { type: 'url' })}
        {text('metHow', 'How you met')}
        {text('metWhere', 'Where you met')}
        {text('tags', 'Tags', { hint: 'Separated by commas.' })}
      </div>
      <TextAreaField label="Notes" value={draft.notes} onChange={set('notes')} error={errorFor('notes')} />
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          disabled={create.isPending}
          aria-busy={create.isPending}
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="form-status">
        {saved ? (
          <p className="status-success">
            {contactId ? 'Saved changes to' : 'Saved'}{' '}
            <Link to={`/network/${encodeURIComponent(saved.id)}`}>{saved.name}</Link> in the{' '}
            {CIRCLE_LABELS[saved.circle].toLowerCase()}.
          </p>
        ) : null}
      </div>
      {create.isError && Object.keys(serverErrors).length === 0 ? (
        <ProblemAlert problem={toProblem(create.error)} heading="The contact could not be saved" />
      ) : null}
    </form>
  );
}
