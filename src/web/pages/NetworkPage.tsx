import { useState } from 'react';
import { Link } from 'react-router';
import { CIRCLES, CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { documentPath } from '../docs/documents.js';
import { CONTACTS_CSV_URL, CONTACTS_VCF_URL, type ContactView, useContacts } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms } from '../lib/api/queries.js';
import { plural } from '../lib/labels.js';
import { useDebouncedValue } from '../lib/useDebouncedValue.js';
import { AddContactForm } from '../network/AddContactForm.js';
import { ContactImportPanel } from '../network/ContactImportPanel.js';
import { DuplicatesPanel } from '../network/DuplicatesPanel.js';
import { InputField, SelectField } from '../network/fields.js';
import { CIRCLE_HINTS, CIRCLE_LABELS, formatDay } from '../network/labels.js';

const ROLE_FILTER_OPTIONS = [
  { value: '', label: 'All roles' },
  ...CONTACT_ROLES.map((role) => ({ value: role, label: CONTACT_ROLE_LABELS[role] })),
];

function ContactCard({ contact, programName }: { contact: ContactView; programName: string | null }) {
  const where = programName ?? contact.affiliation.institution ?? contact.affiliation.acgmeId;
  return (
    <li className="contact-card">
      <div className="contact-card-main">
        <Link to={`/network/${encodeURIComponent(contact.id)}`} className="contact-name">
          {contact.title ? `${contact.title} ` : ''}
          {contact.name}
        </Link>
        <span className="muted small">
          {CONTACT_ROLE_LABELS[contact.role]}
          {where ? ` · ${where}` : ''}
        </span>
        {contact.tags.length > 0 ? (
          <span className="tag-list">
            {contact.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        ) : null}
      </div>
      <div className="contact-card-meta">
        <span className="strength-pill" title="Relationship strength, 0–100">
          <span className="visually-hidden">Strength </span>
          {contact.strength.score}
        </span>
        <span className="muted small">
          {contact.strength.lastContact
            ? `Last contact ${formatDay(contact.strength.lastContact)}`
            : 'No contact yet'}
        </span>
      </div>
    </li>
  );
}

/** Contacts grouped by circle, searchable and filterable, with add, import and export. */
export function NetworkPage() {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<ContactRole | ''>('');
  const [acgmeId, setAcgmeId] = useState('');
  const debouncedQ = useDebouncedValue(q, 250);
  const contacts = useContacts({ q: debouncedQ, role, acgmeId });
  const allContacts = useContacts({});
  const programs = useAllPrograms();

  const programNames = new Map(
    (programs.data?.items ?? []).map((program) => [program.acgmeId, program.name]),
  );
  const programIds = [
    ...new Set(
      (allContacts.data?.items ?? [])
        .map((c) => c.affiliation.acgmeId)
        // Only catalog programs: an id saved before programs were picked from the catalog is not a program.
        .filter((id): id is string => id !== null && programNames.has(id)),
    ),
  ].sort((a, b) => (programNames.get(a) ?? a).localeCompare(programNames.get(b) ?? b));
  const programOptions = [
    { value: '', label: 'All programs' },
    ...programIds.map((id) => ({ value: id, label: programNames.get(id) ?? id })),
  ];
  const items = contacts.data?.items ?? [];
  const filtered = q.trim() !== '' || role !== '' || acgmeId !== '';

  return (
    <>
      <title>Network · Matchwise</title>
      <div className="page-header">
        <h1>Network</h1>
        <p className="lede">
          The people who can vouch for you, tell you which programs take IMGs, and introduce you. Matchwise
          keeps them in circles and turns the{' '}
          <Link to={documentPath('network-playbook')}>networking playbook</Link> into{' '}
          <Link to="/tasks">tasks</Link>.
        </p>
        <div className="actions">
          <Link className="button ghost" to="/tasks">
            Tasks
          </Link>
          <Link className="button ghost" to="/letters">
            Letters
          </Link>
          <Link className="button ghost" to="/events">
            Events
          </Link>
          <Link className="button ghost" to="/compose">
            Compose a message
          </Link>
          <a className="button secondary" href={CONTACTS_VCF_URL} download>
            Export vCard
          </a>
          <a className="button secondary" href={CONTACTS_CSV_URL} download>
            Export CSV
          </a>
        </div>
      </div>

      <search className="filters" aria-label="Filter contacts">
        <InputField type="search" label="Search contacts" value={q} onChange={setQ} className="field-grow" />
        <SelectField
          label="Role"
          value={role}
          onChange={(value) => setRole(value as ContactRole | '')}
          options={ROLE_FILTER_OPTIONS}
        />
        <SelectField label="Program" value={acgmeId} onChange={setAcgmeId} options={programOptions} />
      </search>

      {contacts.isError ? (
        <ProblemAlert
          problem={toProblem(contacts.error)}
          heading="Your contacts could not be loaded"
          onRetry={() => void contacts.refetch()}
        />
      ) : null}

      <p className="results-status" role="status" aria-live="polite">
        {contacts.isPending
          ? 'Loading contacts…'
          : `${plural(items.length, 'contact')}${filtered ? ' match' : ''}${contacts.isFetching ? ' (updating…)' : ''}`}
      </p>

      <div className="circle-groups">
        {CIRCLES.map((circle) => {
          const inCircle = items.filter((contact) => contact.circle === circle);
          return (
            <section key={circle} className="card circle-group" aria-labelledby={`circle-${circle}`}>
              <h2 id={`circle-${circle}`}>
                {CIRCLE_LABELS[circle]} <span className="count">({inCircle.length})</span>
              </h2>
              <p className="muted small">{CIRCLE_HINTS[circle]}</p>
              {inCircle.length === 0 ? (
                <p className="empty-state">{filtered ? 'No one here matches.' : 'No one here yet.'}</p>
              ) : (
                <ul className="contact-list">
                  {inCircle.map((contact) => (
                    <ContactCard
                      key={contact.id}
                      contact={contact}
                      programName={
                        contact.affiliation.acgmeId
                          ? (programNames.get(contact.affiliation.acgmeId) ?? null)
                          : null
                      }
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>

      <DuplicatesPanel />

      <div className="network-forms">
        <section className="card">
          <AddContactForm />
        </section>
        <ContactImportPanel />
      </div>
    </>
  );
}
