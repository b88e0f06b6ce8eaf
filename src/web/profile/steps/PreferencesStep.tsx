import {
  PROGRAM_TYPE_PREFERENCES,
  RURAL_PREFERENCES,
  SIZE_PREFERENCES,
} from '../../../core/profile/applicant-profile.js';
import {
  PROGRAM_TYPE_PREFERENCE_LABELS,
  RURAL_PREFERENCE_LABELS,
  SIZE_PREFERENCE_LABELS,
} from '../../lib/labels.js';
import { NumberField, RadioField, SelectField } from '../fields.js';
import { useProfileForm } from '../form-context.js';

export function PreferencesStep() {
  const { draft } = useProfileForm();
  return (
    <>
      <fieldset className="subsection">
        <legend>Programs you prefer</legend>
        <SelectField
          path="programPreferences.type"
          label="Program type"
          options={PROGRAM_TYPE_PREFERENCES.map((value) => ({
            value,
            label: PROGRAM_TYPE_PREFERENCE_LABELS[value],
          }))}
        />
        <SelectField
          path="programPreferences.size"
          label="Program size"
          options={SIZE_PREFERENCES.map((value) => ({ value, label: SIZE_PREFERENCE_LABELS[value] }))}
        />
        <SelectField
          path="programPreferences.rural"
          label="Rural programs"
          options={RURAL_PREFERENCES.map((value) => ({ value, label: RURAL_PREFERENCE_LABELS[value] }))}
        />
      </fieldset>
      <fieldset className="subsection">
        <legend>Application budget</legend>
        <RadioField
          path="budget.kind"
          legend="Budget as"
          options={[
            { value: 'programs', label: 'Number of programs' },
            { value: 'dollars', label: 'Dollars' },
          ]}
        />
        {draft['budget.kind'] === 'programs' ? (
          <NumberField path="budget.programs" label="Programs you can apply to" />
        ) : (
          <NumberField
            path="budget.dollars"
            label="Budget in U.S. dollars"
            inputMode="decimal"
            hint="What you can spend on application fees."
          />
        )}
      </fieldset>
    </>
  );
}
