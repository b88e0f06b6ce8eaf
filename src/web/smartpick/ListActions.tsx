import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { SyntheticBadge } from '../programs/ProgramTable.js';

/**
 * Pin, exclude and stars, shared by the list and the programs off it; each change saves the settings and
 * re-runs the list.
 */
export interface ListActions {
  pins: ReadonlySet<string>;
  excludes: ReadonlySet<string>;
  /** The user's stars, 1–5, by ACGME id; a program without a key is not rated. */
  stars: Readonly<Record<string, number>>;
  /** A pin or exclusion is being saved: further clicks wait. */
  busy: boolean;
  onTogglePin: (verdict: ProgramVerdict) => void;
  onToggleExclude: (verdict: ProgramVerdict) => void;
  /** 0 removes the rating. */
  onSetStars: (verdict: ProgramVerdict, stars: number) => void;
}

const STAR_CHOICES = [0, 1, 2, 3, 4, 5] as const;

/**
 * The user's 0–5 star rating of a program, a select named "Stars for <program>" (one keystroke, one save). Stars
 * feed the fit score, which breaks near-ties between programs; they never change P(interview).
 */
export function StarsSelect({ verdict, actions }: { verdict: ProgramVerdict; actions: ListActions }) {
  const stars = actions.stars[verdict.acgmeId] ?? 0;
  return (
    <div className="stars-field">
      <select
        className="stars-select"
        aria-label={`Stars for ${verdict.name}`}
        title="Your rating: stars make a program fit you better when chances are close"
        value={stars}
        onChange={(event) => actions.onSetStars(verdict, Number(event.target.value))}
      >
        {STAR_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? 'Not rated' : plural(n, 'star')}
          </option>
        ))}
      </select>
      {stars > 0 ? (
        <span className="stars-glyphs" aria-hidden="true">
          {'★'.repeat(stars)}
          <span className="stars-empty">{'☆'.repeat(5 - stars)}</span>
        </span>
      ) : null}
    </div>
  );
}

export function ProgramName({ verdict, synthetic }: { verdict: ProgramVerdict; synthetic: boolean }) {
  return (
    <>
      <span className="program-name">{verdict.name}</span>
      {synthetic ? <SyntheticBadge /> : null}
      <span className="program-place">
        {verdict.city}, {verdict.state}
      </span>
    </>
  );
}

/** Two toggle buttons (aria-pressed); their names carry the program so each is unique on the page. */
export function PinExcludeButtons({ verdict, actions }: { verdict: ProgramVerdict; actions: ListActions }) {
  const pinned = actions.pins.has(verdict.acgmeId);
  const excluded = actions.excludes.has(verdict.acgmeId);
  return (
    <div className="row-actions">
      <button
        type="button"
        className={`button small toggle${pinned ? ' is-on' : ''}`}
        aria-pressed={pinned}
        aria-label={`Pin ${verdict.name}`}
        aria-disabled={actions.busy || undefined}
        title={
          pinned ? 'Pinned: always on the list. Select to unpin.' : 'Always keep this program on the list'
        }
        onClick={() => {
          if (!actions.busy) actions.onTogglePin(verdict);
        }}
      >
        Pin
      </button>
      <button
        type="button"
        className={`button small toggle${excluded ? ' is-on' : ''}`}
        aria-pressed={excluded}
        aria-label={`Exclude ${verdict.name}`}
        aria-disabled={actions.busy || undefined}
        title={
          excluded
            ? 'Excluded: never on the list. Select to include again.'
            : 'Never put this program on the list'
        }
        onClick={() => {
          if (!actions.busy) actions.onToggleExclude(verdict);
        }}
      >
        Exclude
      </button>
    </div>
  );
}
