import { useId } from 'react';
import type { RegionMode } from '../../core/smartpick/settings.js';
import { plural } from '../lib/labels.js';

/** The choices, in order, with what each does to the list (settings.ts: OUTSIDE_SHARE). */
export const REGION_MODE_CHOICES: { mode: RegionMode; label: string; effect: string }[] = [
  { mode: 'any', label: 'Any', effect: 'Chance only: programs anywhere can fill the list.' },
  { mode: 'prefer', label: 'Prefer', effect: 'At most 40% of the list outside your places.' },
  {
    mode: 'strongly-prefer',
    label: 'Strongly prefer',
    effect: 'At most 10% of the list outside your places.',
  },
];

interface RegionsControlProps {
  /** The mode in effect (the saved one, or the default: "prefer" when your profile names places). */
  mode: RegionMode;
  /** The states, divisions and regions your profile names. */
  stated: readonly string[];
  /** Programs outside your places on the list now, and the most the mode allows (null: no cap). */
  outsideOnList: number;
  outsideCap: number | null;
  busy: boolean;
  onChange: (mode: RegionMode) => void;
}

/**
 * "My places: any / prefer / strongly prefer": how much chance to trade for where you want to live. Saved with
 * the SmartPick settings as soon as it is chosen; the list is rebuilt with it.
 */
export function RegionsControl({
  mode,
  stated,
  outsideOnList,
  outsideCap,
  busy,
  onChange,
}: RegionsControlProps) {
  const id = useId();
  const noPlaces = stated.length === 0;
  return (
    <fieldset className="field regions-control" aria-describedby={`${id}-effect`} disabled={busy}>
      <legend>My places</legend>
      <div className="choices">
        {REGION_MODE_CHOICES.map((choice) => (
          <div className="choice" key={choice.mode}>
            <input
              type="radio"
              id={`${id}-${choice.mode}`}
              name={`${id}-mode`}
              value={choice.mode}
              checked={mode === choice.mode}
              onChange={() => onChange(choice.mode)}
            />
            <label htmlFor={`${id}-${choice.mode}`}>{choice.label}</label>
          </div>
        ))}
      </div>
      <p id={`${id}-effect`} className="muted small">
        {noPlaces
          ? 'Your profile names no states, divisions or regions, so this changes nothing yet: add places in your profile’s geography step.'
          : `Your places: ${stated.join(', ')}. ${REGION_MODE_CHOICES.find((c) => c.mode === mode)?.effect ?? ''} “Prefer” keeps at most 40% and “strongly prefer” at most 10% of the list outside them, trading some chance for place; “any” looks at chance only.`}
        {!noPlaces && outsideCap !== null
          ? ` Now ${outsideOnList} of at most ${plural(outsideCap, 'program')} on the list ${outsideOnList === 1 ? 'is' : 'are'} outside your places.`
          : ''}
      </p>
    </fieldset>
  );
}
