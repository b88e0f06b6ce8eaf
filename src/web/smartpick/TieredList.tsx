import { Fragment, useState } from 'react';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { SmartPickOverride } from '../lib/api/types.js';
import { plural } from '../lib/labels.js';
import { SyntheticBadge } from '../programs/ProgramTable.js';
import { checksText } from './explain.js';
import { formatPercent, formatPercentWithRange, formatPoints } from './format.js';
import { groupByTier, TIER_DESCRIPTIONS, TIER_KEY_LABELS } from './tiers.js';
import { WhyPanel } from './WhyPanel.js';

/** Pin and exclude, shared by the list and the programs off it; each click saves the settings and re-runs. */
export interface ListActions {
  pins: ReadonlySet<string>;
  excludes: ReadonlySet<string>;
  /** A change is being saved: further clicks wait. */
  busy: boolean;
  onTogglePin: (verdict: ProgramVerdict) => void;
  onToggleExclude: (verdict: ProgramVerdict) => void;
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

const COLUMNS = 9;

/**
 * The list grouped by tier, one table per tier in list order. Each row can explain itself ("Why?" opens a row
 * below it) and be pinned or excluded. Tables scroll inside their own box on narrow screens.
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
