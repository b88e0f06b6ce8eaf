import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTACT_ROLE_LABELS, type Interaction, STRENGTH_PARAMETERS } from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { documentPath } from '../docs/documents.js';
import { type ContactDetail, networkApi, networkKeys, useContact } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms } from '../lib/api/queries.js';
import { AddContactForm } from '../network/AddContactForm.js';
import { contactToDraft } from '../network/contact-form.js';
import {
  CIRCLE_LABELS,
  deleteInteractionLabel,
  formatDay,
  formatDayRange,
  INTERACTION_KIND_LABELS,
} from '../network/labels.js';
import { QuickLogForm } from '../network/QuickLogForm.js';
import { composeHrefForTask } from '../network/task-templates.js';

const PART_LABELS = {
  recency: 'Recency',
  frequency: 'Frequency',
  reciprocity: 'Reciprocity',
  depth: 'Depth',
} as const;

const PART_HINTS = {
  recency: 'halves every 90 days of silence',
  frequency: 'interactions in the last year, 8 counts as full',
  reciprocity: 'how often they reach out or answer',
  depth: 'the deepest thing you have done together',
} as const;

function StrengthPanel({ detail }: { detail: ContactDetail }) {
  const { strength } = detail.contact;
  return (
    <section className="card" aria-labelledby="strength-heading">
      <h2 id="strength-heading">
        Relationship strength: {strength.score} <span className="muted small">of 100</span>
      </h2>
      <ul className="strength-parts">
        {(Object.keys(PART_LABELS) as (keyof typeof PART_LABELS)[]).map((part) => {
          const value = strength.parts[part];
          return (
            <li key={part}>
              <span className="strength-part-label">
                {PART_LABELS[part]}{' '}
                <span className="muted small">({Math.round(STRENGTH_PARAMETERS.weights[part] * 100)}%)</span>
              </span>
              <span className="meter" aria-hidden="true">
                <span style={{ width: `${Math.round(value * 100)}%` }} />
              </span>
              <span className="strength-part-value">{Math.round(value * 100)}%</span>
              <span className="muted small strength-part-hint">{PART_HINTS[part]}</span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        {strength.lastContact ? `Last contact ${formatDay(strength.lastContact)}.` : 'Nothing logged yet.'}{' '}
        The formula is explained in the{' '}
        <Link to={documentPath('network-playbook', 'relationship-strength-0100')}>networking playbook</Link>.
      </p>
    </section>
  );
}

/** One contact: details, strength and its parts, open tasks, timeline and the quick-log form. */
export function ContactPage() {
  const { id = '' } = useParams();
  const detail = useContact(id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => networkApi.deleteContact(id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: networkKeys.contact(id) });
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
      await navigate('/network');
    },
  });
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const timelineHeading = useRef<HTMLHeadingElement>(null);
  const removeInteraction = useMutation({
    mutationFn: (interaction: Interaction) => networkApi.deleteInteraction(interaction.id),
    onMutate: () => setMessage(''),
    onSuccess: async (_result, interaction) => {
      setConfirming(null);
      setMessage(`${deleteInteractionLabel(interaction).replace(/^Delete/, 'Deleted')}.`);
      timelineHeading.current?.focus();
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
  const closeEdit = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const programs = useAllPrograms();
  const programName = (acgmeId: string | null) =>
    acgmeId ? (programs.data?.items.find((p) => p.acgmeId === acgmeId)?.name ?? acgmeId) : null;

  if (detail.isPending) return <p className="busy-status">Loading the contact…</p>;
  if (detail.isError) {
    return (
      <>
        <title>Contact · Matchwise</title>
        <ProblemAlert problem={toProblem(detail.error)} heading="This contact could not be loaded" />
        <p>
          <Link to="/network">Back to your network</Link>
        </p>
      </>
    );
  }
  const { contact, timeline, tasks } = detail.data;
  const display = `${contact.title ? `${contact.title} ` : ''}${contact.name}`;
  const program = programName(contact.affiliation.acgmeId);
  const firstTemplateTask = tasks.find((task) => composeHrefForTask(task) !== null);
  const composeHref =
    (firstTemplateTask && composeHrefForTask(firstTemplateTask)) ??
    `/compose?contact=${encodeURIComponent(contact.id)}`;

  return (
    <>
      <title>{`${contact.name} · Network · Matchwise`}</title>
      <p className="breadcrumb">
        <Link to="/network">Network</Link> / {contact.name}
      </p>
      <div className="page-header">
        <h1>{display}</h1>
        <p className="lede">
          {CONTACT_ROLE_LABELS[contact.role]} · {CIRCLE_LABELS[contact.circle]}
          {contact.circleOverridden ? ' (your choice)' : ' (suggested)'}
        </p>
        <div className="actions">
          <Link className="button primary" to={composeHref}>
            Compose
          </Link>
          <button
            ref={editButton}
            type="button"
            className="button secondary"
            aria-expanded={editing}
            aria-controls="edit-contact-panel"
            onClick={() => {
              setMessage('');
              setEditing((open) => !open);
            }}
          >
            Edit contact
          </button>
          <button
            type="button"
            className="button ghost"
            disabled={remove.isPending}
            onClick={() => {
              if (
                window.confirm(
                  `Delete ${contact.name} and everything logged with them? This cannot be undone.`,
                )
              ) {
                remove.mutate();
              }
            }}
          >
            Delete contact
          </button>
        </div>
      </div>
      {remove.isError ? (
        <ProblemAlert problem={toProblem(remove.error)} heading="The contact could not be deleted" />
      ) : null}
      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-success">{message}</p> : null}
      </div>
      {editing ? (
        <section id="edit-contact-panel" className="card">
          <AddContactForm
            key={contact.id}
            contactId={contact.id}
            initial={contactToDraft(contact)}
            heading={`Edit ${contact.name}`}
            submitLabel="Save changes"
            onSaved={(saved) => {
              setMessage(`Saved changes to ${saved.name}.`);
              closeEdit();
            }}
            onCancel={closeEdit}
          />
        </section>
      ) : null}

      <div className="contact-layout">
        <div className="contact-column">
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl className="details-grid">
              {program ? (
                <>
                  <dt>Program</dt>
                  <dd>{program}</dd>
                </>
              ) : null}
              {contact.affiliation.institution ? (
                <>
                  <dt>Institution</dt>
                  <dd>{contact.affiliation.institution}</dd>
                </>
              ) : null}
              {contact.email ? (
                <>
                  <dt>Email</dt>
                  <dd>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </dd>
                </>
              ) : null}
              {contact.phone ? (
                <>
                  <dt>Phone</dt>
                  <dd>{contact.phone}</dd>
                </>
              ) : null}
              {contact.linkedinUrl ? (
                <>
                  <dt>LinkedIn</dt>
                  <dd>
                    <a href={contact.linkedinUrl} rel="noreferrer noopener" target="_blank">
                      Profile
                    </a>
                  </dd>
                </>
              ) : null}
              {contact.metHow || contact.metWhere ? (
                <>
                  <dt>Met</dt>
                  <dd>{[contact.metHow, contact.metWhere].filter(Boolean).join(', ')}</dd>
                </>
              ) : null}
              {contact.tags.length > 0 ? (
                <>
                  <dt>Tags</dt>
                  <dd>{contact.tags.join(', ')}</dd>
                </>
              ) : null}
            </dl>
            {contact.notes ? <p className="notes">{contact.notes}</p> : null}
          </section>

          <StrengthPanel detail={detail.data} />

          <section className="card" aria-labelledby="contact-tasks-heading">
            <h2 id="contact-tasks-heading">Open tasks</h2>
            {tasks.length === 0 ? (
              <p className="empty-state">Nothing to do for {contact.name} right now.</p>
            ) : (
              <ul className="compact-list">
                {tasks.map((task) => {
                  const href = composeHrefForTask(task);
                  return (
                    <li key={task.id}>
                      <strong>{task.title}</strong>{' '}
                      <span className="muted small">due {formatDay(task.dueDate)}</span>
                      <br />
                      <span className="muted small">{task.why}</span>
                      {href ? (
                        <>
                          {' '}
                          <Link to={href} aria-label={`Compose: ${task.title}`}>
                            Compose
                          </Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="small">
              <Link to="/tasks">All tasks</Link>
            </p>
          </section>
        </div>

        <div className="contact-column">
          <section className="card">
            <QuickLogForm contactId={contact.id} defaultProgram={contact.affiliation.acgmeId} />
          </section>
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" ref={timelineHeading} tabIndex={-1}>
              Timeline
            </h2>
            {removeInteraction.isError ? (
              <ProblemAlert
                problem={toProblem(removeInteraction.error)}
                heading="The entry could not be deleted"
              />
            ) : null}
            {timeline.length === 0 ? (
              <p className="empty-state">Nothing logged yet.</p>
            ) : (
              <ol className="timeline" aria-label={`Timeline with ${contact.name}`}>
                {timeline.map((item) => (
                  <li key={item.id}>
                    <span className="timeline-date">{formatDayRange(item.date, item.endDate)}</span>
                    <span className="timeline-kind">{INTERACTION_KIND_LABELS[item.kind]}</span>
                    {item.acgmeId ? (
                      <span className="muted small"> at {programName(item.acgmeId)}</span>
                    ) : null}
                    {item.isRequest ? <span className="badge badge-todo">Request</span> : null}
                    {item.notes ? <p className="timeline-notes">{item.notes}</p> : null}
                    <div className="timeline-actions">
                      {confirming === item.id ? (
                        <>
                          <span className="small">Delete this entry? This cannot be undone.</span>{' '}
                          <button
                            type="button"
                            className="button secondary small"
                            disabled={removeInteraction.isPending}
                            aria-busy={removeInteraction.isPending}
                            autoFocus
                            onClick={() => removeInteraction.mutate(item)}
                          >
                            {`Yes, ${deleteInteractionLabel(item).replace(/^Delete/, 'delete')}`}
                          </button>{' '}
                          <button
                            type="button"
                            className="button ghost small"
                            onClick={() => setConfirming(null)}
                          >
                            Keep it
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="link-button small"
                          onClick={() => {
                            removeInteraction.reset();
                            setConfirming(item.id);
                          }}
                        >
                          {deleteInteractionLabel(item)}
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
