import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { NetworkEvent } from '../../core/network/index.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { type EventBody, networkApi, networkKeys, useContacts, useEvents } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { InputField } from '../network/fields.js';
import { formatDayRange } from '../network/labels.js';

function bodyOf(event: NetworkEvent): EventBody {
  return {
    name: event.name,
    startDate: event.startDate,
    endDate: event.endDate,
    place: event.place,
    programsAttending: event.programsAttending,
    prep: event.prep,
    contactIds: event.contactIds,
  };
}

function AddEventForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: networkApi.createEvent,
    onSuccess: async () => {
      setName('');
      setStartDate('');
      setEndDate('');
      setPlace('');
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
    onError: (error) => {
      setErrors(Object.fromEntries(toProblem(error).errors.map((item) => [item.path, item.message])));
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (name.trim() === '') next.name = 'Name is required';
    if (startDate === '') next.startDate = 'Use a date like 2026-09-01';
    if (endDate !== '' && startDate !== '' && endDate < startDate)
      next.endDate = 'The end date cannot be before the start date';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate({ name: name.trim(), startDate, endDate: endDate || startDate, place: place.trim() });
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="add-event-heading">
      <h2 id="add-event-heading">Add an event</h2>
      <div className="form-grid">
        <InputField label="Event name" value={name} onChange={setName} error={errors.name} />
        <InputField
          type="date"
          label="Start date"
          value={startDate}
          onChange={setStartDate}
          error={errors.startDate}
        />
        <InputField
          type="date"
          label="Last day"
          value={endDate}
          onChange={setEndDate}
          error={errors.endDate}
          hint="Empty for a one-day event."
        />
        <InputField label="Place" value={place} onChange={setPlace} />
      </div>
      <button type="submit" className="button primary" disabled={create.isPending}>
        Save event
      </button>
      {create.isError && Object.keys(errors).length === 0 ? (
        <ProblemAlert problem={toProblem(create.error)} heading="The event could not be saved" />
      ) : null}
    </form>
  );
}

function EventCard({ event, names }: { event: NetworkEvent; names: Map<string, string> }) {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState('');
  const [email, setEmail] = useState('');
  const [personError, setPersonError] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: networkKeys.all });
  const update = useMutation({
    mutationFn: (body: EventBody) => networkApi.updateEvent(event.id, body),
    onSuccess: refresh,
  });
  const addPerson = useMutation({
    mutationFn: () => networkApi.addPersonMet(event.id, { name: person.trim(), email: email.trim() || null }),
    onSuccess: async () => {
      setPerson('');
      setEmail('');
      await refresh();
    },
    onError: (error) => setPersonError(toProblem(error).errors[0]?.message ?? toProblem(error).title),
  });
  const onAddPerson = (submit: FormEvent) => {
    submit.preventDefault();
    if (person.trim() === '') {
      setPersonError('Name is required');
      return;
    }
    setPersonError(undefined);
    addPerson.mutate();
  };
  const headingId = `event-${event.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{event.name}</h2>
      <p className="muted">
        {formatDayRange(event.startDate, event.endDate === event.startDate ? null : event.endDate)}
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <h3>Prep checklist</h3>
      <ul className="prep-list">
        {event.prep.map((item) => (
          <li key={item.id}>
            <input
              type="checkbox"
              id={`${event.id}-${item.id}`}
              checked={item.done}
              disabled={update.isPending}
              onChange={(change) =>
                update.mutate({
                  ...bodyOf(event),
                  prep: event.prep.map((p) => (p.id === item.id ? { ...p, done: change.target.checked } : p)),
                })
              }
            />
            <label htmlFor={`${event.id}-${item.id}`}>{item.text}</label>
          </li>
        ))}
      </ul>
      <h3>People met ({event.contactIds.length})</h3>
      {event.contactIds.length > 0 ? (
        <ul className="compact-list">
          {event.contactIds.map((id) => (
            <li key={id}>
              <Link to={`/network/${encodeURIComponent(id)}`}>{names.get(id) ?? 'Contact'}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">
          Add each person you talk to: Matchwise reminds you to follow up within 7 days.
        </p>
      )}
      <form
        className="person-met-form"
        onSubmit={onAddPerson}
        noValidate
        aria-label={`Add person met at ${event.name}`}
      >
        <div className="form-grid">
          <InputField label="Name" value={person} onChange={setPerson} error={personError} />
          <InputField type="email" label="Email" value={email} onChange={setEmail} />
        </div>
        <button type="submit" className="button secondary" disabled={addPerson.isPending}>
          Add person met
        </button>
      </form>
      {update.isError ? (
        <ProblemAlert problem={toProblem(update.error)} heading="The checklist could not be saved" />
      ) : null}
    </section>
  );
}

/** Conferences and fairs: a prep checklist each, and the people met there (who get follow-up tasks). */
export function EventsPage() {
  const events = useEvents();
  const contacts = useContacts({});
  const names = new Map((contacts.data?.items ?? []).map((contact) => [contact.id, contact.name]));
  return (
    <>
      <title>Events · Matchwise</title>
      <div className="page-header">
        <h1>Events</h1>
        <p className="lede">
          Conferences and residency fairs: prepare with the checklist, then add the people you met so the
          playbook reminds you to follow up.
        </p>
      </div>
      {events.isError ? (
        <ProblemAlert problem={toProblem(events.error)} heading="Your events could not be loaded" />
      ) : null}
      {events.data?.items.length === 0 ? <p className="empty-state">No events yet.</p> : null}
      {events.data?.items.map((event) => (
        <EventCard key={event.id} event={event} names={names} />
      ))}
      <AddEventForm />
    </>
  );
}
