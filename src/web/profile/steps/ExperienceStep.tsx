import { NumberField } from '../fields.js';

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
        <NumberField path="research.experiences" label="Research experiences" />
        <NumberField path="research.publications" label="Publications" />
        <NumberField path="research.presentations" label="Presentations and posters" />
      </fieldset>
    </>
  );
}
