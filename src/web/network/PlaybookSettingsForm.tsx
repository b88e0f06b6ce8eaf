import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { defaultMatchDay } from '../../core/network/network-settings.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { type NetworkSettings, networkApi, networkKeys, useNetworkSettings } from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { InputField } from './fields.js';
import { focusFirstInvalid, serverErrorsByField } from './form-errors.js';
import { formatDay } from './labels.js';
import {
  type SettingsFormDraft,
  type SettingsFormField,
  settingsFieldOfPath,
  settingsToDraft,
  validateSettingsForm,
} from './settings-form.js';

type Errors = Partial<Record<SettingsFormField, string>>;

/**
 * "Playbook settings": the timings the playbook's tasks use and the letters target. Checked with the core
 * networkSettingsSchema as the user leaves a field and on save; the server's field errors land under the same
 * fields. Saving refreshes the tasks and the letters readiness (Tasks, Letters and Home).
 */
export function PlaybookSettingsForm({ labelledBy }: { labelledBy: string }) {
  const settings = useNetworkSettings();
  if (settings.isPending) return <p className="busy-status">Loading your playbook settings…</p>;
  if (settings.isError) {
    return (
      <ProblemAlert
        problem={toProblem(settings.error)}
        heading="Your playbook settings could not be loaded"
        onRetry={() => void settings.refetch()}
      />
    );
  }
  return <SettingsForm saved={settings.data} labelledBy={labelledBy} />;
}

function SettingsForm({ saved, labelledBy }: { saved: NetworkSettings; labelledBy: string }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsFormDraft>(() => settingsToDraft(saved));
  const [touched, setTouched] = useState<Partial<Record<SettingsFormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');

  // Another tab or a refetch brought newer settings: show them unless the user is mid-edit.
  const [seen, setSeen] = useState(saved);
  useEffect(() => {
    if (saved !== seen) {
      setSeen(saved);
      if (Object.keys(touched).length === 0) setDraft(settingsToDraft(saved));
    }
  }, [saved, seen, touched]);

  const defaultDay = defaultMatchDay(currentMatchYear(new Date()));
  const validation = validateSettingsForm(draft);
  const clientErrors: Errors = validation.ok ? {} : validation.errors;
  const errorFor = (field: SettingsFormField) =>
    (submitted || touched[field] ? clientErrors[field] : undefined) ?? serverErrors[field];

  const save = useMutation({
    mutationFn: networkApi.saveSettings,
    onMutate: () => setMessage(''),
    onSuccess: async (next) => {
      queryClient.setQueryData(networkKeys.settings, next);
      setSeen(next);
      setDraft(settingsToDraft(next));
      setTouched({});
      setSubmitted(false);
      setMessage('Playbook settings saved. Tasks and letters are updated.');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: networkKeys.allTasks }),
        queryClient.invalidateQueries({ queryKey: networkKeys.letters }),
        queryClient.invalidateQueries({ queryKey: networkKeys.allContactDetails }),
      ]);
    },
    onError: (error) => {
      setServerErrors(serverErrorsByField(error, settingsFieldOfPath));
    },
  });

  const set = (field: SettingsFormField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
    setMessage('');
  };
  const touch = (field: SettingsFormField) => () => setTouched((current) => ({ ...current, [field]: true }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!validation.ok) {
      focusFirstInvalid(event.currentTarget as HTMLFormElement, validation.errors);
      return;
    }
    save.mutate(validation.value);
  };

  const field = (
    name: SettingsFormField,
    label: string,
    extra: Partial<Parameters<typeof InputField>[0]> = {},
  ) => (
    <InputField
      name={name}
      label={label}
      value={draft[name]}
      onChange={set(name)}
      onBlur={touch(name)}
      error={errorFor(name)}
      {...extra}
    />
  );

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <div className="form-grid">
        {field('applicationSubmitDate', 'Application submission date', {
          type: 'date',
          hint: 'The day you plan to submit in ERAS. Leave empty until you decide.',
        })}
        {field('matchDay', 'Match Day', {
          type: 'date',
          placeholder: defaultDay,
          hint: `Leave empty for the usual third Friday in March: ${formatDay(defaultDay)}.`,
        })}
        {field('mentorUpdateDays', 'Days between mentor updates', {
          type: 'number',
          min: 7,
          max: 365,
          hint: '7 to 365.',
        })}
        {field('giveBeforeAskN', 'Flag after this many requests in a row', {
          type: 'number',
          min: 1,
          max: 20,
          hint: 'Asks of one contact without giving anything back, 1 to 20.',
        })}
        {field('usFamilyMedicine', 'U.S. family medicine letters needed', {
          type: 'number',
          min: 0,
          max: 10,
        })}
        {field('total', 'Letters needed in all', { type: 'number', min: 1, max: 10 })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending} aria-busy={save.isPending}>
          Save playbook settings
        </button>
      </div>
      <div role="status" aria-live="polite" className="form-status">
        {message ? <p className="status-success">{message}</p> : null}
      </div>
      {save.isError && Object.keys(serverErrors).length === 0 ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The playbook settings could not be saved" />
      ) : null}
    </form>
  );
}
