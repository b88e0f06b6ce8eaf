import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { type ApplicationView, invalidateApplications, seasonApi } from '../lib/api/season.js';
import { InputField, SelectField, TextAreaField } from '../network/fields.js';
import { focusFirstInvalid, serverErrorsByField } from '../network/form-errors.js';
import {
  type ApplicationDraft,
  type ApplicationField,
  applicationFieldOfPath,
  draftFromApplication,
  INTERVIEWED_STAGES,
  parseApplicationDraft,
} from './application-form.js';
import { InterviewFields } from './InterviewFields.js';
import { IMPRESSION_RATINGS, STAGE_LABELS } from './labels.js';

const RATING_OPTIONS = [
  { value: '', label: 'Not rated' },
  { value: '1', label: '1 – poor' },
  { value: '2', label: '2' },
  { value: '3', label: '3 – fine' },
  { value: '4', label: '4' },
  { value: '5', label: '5 – excellent' },
];

interface EditorProps {
  application: ApplicationView;
  onClose: (message?: string) => void;
}

/**
 * Edit one application's dates, fee, interview and (once interviewed) impressions. Checked on save; the first
 * invalid field takes focus, and the server's field errors land under the same fields.
 */
export function ApplicationEditor({ application, onClose }: EditorProps) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<ApplicationDraft>(() => draftFromApplication(application));
  const [errors, setErrors] = useState<Partial<Record<ApplicationField, string>>>({});
  const name = application.program.name;
  const interviewed = INTERVIEWED_STAGES.includes(application.stage);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const save = useMutation({
    mutationFn: (body: Parameters<typeof seasonApi.updateApplication>[1]) =>
      seasonApi.updateApplication(application.acgmeId, body),
    onSuccess: async () => {
      await invalidateApplications(queryClient);
      onClose(`Saved ${name}.`);
    },
    onError: (error, _body) => {
      const byField = serverErrorsByField(error, applicationFieldOfPath);
      setErrors(byField);
    },
  });
  const remove = useMutation({
    mutationFn: () => seasonApi.deleteApplication(application.acgmeId),
    onSuccess: async () => {
      await invalidateApplications(queryClient);
      onClose(`Removed ${name} from your applications.`);
    },
  });

  const set = <K extends keyof ApplicationDraft>(field: K, value: ApplicationDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseApplicationDraft(draft, application.stage);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      focusFirstInvalid(event.currentTarget, parsed.errors);
      return;
    }
    setErrors({});
    save.mutate(parsed.value);
  };

  return (
    <form
      className="card application-editor"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="application-editor-heading"
    >
      <h2 id="application-editor-heading" ref={headingRef} tabIndex={-1}>
        Edit {name}
      </h2>
      <p className="muted small">
        Stage: {STAGE_LABELS[application.stage]}. Change the stage with “Move to…”.
      </p>
      <div className="form-grid">
        <InputField
          type="date"
          name="appliedOn"
          label="Applied on"
          value={draft.appliedOn}
          onChange={(v) => set('appliedOn', v)}
          error={errors.appliedOn}
        />
        <InputField
          name="feeDollars"
          label="Fee (dollars)"
          value={draft.feeDollars}
          onChange={(v) => set('feeDollars', v)}
          error={errors.feeDollars}
          hint="What ERAS charged for this program."
        />
        <InputField
          type="date"
          name="invitedOn"
          label="Invited on"
          value={draft.invitedOn}
          onChange={(v) => set('invitedOn', v)}
          error={errors.invitedOn}
        />
        <InputField
          type="date"
          name="responseDeadline"
          label="Reply to the invitation by"
          value={draft.responseDeadline}
          onChange={(v) => set('responseDeadline', v)}
          error={errors.responseDeadline}
        />
        <InterviewFields
          interviewAt={draft.interviewAt}
          timeZone={draft.timeZone}
          mode={draft.mode}
          errors={errors}
          onChange={(change) => {
            setDraft((current) => ({ ...current, ...change }));
            setErrors((current) => ({ ...current, interviewAt: undefined, timeZone: undefined }));
          }}
        />
      </div>
      {interviewed ? (
        <fieldset className="subsection">
          <legend>Impressions after the interview</legend>
          <div className="form-grid">
            {IMPRESSION_RATINGS.map(({ key, label }) => (
              <SelectField
                key={key}
                name={`rating-${key}`}
                label={label}
                value={draft.ratings[key]}
                onChange={(v) => set('ratings', { ...draft.ratings, [key]: v })}
                options={RATING_OPTIONS}
                error={errors[`rating-${key}`]}
              />
            ))}
          </div>
          <TextAreaField
            label="Impressions notes"
            value={draft.impressionNotes}
            onChange={(v) => set('impressionNotes', v)}
            error={errors.impressionNotes}
            hint="What stood out: residents, schedule, anything you would ask again."
          />
        </fieldset>
      ) : null}
      <TextAreaField
        label="Notes"
        value={draft.notes}
        onChange={(v) => set('notes', v)}
        error={errors.notes}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending} aria-busy={save.isPending}>
          Save application
        </button>
        <button type="button" className="button secondary" onClick={() => onClose()}>
          Cancel
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Remove ${name} from your applications?`)) remove.mutate();
          }}
        >
          Remove from applications
        </button>
      </div>
      {save.isError && Object.keys(errors).length === 0 ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The application was not saved" />
      ) : null}
      {remove.isError ? (
        <ProblemAlert problem={toProblem(remove.error)} heading="The application was not removed" />
      ) : null}
    </form>
  );
}
