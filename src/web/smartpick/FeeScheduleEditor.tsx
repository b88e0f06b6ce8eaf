import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { feeCycleLabel } from '../../core/smartpick/fee-cycle.js';
import { pluralNoun } from '../lib/labels.js';
import {
  addFeeTier,
  DEFAULT_FEE_SCHEDULE,
  describeFees,
  type FeeDraftField,
  type FeeScheduleDraft,
  parseFeeDraft,
  removeFeeTier,
  resetFeeDraft,
  setFeeTier,
  setFixedDollars,
  tierBounds,
  tierRange,
} from './fee-schedule-draft.js';
import { NumberInput } from './NumberInput.js';
import type { DraftField } from './settings-draft.js';

interface FeeScheduleEditorProps {
  fees: FeeScheduleDraft;
  /** The form's errors; the fee ones are named `fees.<field>`. */
  errors: Partial<Record<DraftField, string>>;
  onChange: (fees: FeeScheduleDraft) => void;
  /** The applicant's Match year, to label the fees by their cycle; absent until the list is built. */
  matchYear?: number | undefined;
}

/**
 * "Application fees": the schedule that turns a dollar budget into a number of programs, one row per tier of
 * program count, plus a fixed fee. Collapsed until opened (open from the start when a schedule of the user's own
 * is saved). Edits re-run the list like the budget does; "Save settings" keeps them.
 */
export function FeeScheduleEditor({ fees, errors, onChange, matchYear }: FeeScheduleEditorProps) {
  const id = useId();
  const [open, setOpen] = useState(fees.base !== null);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const parsed = useMemo(() => parseFeeDraft(fees), [fees]);
  const inUse = parsed.ok ? (parsed.schedule ?? DEFAULT_FEE_SCHEDULE) : null;
  const isDefault = parsed.ok && parsed.schedule === null;
  const error = (field: FeeDraftField) => errors[`fees.${field}`];
  const upToId = (tierId: number) => `${id}-tier-${tierId}-upto`;

  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const add = () => {
    const next = addFeeTier(fees);
    const tier = next.draft.tiers[next.index];
    onChange(next.draft);
    if (tier) setFocusId(upToId(tier.id));
    setAnnouncement(
      `Added fee tier ${next.index + 1}, up to ${tier?.upTo ?? ''} ${pluralNoun(Number(tier?.upTo), 'program')} at $${tier?.dollarsPerProgram ?? ''} each. Edit it below.`,
    );
  };
  const remove = (index: number) => {
    onChange(removeFeeTier(fees, index));
    addRef.current?.focus();
    setAnnouncement(`Removed fee tier ${index + 1}.`);
  };
  const reset = () => {
    onChange(resetFeeDraft());
    setAnnouncement(
      isDefault
        ? 'The ERAS default fees are already in use.'
        : 'Fees reset to the ERAS default. Save settings to keep it.',
    );
  };

  return (
    <details className="fee-editor" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Application fees{' '}
        <span className="fee-summary-detail">
          {inUse
            ? `— ${inUse.name}: ${describeFees(inUse)}`
            : '— fix the fees marked below; the list uses the last schedule that could be used'}
        </span>
      </summary>
      <fieldset className="fee-fieldset" aria-describedby={`${id}-in-use`}>
        {/* The summary shows the words; the legend names the group for screen readers. */}
        <legend className="visually-hidden">Application fees</legend>
        <p id={`${id}-in-use`} className="field-hint">
          {inUse ? (
            <>
              In use: {inUse.name}, {inUse.asOf}. Source: {inUse.source}.
              {matchYear === undefined ? null : <> For {feeCycleLabel(inUse, matchYear)}.</>}
            </>
          ) : (
            'Not in use until the fees marked below are fixed.'
          )}{' '}
          ERAS charges by how many programs of one specialty you apply to; the AAMC sets the fees each season.
        </p>
        <ol className="fee-tiers">
          {fees.tiers.map((tier, index) => {
            const n = index + 1;
            const last = index === fees.tiers.length - 1;
            const range = tierRange(fees, index);
            const from = last ? (tierBounds(fees, index)?.from ?? null) : null;
            return (
              <li key={tier.id}>
                <fieldset className="fee-tier">
                  <legend>
                    Tier {n}
                    {range ? <span className="fee-tier-range">: {range}</span> : null}
                  </legend>
                  <div className="fee-tier-fields">
                    {last ? (
                      <div className="field fee-open">
                        <span className="fee-open-label">Programs</span>
                        <span className="fee-open-value">
                          {from === null || from === 1 ? 'and above' : `${from} and above`}
                        </span>
                      </div>
                    ) : (
                      <NumberInput
                        id={upToId(tier.id)}
                        label={
                          <>
                            Programs up to<span className="visually-hidden"> (tier {n})</span>
                          </>
                        }
                        value={tier.upTo}
                        onChange={(value) => onChange(setFeeTier(fees, index, 'upTo', value))}
                        error={error(`tiers.${index}.upTo`)}
                        inputMode="numeric"
                      />
                    )}
                    <NumberInput
                      id={`${id}-tier-${tier.id}-dollars`}
                      label={
                        <>
                          Dollars per program<span className="visually-hidden"> (tier {n})</span>
                        </>
                      }
                      value={tier.dollarsPerProgram}
                      onChange={(value) => onChange(setFeeTier(fees, index, 'dollarsPerProgram', value))}
                      error={error(`tiers.${index}.dollarsPerProgram`)}
                      inputMode="decimal"
                    />
                    {fees.tiers.length > 1 ? (
                      <button
                        type="button"
                        className="button small secondary fee-remove"
                        aria-label={`Remove fee tier ${n}`}
                        onClick={() => remove(index)}
                      >
                        Remove
                      </button>
                    ) : null}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {error('tiers') ? (
          <p className="field-error" role="alert">
            {error('tiers')}
          </p>
        ) : null}
        <div className="actions fee-actions">
          <button type="button" className="button small secondary" ref={addRef} onClick={add}>
            Add fee tier
          </button>
          <button type="button" className="button small secondary" onClick={reset}>
            Reset to ERAS default
          </button>
        </div>
        <NumberInput
          id={`${id}-fixed`}
          label="Fixed fee (dollars)"
          value={fees.fixedDollars}
          onChange={(value) => onChange(setFixedDollars(fees, value))}
          error={error('fixedDollars')}
          hint="Paid once whatever the number of programs (e.g. the ECFMG token fee); 0 when none."
          inputMode="decimal"
        />
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </fieldset>
    </details>
  );
}
