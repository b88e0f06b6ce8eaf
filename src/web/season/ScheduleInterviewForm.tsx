import { type FormEvent, useEffect, useRef, useState } from 'react';
import { programTimeZone } from '../../core/geo/time-zones.js';
import type { ApplicationView, Interview } from '../lib/api/season.js';
import { focusFirstInvalid } from '../network/form-errors.js';
import { defaultTimeZone, parseInterview } from './application-form.js';
import { InterviewFields } from './InterviewFields.js';

interface ScheduleProps {
  application: ApplicationView;
  busy: boolean;
  onSchedule: (interview: Interview) => void;
  onCancel: () => void;
}

/** Moving a card to "Interview scheduled" needs the date, time and zone first: asked here. */
export function ScheduleInterviewForm({ application, busy, onSchedule, onCancel }: ScheduleProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [interviewAt, setInterviewAt] = useState('');
  // The program's own clock by default (its state and city), as the invitation will state the time.
  const [timeZone, setTimeZone] = useState(() => programTimeZone(application.program) ?? defaultTimeZone());
  const [mode, setMode] = useState<Interview['mode']>('virtual');
  const [errors, setErrors] = useState<Partial<Record<'interviewAt' | 'timeZone', string>>>({});

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseInterview(interviewAt, timeZone, mode);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      focusFirstInvalid(event.currentTarget, parsed.errors);
      return;
    }
    setErrors({});
    onSchedule(parsed.value);
  };

  return (
    <form className="card schedule-form" onSubmit={onSubmit} noValidate aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" ref={headingRef} tabIndex={-1}>
        Schedule the interview at {application.program.name}
      </h2>
      <div className="form-grid">
        <InterviewFields
          interviewAt={interviewAt}
          timeZone={timeZone}
          mode={mode}
          errors={errors}
          onChange={(change) => {
            if (change.interviewAt !== undefined) setInterviewAt(change.interviewAt);
            if (change.timeZone !== undefined) setTimeZone(change.timeZone);
            if (change.mode !== undefined) setMode(change.mode);
            setErrors({});
          }}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          Schedule interview
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
