import { NumberField } from '../fields.js';

const NOT_IN_ODDS = 'Does not change your odds in this model.';

export function ExperienceStep() {
  return (
    <>
      <NumberField
        path="graduationYear"
        label="Graduation year"
        hint="Year you graduated (or will graduate) from medical school."
      />
      <fieldset className="subsection">
        <legend>U.S. clinical experience (USCE)</legend>
        <NumberField
          path="usce.handsOnMonths"
          label="Hands-on months"
          inputMode="decimal"
          hint="Clerkships, sub-internships, externships."
        />
        <NumberField path="usce.observershipMonths" label="Observership months" inputMode="decimal" />
        <NumberField path="usce.researchMonths" label="Research months in the U.S." inputMode="decimal" />
      </fieldset>
      <fieldset className="subsection">
        <legend>Research</legend>
        <p className="muted small not-modelled-note">
          Research and publications do not change your odds in this model: no published figure in front of us
          sets their effect for family medicine. They are kept for your records and your application.
        </p>
        <NumberField path="research.experiences" label="Research experiences" hint={NOT_IN_ODDS} />
        <NumberField path="research.publications" label="Publications" hint={NOT_IN_ODDS} />
        <NumberField path="research.presentations" label="Presentations and posters" hint={NOT_IN_ODDS} />
      </fieldset>
    </>
  );
}
