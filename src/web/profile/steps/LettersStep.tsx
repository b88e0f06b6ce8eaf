import { Link } from 'react-router';
import { describeLetterCounts } from '../../../core/network/letter-counts.js';
import { useLetters } from '../../lib/api/network.js';
import { NumberField, TextField } from '../fields.js';

/** Where the letter count comes from, said where it is typed (one rule: core/network/letter-counts.ts). */
function LetterSourceNote() {
  const letters = useLetters();
  const counts = letters.data?.readiness.counts;
  if (counts === undefined) return null;
  return (
    <p className="muted small" data-testid="letter-source">
      {counts.source === 'letters-board' ? (
        <>
          SmartPick, Home and Letters count the {describeLetterCounts(counts)}; these numbers are not used
          while the board holds letters. <Link to="/letters">Edit your letters</Link>.
        </>
      ) : (
        <>
          SmartPick, Home and Letters count these numbers until you add letters on the{' '}
          <Link to="/letters">Letters page</Link>; from then on, the letters there count.
        </>
      )}
    </p>
  );
}

export function LettersStep() {
  return (
    <>
      <fieldset className="subsection">
        <legend>Letters of recommendation</legend>
        <LetterSourceNote />
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
