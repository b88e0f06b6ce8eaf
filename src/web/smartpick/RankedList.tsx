import { Fragment, useState } from 'react';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { SmartPickOverride } from '../lib/api/types.js';
import { checksText } from './explain.js';
import { formatPercent, formatPercentWithRange, formatPoints } from './format.js';
import { type ListActions, PinExcludeButtons, ProgramName, StarsSelect } from './ListActions.js';
import { TIER_DESCRIPTIONS, TIER_KEY_LABELS, TIERS } from './tiers.js';
import { WhyPanel } from './WhyPanel.js';

interface RankedListProps {
  list: readonly ProgramVerdict[];
  syntheticIds: ReadonlySet<string>;
  actions: ListActions;
  override: SmartPickOverride | null;
  /** The suggested stop point's size: programs after it are marked "past the stop point". */
  stopAfter: number;
}

const COLUMNS = 7;

/** List order: position 1 first; a program without a position (none today) goes last. */
export function inListOrder(list: readonly ProgramVerdict[]): ProgramVerdict[] {
  const at = (verdict: ProgramVerdict) => verdict.position ?? Number.POSITIVE_INFINITY;
  return [...list].sort((a, b) => at(a) - at(b));
}

/**
 * The list as one table in list order, #1 first, each row tagged with its tier. "Why?" sits beside the program's
 * name, so it is in view at any width. Below 48rem the stylesheet lays each row out as a card (each cell names
 * itself through `data-label`), so a phone never scrolls sideways.
 */
export function RankedList({ list, syntheticIds, actions, override, stopAfter }: RankedListProps) {
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
      <dl className="tier-key small">
        {TIERS.map((tier) => (
          <div key={tier}>
            <dt>
              <span className={`tier-tag is-${tier}`}>{TIER_KEY_LABELS[tier]}</span>
            </dt>
            <dd className="muted">{TIER_DESCRIPTIONS[tier]}</dd>
          </div>
        ))}
      </dl>
      <table className="data-table list-table">
        <caption className="visually-hidden">Programs on your list, in list order</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Program</th>
            <th scope="col">Tier</th>
            <th scope="col">P(interview) (range)</th>
            <th scope="col" className="num">
              Adds to P(match)
            </th>
            <th scope="col">Checks</th>
            <th scope="col">Your choices</th>
          </tr>
        </thead>
        <tbody>
          {inListOrder(list).map((verdict) => {
            const expanded = open.has(verdict.acgmeId);
            const panelId = `why-${verdict.acgmeId}`;
            const pastStop = verdict.position !== null && verdict.position > stopAfter;
            return (
              <Fragment key={verdict.acgmeId}>
                <tr className={expanded ? 'is-expanded' : undefined}>
                  <td className="num position-cell" data-label="#">
                    {verdict.position}
                    {pastStop ? <span className="muted small block">past the stop point</span> : null}
                  </td>
                  <th scope="row" className="name-cell">
                    <ProgramName verdict={verdict} synthetic={syntheticIds.has(verdict.acgmeId)} />
                    {verdict.pinned ? <span className="badge badge-pinned">pinned</span> : null}
                    {verdict.signaled ? <span className="badge badge-signal">signal</span> : null}
                    <button
                      type="button"
                      className="button small ghost why-button"
                      aria-expanded={expanded}
                      aria-controls={expanded ? panelId : undefined}
                      aria-label={`Why? ${verdict.name}`}
                      onClick={() => toggle(verdict.acgmeId)}
                    >
                      Why?
                    </button>
                  </th>
                  <td data-label="Tier">
                    {verdict.tier ? (
                      <span className={`tier-tag is-${verdict.tier}`}>{TIER_KEY_LABELS[verdict.tier]}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label="P(interview)">
                    {verdict.interview
                      ? formatPercentWithRange(verdict.interview.probability, verdict.interview.range)
                      : '—'}
                    {verdict.signaled && verdict.interviewWithoutSignal !== null ? (
                      <span className="muted small block">
                        {formatPercent(verdict.interviewWithoutSignal)} without a signal
                      </span>
                    ) : null}
                  </td>
                  <td className="num nowrap" data-label="Adds to P(match)">
                    {verdict.marginalGain === null ? '—' : formatPoints(verdict.marginalGain)}
                  </td>
                  <td className="checks-cell" data-label="Checks">
                    {verdict.checks.length > 0 ? (
                      <span title={verdict.checks.map((check) => check.whatToCheck).join('\n')}>
                        {checksText(verdict.checks)}
                      </span>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td className="choices-cell" data-label="Your choices">
                    <PinExcludeButtons verdict={verdict} actions={actions} />
                    <StarsSelect verdict={verdict} actions={actions} />
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
    </>
  );
}
