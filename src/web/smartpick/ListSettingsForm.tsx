import { type FormEvent, useId } from 'react';
import { FeeScheduleEditor } from './FeeScheduleEditor.js';
import { NumberInput } from './NumberInput.js';
import type { DraftField, SettingsDraft } from './settings-draft.js';

interface ListSettingsFormProps {
  draft: SettingsDraft;
  errors: Partial<Record<DraftField, string>>;
  onChange: (draft: SettingsDraft) => void;
  /** Switch programs ↔ dollars, converting the amount. */
  onKindChange: (kind: SettingsDraft['budgetKind']) => void;
  onSave: () => void;
  saving: boolean;
  /** The form shows what is saved. */
  saved: boolean;
  /** "Updating…" while a new list is computed; the outcome after. */
  status: string;
  busy: boolean;
  /** What the budget pays for, e.g. "Pays for 52 programs under ERAS …", under the budget field. */
  budgetNote: string | null;
  /** The applicant's Match year (from the list), so the fees are labelled by their cycle. */
  matchYear?: number | undefined;
}

/**
 * Budget, signals, the stop threshold and the application fees. Every change re-runs the list (debounced) without
 * saving; "Save settings" keeps them for next time and for the CSV export.
 */
export function ListSettingsForm({
  draft,
  errors,
  onChange,
  onKindChange,
  onSave,
  saving,
  saved,
  status,
  busy,
  budgetNote,
  matchYear,
}: ListSettingsFormProps) {
  const id = useId();
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...draft, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  const dollars = draft.budgetKind === 'dollars';

  return (
    <form className="list-settings" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>Settings</h2>
      <fieldset className="field">
        <legend>Budget kind</legend>
        <div className="choices">
          {(['programs', 'dollars'] as const).map((kind) => (
            <div className="choice" key={kind}>
              <input
                type="radio"
                id={`${id}-kind-${kind}`}
                name={`${id}-kind`}
                value={kind}
                checked={draft.budgetKind === kind}
                onChange={() => onKindChange(kind)}
              />
              <label htmlFor={`${id}-kind-${kind}`}>{kind === 'programs' ? 'Programs' : 'Dollars'}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <NumberInput
        id={`${id}-budget`}
        label={dollars ? 'Budget (dollars)' : 'Budget (programs)'}
        value={dollars ? draft.dollars : draft.programs}
        onChange={(value) => set(dollars ? { dollars: value } : { programs: value })}
        error={errors.budget}
        hint={budgetNote ?? undefined}
        inputMode={dollars ? 'decimal' : 'numeric'}
      />
      <NumberInput
        id={`${id}-signals`}
        label="Signals"
        value={draft.signals}
        onChange={(value) => set({ signals: value })}
        error={errors.signals}
        hint="Preference signals you can send (ERAS sets the number each season)."
        inputMode="numeric"
      />
      <NumberInput
        id={`${id}-stop`}
        label="Stop when the next program adds less than (percentage points)"
        value={draft.stopThresholdPoints}
        onChange={(value) => set({ stopThresholdPoints: value })}
        error={errors.stopThresholdPoints}
        hint="0.1 means: stop once one more program would raise P(match) by less than 0.1 point."
        inputMode="decimal"
      />
      <FeeScheduleEditor
        fees={draft.fees}
        errors={errors}
        onChange={(fees) => set({ fees })}
        matchYear={matchYear}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={saving} aria-busy={saving}>
          Save settings
        </button>
      </div>
      <p className="muted small">
        {saved
          ? 'These settings are saved.'
          : 'Not saved: the list below uses these values. Save them to keep them and to export them.'}
      </p>
      <div className="list-status" role="status" aria-live="polite">
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {status}
      </div>
    </form>
  );
}
