import { CENSUS_DIVISIONS } from '../../../core/geo/census.js';
import { CheckboxGroupField } from '../fields.js';
import { StatePickerField } from '../StatePickerField.js';

export function GeographyStep() {
  return (
    <>
      <StatePickerField
        path="geography.preferredStates"
        legend="Preferred states"
        hint="States where you would most like to train."
      />
      <CheckboxGroupField
        path="geography.preferredDivisions"
        legend="Preferred regions (Census divisions)"
        options={CENSUS_DIVISIONS.map((division) => ({ value: division, label: division }))}
      />
      <StatePickerField
        path="geography.tiesStates"
        legend="States where you have ties"
        hint="Where you grew up, studied, worked or have family."
      />
      <StatePickerField
        path="geography.excludedStates"
        legend="Excluded states"
        hint="States you will not apply to."
      />
    </>
  );
}
