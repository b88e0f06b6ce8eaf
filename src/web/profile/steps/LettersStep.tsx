import { NumberField, TextField } from '../fields.js';

export function LettersStep() {
  return (
    <>
      <fieldset className="subsection">
        <legend>Letters of recommendation</legend>
        <NumberField path="letters.total" label="Letters in total" />
        <NumberField path="letters.us" label="Letters from U.S. physicians" />
        <NumberField path="letters.inSpecialty" label="Letters from your target specialty" />
      </fieldset>
      <TextField
        path="languages"
        label="Languages you speak"
        hint="Separate languages with commas, e.g. English, Spanish."
      />
    </>
  );
}
