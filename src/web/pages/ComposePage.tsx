import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dayOf } from '../../core/network/index.js';
import {
  findTemplate,
  type MergeField,
  mailtoUrl,
  OUTREACH_TEMPLATES,
  renderTemplate,
} from '../../core/network/templates/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { fetchEml, networkApi, networkKeys, useContacts } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import {
  emlFileName,
  fieldsToAsk,
  MERGE_FIELD_INPUT_LABELS,
  MULTILINE_FIELDS,
  mergeWithTyped,
} from '../network/compose.js';
import { InputField, SelectField, TextAreaField } from '../network/fields.js';

const TEMPLATE_OPTIONS = OUTREACH_TEMPLATES.map((template) => ({ value: template.id, label: template.name }));

/** Offers a Blob as a file download without leaving the page. */
function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Compose a message from an outreach template for a contact: Matchwise fills what it knows (contact, profile,
 * program, rotation), asks for the rest, previews the result, and hands it to the mail app.
 */
export function ComposePage() {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const contactId = params.get('contact') ?? '';
  const template = findTemplate(params.get('template') ?? '') ?? OUTREACH_TEMPLATES[0];
  const [typed, setTyped] = useState<Partial<Record<MergeField, string>>>({});
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const contacts = useContacts({});

  const renderRequest = { templateId: template?.id ?? '', contactId: contactId || undefined };
  const known = useQuery({
    queryKey: networkKeys.render(renderRequest),
    queryFn: () => networkApi.render(renderRequest),
    enabled: template !== undefined,
    placeholderData: keepPreviousData,
  });

  const knownTo = known.data?.to ?? '';
  useEffect(() => setTo(knownTo), [knownTo]);

  const setParam = (key: 'contact' | 'template', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setMessage('');
    logSent.reset();
  };

  const knownValues = known.data?.values ?? {};
  const ask = template ? fieldsToAsk(template, knownValues) : [];
  const rendered =
    template && known.data ? renderTemplate(template, mergeWithTyped(knownValues, typed)) : null;
  const ready = rendered?.ok === true;
  const missing = rendered && !rendered.ok ? rendered.error : [];
  const missingFields = new Set(missing.map((issue) => issue.field));
  const contact = contacts.data?.items.find((item) => item.id === contactId);
  const recipient = to.trim();

  const logSent = useMutation({
    // Logged as what the template is for (a letter request is a request, not a thank-you), so only the task
    // this message answers closes.
    mutationFn: (subject: string) =>
      networkApi.logInteraction(contactId, {
        ...(template?.logAs ?? { kind: 'email-sent', purpose: null }),
        date: dayOf(new Date()),
        notes: subject,
      }),
    onSuccess: async () => {
      setMessage('Logged as sent. The matching task is closed and the contact’s timeline updated.');
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const eml = useMutation({
    mutationFn: fetchEml,
    onSuccess: (blob) => downloadBlob(blob, emlFileName(template?.id ?? 'message', contact?.name ?? '')),
  });

  const copy = async () => {
    if (!rendered?.ok) return;
    try {
      await navigator.clipboard.writeText(`Subject: ${rendered.value.subject}\n\n${rendered.value.body}`);
      setMessage('Copied the subject and message.');
    } catch {
      setMessage('Copying was blocked by the browser; select the preview text and copy it instead.');
    }
  };

  if (!template) return <p>No templates are available.</p>;

  return (
    <>
      <title>Compose · Matchwise</title>
      <div className="page-header">
        <h1>Compose</h1>
        <p className="lede">
          Start from a template in our own words, fill what is missing, and send it from your own mail app.
          Edit it there before sending: the template only spares you the blank page.
        </p>
      </div>

      <div className="compose-layout">
        <section className="card" aria-labelledby="compose-inputs-heading">
          <h2 id="compose-inputs-heading">Message</h2>
          <SelectField
            label="Contact"
            value={contactId}
            onChange={(value) => setParam('contact', value)}
            options={[
              { value: '', label: 'No contact (fill in the names)' },
              ...(contacts.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })),
            ]}
          />
          <SelectField
            label="Template"
            value={template.id}
            onChange={(value) => setParam('template', value)}
            options={TEMPLATE_OPTIONS}
            hint={template.whenToUse}
          />
          <InputField
            type="email"
            label="To"
            value={to}
            onChange={setTo}
            hint={
              knownTo
                ? undefined
                : 'The contact has no email saved; type one to open or download the message.'
            }
          />
          {ask.length > 0 ? (
            <fieldset className="subsection">
              <legend>Fill in</legend>
              {ask.map((field) => {
                const props = {
                  label: MERGE_FIELD_INPUT_LABELS[field],
                  value: typed[field] ?? '',
                  onChange: (value: string) => setTyped((current) => ({ ...current, [field]: value })),
                  hint: missingFields.has(field) ? 'Needed for this message.' : undefined,
                };
                return MULTILINE_FIELDS.has(field) ? (
                  <TextAreaField key={field} {...props} rows={field === 'bragSheet' ? 4 : 2} />
                ) : (
                  <InputField key={field} {...props} />
                );
              })}
            </fieldset>
          ) : null}
          {known.isError ? (
            <ProblemAlert
              problem={toProblem(known.error)}
              heading="Matchwise could not fill in this template"
            />
          ) : null}
        </section>

        <section className="card compose-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          {known.isPending ? <p className="busy-status">Filling in what Matchwise knows…</p> : null}
          {missing.length > 0 ? (
            <div className="alert alert-warning">
              <p className="alert-title">Missing before this can be sent:</p>
              <ul>
                {missing.map((issue) => (
                  <li key={issue.field}>
                    {MERGE_FIELD_INPUT_LABELS[issue.field as MergeField] ?? issue.field}: {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {rendered?.ok ? (
            <div className="message-preview">
              <p className="preview-subject">
                <span className="muted">Subject: </span>
                <strong data-testid="preview-subject">{rendered.value.subject}</strong>
              </p>
              <pre className="preview-body" data-testid="preview-body">
                {rendered.value.body}
              </pre>
            </div>
          ) : null}
          <div className="actions">
            <button type="button" className="button secondary" disabled={!ready} onClick={() => void copy()}>
              Copy
            </button>
            {ready && recipient ? (
              <a
                className="button secondary"
                href={mailtoUrl({
                  to: recipient,
                  subject: rendered.value.subject,
                  body: rendered.value.body,
                })}
              >
                Open in mail app
              </a>
            ) : (
              <button type="button" className="button secondary" disabled>
                Open in mail app
              </button>
            )}
            <button
              type="button"
              className="button secondary"
              disabled={!ready || !recipient || eml.isPending}
              onClick={() => {
                if (rendered?.ok) {
                  eml.mutate({
                    to: recipient,
                    toName: contact?.name,
                    subject: rendered.value.subject,
                    body: rendered.value.body,
                  });
                }
              }}
            >
              Download .eml
            </button>
            <button
              type="button"
              className="button primary"
              disabled={!ready || !contactId || logSent.isPending || logSent.isSuccess}
              aria-busy={logSent.isPending}
              onClick={() => {
                if (rendered?.ok) logSent.mutate(rendered.value.subject);
              }}
            >
              Log as sent
            </button>
          </div>
          {eml.isError ? (
            <ProblemAlert problem={toProblem(eml.error)} heading="The .eml file could not be made" />
          ) : null}
          {logSent.isError ? (
            <ProblemAlert problem={toProblem(logSent.error)} heading="The message could not be logged" />
          ) : null}
          <div role="status" aria-live="polite" className="form-status">
            {message ? (
              <p className="status-success">
                {message}{' '}
                {logSent.isSuccess && contactId ? (
                  <Link to={`/network/${encodeURIComponent(contactId)}`}>
                    Open {contact?.name ?? 'the contact'}
                  </Link>
                ) : null}
              </p>
            ) : null}
          </div>
        </section>
      </div>
    </>
  );
}
