import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useSearchParams } from 'react-router';
import { type ApplicantProfile, emptyProfile } from '../../core/profile/applicant-profile.js';
import { api } from '../lib/api/client.js';
import { type ProblemError, toProblem } from '../lib/api/problem.js';
import { queryKeys } from '../lib/api/queries.js';
import { seasonKeys } from '../lib/api/season.js';
import type { ProfileRecord, SmartPickSettings } from '../lib/api/types.js';
import { formatDateTime } from '../lib/labels.js';
import {
  type DraftErrors,
  type DraftPath,
  mapProblemErrors,
  type ProfileDraft,
  pickErrors,
  profileToDraft,
  validateDraft,
  visibleFields,
} from './draft.js';
import { type ProfileForm, ProfileFormContext } from './form-context.js';
import { AboutStep } from './steps/AboutStep.js';
import { ExamsStep } from './steps/ExamsStep.js';
import { ExperienceStep } from './steps/ExperienceStep.js';
import { GeographyStep } from './steps/GeographyStep.js';
import { LettersStep } from './steps/LettersStep.js';
import { PreferencesStep } from './steps/PreferencesStep.js';
import { fieldId, firstStepWithError, STEPS, type StepId, stepAt, stepIndex } from './steps.js';

const STEP_COMPONENTS: Record<StepId, ComponentType> = {
  about: AboutStep,
  exams: ExamsStep,
  experience: ExperienceStep,
  letters: LettersStep,
  geography: GeographyStep,
  preferences: PreferencesStep,
};

interface ProfileWizardProps {
  record: ProfileRecord | null;
}

type Status = { kind: 'info' | 'success' | 'error'; text: string } | null;

export const UNSAVED_WARNING =
  'Your profile has changes that are not saved yet. Leave this page and lose them? (Cancel to stay, then Next or Save profile.)';

/** Shown errors with one field's message set, or removed when it has none. */
function withFieldError(shown: DraftErrors, path: DraftPath, message: string | undefined): DraftErrors {
  if (shown[path] === message) return shown;
  const updated = { ...shown };
  if (message === undefined) delete updated[path];
  else updated[path] = message;
  return updated;
}

/** Ordered invalid fields, so focus goes to the first one on the page. */
const firstInvalid = (fields: DraftPath[], errors: DraftErrors): DraftPath | undefined =>
  fields.find((field) => errors[field] !== undefined);

/**
 * The step-by-step profile form. Each step validates with the core schema on blur and on Next, and saves on Next
 * once the whole profile is valid; leaving with unsaved changes asks first. Errors sit
 * under their field, are announced, and focus moves to the first invalid one. Save sends PUT /api/profile
 * and maps a 400's field paths back onto the form.
 */
export function ProfileWizard({ record }: ProfileWizardProps) {
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const current = stepIndex(searchParams.get('step'));
  const step = stepAt(current);
  const StepComponent = STEP_COMPONENTS[step.id];
  const isLast = current === STEPS.length - 1;

  const [draft, setDraft] = useState<ProfileDraft>(() => profileToDraft(record?.profile ?? emptyProfile()));
  const draftRef = useRef(draft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const [otherErrors, setOtherErrors] = useState<ProblemError[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(record?.updatedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const pendingFocus = useRef<{ kind: 'field'; path: DraftPath } | { kind: 'heading' } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target.kind === 'heading') headingRef.current?.focus();
    else document.getElementById(fieldId(target.path))?.focus();
  });

  const setField = useCallback<ProfileForm['setField']>((path, value) => {
    const next = { ...draftRef.current, [path]: value };
    draftRef.current = next;
    setDraft(next);
    setDirty(true);
    // Once a field shows an error, keep it current as the applicant types so it clears as soon as it is fixed.
    setErrors((shown) =>
      shown[path] === undefined ? shown : withFieldError(shown, path, validateDraft(next).errors[path]),
    );
  }, []);

  // Pressing Next, Back, Save or a step button blurs the field first. Showing that field's error then would
  // move the button away from under the pointer before the click lands; the button validates anyway.
  const actionPressed = useRef(false);
  const onActionPointerDown = () => {
    actionPressed.current = true;
    const release = () => setTimeout(() => (actionPressed.current = false), 0);
    window.addEventListener('pointerup', release, { once: true });
    window.addEventListener('pointercancel', release, { once: true });
  };

  const blurField = useCallback<ProfileForm['blurField']>((path) => {
    if (actionPressed.current) return;
    const message = validateDraft(draftRef.current).errors[path];
    setErrors((shown) => withFieldError(shown, path, message));
  }, []);

  const visible = useMemo(() => visibleFields(draft), [draft]);
  const shownErrors = useMemo(() => pickErrors(errors, visible), [errors, visible]);
  const form = useMemo<ProfileForm>(
    () => ({ draft, errors: shownErrors, setField, blurField }),
    [draft, shownErrors, setField, blurField],
  );

  const goTo = (index: number) => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        next.set('step', STEPS[index]?.id ?? 'about');
        return next;
      },
      { replace: false },
    );
    pendingFocus.current = { kind: 'heading' };
  };

  /** Shows this step's errors; true when it has none. */
  const checkStep = (): boolean => {
    const stepErrors = pickErrors(validateDraft(draftRef.current).errors, step.fields);
    setErrors((shown) => ({ ...pickErrors(shown, fieldsOutside(step.fields)), ...stepErrors }));
    const first = firstInvalid(step.fields, stepErrors);
    if (first) {
      const count = Object.keys(stepErrors).length;
      setStatus({
        kind: 'error',
        text: `${count === 1 ? '1 field needs' : `${count} fields need`} attention.`,
      });
      pendingFocus.current = { kind: 'field', path: first };
      return false;
    }
    setStatus(null);
    return true;
  };

  const save = useMutation({
    mutationFn: (profile: ApplicantProfile) => api.saveProfile(profile),
    onMutate: () => {
      setStatus({ kind: 'info', text: 'Saving your profile…' });
      setOtherErrors([]);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.profile, saved);
      // My list's budget is this profile's budget: show the saved one there at once, and rebuild the lists.
      queryClient.setQueryData<SmartPickSettings>(queryKeys.smartPickSettings, (settings) =>
        settings ? { ...settings, budget: saved.profile.budget } : settings,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.smartPick });
      void queryClient.invalidateQueries({ queryKey: seasonKeys.applications });
      setSavedAt(saved.updatedAt);
      setDirty(false);
      setStatus({ kind: 'success', text: `Profile saved ${formatDateTime(saved.updatedAt)}.` });
    },
    onError: (error) => {
      const problem = toProblem(error);
      const { fields, other } = mapProblemErrors(problem.errors);
      setErrors(fields);
      setOtherErrors(other);
      setStatus({ kind: 'error', text: problem.title });
      const stepWithError = firstStepWithError(Object.keys(fields) as DraftPath[]);
      if (stepWithError !== null) {
        const target = STEPS[stepWithError];
        const first = target ? firstInvalid(target.fields, fields) : undefined;
        if (stepWithError !== current) goTo(stepWithError);
        if (first) pendingFocus.current = { kind: 'field', path: first };
      }
    },
  });

  const submitAll = () => {
    const result = validateDraft(draftRef.current);
    if (!result.ok) {
      setErrors(result.errors);
      const stepWithError = firstStepWithError(Object.keys(result.errors) as DraftPath[]) ?? current;
      const target = STEPS[stepWithError];
      const count = Object.keys(result.errors).length;
      setStatus({
        kind: 'error',
        text: `Not saved: ${count === 1 ? '1 field needs' : `${count} fields need`} attention${
          target && stepWithError !== current ? ` in “${target.title}”` : ''
        }.`,
      });
      if (stepWithError !== current) goTo(stepWithError);
      const first = target ? firstInvalid(target.fields, result.errors) : undefined;
      if (first) pendingFocus.current = { kind: 'field', path: first };
      return;
    }
    save.mutate(result.profile);
  };

  /** Each step saves as you leave it, once the whole profile is valid (a later step can still need a value). */
  const saveStep = () => {
    if (!dirty) return;
    const result = validateDraft(draftRef.current);
    if (result.ok) save.mutate(result.profile);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!checkStep()) return;
    if (isLast) submitAll();
    else {
      saveStep();
      goTo(current + 1);
    }
  };

  // Leaving the page with changes not yet saved asks first: another page in the app, a reload or closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(UNSAVED_WARNING)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onStepperClick = (index: number) => {
    if (index === current) return;
    if (index > current && !checkStep()) return;
    setStatus(null);
    saveStep();
    goTo(index);
  };

  const headingId = 'profile-step-heading';
  return (
    <ProfileFormContext.Provider value={form}>
      <nav aria-label="Profile steps" className="stepper" onPointerDown={onActionPointerDown}>
        <ol>
          {STEPS.map((item, index) => {
            const hasError = item.fields.some((field) => shownErrors[field] !== undefined);
            return (
              <li
                key={item.id}
                className={index === current ? 'current' : index < current ? 'done' : undefined}
              >
                <button
                  type="button"
                  aria-current={index === current ? 'step' : undefined}
                  onClick={() => onStepperClick(index)}
                >
                  <span className="step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="step-title">
                    {item.title}
                    {hasError ? <span className="visually-hidden"> (has errors)</span> : null}
                  </span>
                  {hasError ? (
                    <span className="step-flag" aria-hidden="true">
                      !
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <form className="card profile-form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          <span className="eyebrow">
            Step {current + 1} of {STEPS.length}
          </span>
          {step.title}
        </h2>
        <StepComponent />

        {otherErrors.length > 0 ? (
          <div className="alert alert-error" role="alert">
            <p>The server also reported:</p>
            <ul>
              {otherErrors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  {error.path ? `${error.path}: ` : ''}
                  {error.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="form-status" role="status" aria-live="polite">
          {status ? <p className={`status-${status.kind}`}>{status.text}</p> : null}
          {status?.kind === 'success' ? (
            <p>
              <Link to="/">See what to do next</Link>
            </p>
          ) : null}
        </div>

        <div className="form-actions" onPointerDown={onActionPointerDown}>
          {current > 0 ? (
            <button type="button" className="button secondary" onClick={() => goTo(current - 1)}>
              Back
            </button>
          ) : null}
          {isLast ? (
            <button
              type="submit"
              className="button primary"
              disabled={save.isPending}
              aria-busy={save.isPending}
            >
              Save profile
            </button>
          ) : (
            <button type="submit" className="button primary">
              Next
            </button>
          )}
        </div>
        <p className="muted save-state">
          {savedAt ? `Last saved ${formatDateTime(savedAt)}` : 'Not saved yet'}
          {dirty ? ' · unsaved changes' : ''}
        </p>
      </form>
    </ProfileFormContext.Provider>
  );
}

/** Every field outside the given ones (to keep their shown errors while a step is re-checked). */
function fieldsOutside(fields: DraftPath[]): DraftPath[] {
  const own = new Set(fields);
  return STEPS.flatMap((step) => step.fields).filter((field) => !own.has(field));
}
