import { CENSUS_DIVISIONS, CENSUS_REGIONS } from '../../../core/geo/census.js';
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
        path="geography.preferredRegions"
        legend="Preferred regions (Census regions)"
        options={CENSUS_REGIONS.map((region) => ({ value: region, label: region }))}
      />
      <CheckboxGroupField
        path="geography.preferredDivisions"
        legend="Preferred divisions (Census divisions, finer than regions)"
        options={CENSUS_DIVISIONS.map((division) => ({ value: division, label: division }))}
      />
      <p className="muted small">
        Your states, regions and divisions together are “your places”. On My list, “My places” sets how much
        they weigh: prefer keeps at most 40% of the list outside them, strongly prefer at most 10%.
      </p>
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
