import { Fragment, useState } from 'react';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { SmartPickOverride } from '../lib/api/types.js';
import { plural } from '../lib/labels.js';
import { SyntheticBadge } from '../programs/ProgramTable.js';
import { checksText } from './explain.js';
import { formatPercent, formatPercentWithRange, formatPoints } from './format.js';
import { groupByTier, TIER_DESCRIPTIONS, TIER_KEY_LABELS } from './tiers.js';
import { WhyPanel } from './WhyPanel.js';

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

interface TieredListProps {
  list: readonly ProgramVerdict[];
  syntheticIds: ReadonlySet<string>;
  actions: ListActions;
  override: SmartPickOverride | null;
}

const COLUMNS = 10;

/**
 * The list grouped by tier, one table per tier in list order. Each row can explain itself ("Why?" opens a row
 * below it), be pinned or excluded, and be rated with stars. Tables scroll inside their own box on narrow screens.
 */
export function TieredList({ list, syntheticIds, actions, override }: TieredListProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (acgmeId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(acgmeId)) next.delete(acgmeId);
      else next.add(acgmeId);
      return next;
    });

  return (
    <>
      {groupByTier(list).map((group) => {
        const headingId = `tier-${group.tier}-heading`;
        return (
          <section key={group.tier} className={`tier-group is-${group.tier}`} aria-labelledby={headingId}>
            <h3 id={headingId}>
              <span className={`tier-swatch is-${group.tier}`} aria-hidden="true" />
              {TIER_KEY_LABELS[group.tier]}{' '}
              <span className="muted tier-count">({plural(group.programs.length, 'program')})</span>
            </h3>
            <p className="muted small">{TIER_DESCRIPTIONS[group.tier]}</p>
            {group.programs.length === 0 ? (
              <p className="small">No {TIER_KEY_LABELS[group.tier].toLowerCase()} programs on this list.</p>
            ) : (
              <section
                className="table-scroll"
                aria-label={`${TIER_KEY_LABELS[group.tier]} programs table`}
                tabIndex={0}
              >
                <table className="data-table list-table">
                  <caption className="visually-hidden">
                    {TIER_KEY_LABELS[group.tier]} programs on your list, in list order
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        #
                      </th>
                      <th scope="col">Program</th>
                      <th scope="col">Tier</th>
                      <th scope="col">P(interview) (range)</th>
                      <th scope="col">Signal</th>
                      <th scope="col">Pin / exclude</th>
                      <th scope="col">Your stars</th>
                      <th scope="col" className="num">
                        Adds to P(match)
                      </th>
                      <th scope="col">Checks</th>
                      <th scope="col">Explanation</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.programs.map((verdict) => {
                      const expanded = open.has(verdict.acgmeId);
                      const panelId = `why-${verdict.acgmeId}`;
                      return (
                        <Fragment key={verdict.acgmeId}>
                          <tr className={expanded ? 'is-expanded' : undefined}>
                            <td className="num">{verdict.position}</td>
                            <th scope="row" className="name-cell">
                              <ProgramName verdict={verdict} synthetic={syntheticIds.has(verdict.acgmeId)} />
                              {verdict.pinned ? <span className="badge badge-pinned">pinned</span> : null}
                            </th>
                            <td>
                              {verdict.tier ? (
                                <span className={`tier-tag is-${verdict.tier}`}>
                                  {TIER_KEY_LABELS[verdict.tier]}
                                </span>
                              ) : (
                                '—'
                              )}
                            </td>
                            <td className="nowrap">
                              {verdict.interview
                                ? formatPercentWithRange(
                                    verdict.interview.probability,
                                    verdict.interview.range,
                                  )
                                : '—'}
                              {verdict.signaled && verdict.interviewWithoutSignal !== null ? (
                                <span className="muted small block">
                                  {formatPercent(verdict.interviewWithoutSignal)} without a signal
                                </span>
                              ) : null}
                            </td>
                            <td className="signal-cell">
                              {verdict.signaled ? (
                                <>
                                  <span aria-hidden="true">✓</span>
                                  <span className="visually-hidden">Signal</span>
                                </>
                              ) : null}
                            </td>
                            <td>
                              <PinExcludeButtons verdict={verdict} actions={actions} />
                            </td>
                            <td>
                              <StarsSelect verdict={verdict} actions={actions} />
                            </td>
                            <td className="num nowrap">
                              {verdict.marginalGain === null ? '—' : formatPoints(verdict.marginalGain)}
                            </td>
                            <td className="checks-cell">
                              {verdict.checks.length > 0 ? (
                                <span title={verdict.checks.map((check) => check.whatToCheck).join('\n')}>
                                  {checksText(verdict.checks)}
                                </span>
                              ) : (
                                <span className="muted">none</span>
                              )}
                            </td>
                            <td>
                              <button
                                type="button"
                                className="button small ghost"
                                aria-expanded={expanded}
                                aria-controls={expanded ? panelId : undefined}
                                aria-label={`Why? ${verdict.name}`}
                                onClick={() => toggle(verdict.acgmeId)}
                              >
                                Why?
                              </button>
                            </td>
                          </tr>
                          {expanded ? (
                            <tr className="why-row">
                              <td colSpan={COLUMNS}>
                                <WhyPanel id={panelId} verdict={verdict} override={override} />
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            )}
          </section>
        );
      })}
    </>
  );
}
