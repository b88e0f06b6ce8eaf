import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { WhatIfChange, WhatIfResult } from '../../core/smartpick/what-if.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { api } from '../lib/api/client.js';
import { toProblem } from '../lib/api/problem.js';
import type { SmartPickOverride } from '../lib/api/types.js';
import { plural } from '../lib/labels.js';
import {
  formatDollars,
  formatExpected,
  formatPercent,
  formatPercentWithRange,
  formatPoints,
} from './format.js';
import { TIER_KEY_LABELS } from './tiers.js';
import {
  DEFAULT_WHAT_IF_FORM,
  namedDifference,
  parseWhatIf,
  rotationOptions,
  tierChangeText,
  USCE_KIND_LABELS,
  type UsceKind,
  type WhatIfForm,
} from './what-if-form.js';

const KIND_LABELS: Record<WhatIfChange['kind'], string> = {
  step2ck: 'A higher Step 2 CK score',
  usce: 'More U.S. clinical experience',
  rotation: 'A rotation at a program',
  signal: 'Add a signal',
};

interface WhatIfPanelProps {
  programs: readonly ProgramVerdict[];
  profile: ApplicantProfile | null;
  /** The settings the page shows, so "before" is the list on screen. */
  override: SmartPickOverride | null;
}

const tierText = (tier: ProgramVerdict['tier']) => (tier ? TIER_KEY_LABELS[tier] : 'off the list');

function ProgramNames({ title, items }: { title: string; items: { acgmeId: string; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="whatif-changes">
      <h4>
        {title} ({items.length})
      </h4>
      <ul className="small">
        {items.slice(0, 50).map((item) => (
          <li key={item.acgmeId}>{item.text}</li>
        ))}
        {items.length > 50 ? <li>…and {items.length - 50} more</li> : null}
      </ul>
    </div>
  );
}

/** Before and after side by side, then what moved on the list. */
function Comparison({ result }: { result: WhatIfResult }) {
  const { difference, before, after } = result;
  const named = namedDifference(result);
  const column = (heading: string, side: typeof before) => (
    <div className="whatif-side">
      <h4>{heading}</h4>
      <p className="big-number">
        <strong>{formatPercent(side.pMatch.probability)}</strong>
      </p>
      <dl className="details-grid">
        <dt>P(match)</dt>
        <dd>{formatPercentWithRange(side.pMatch.probability, side.pMatch.range)}</dd>
        <dt>Expected interviews</dt>
        <dd>{formatExpected(side.pMatch.expectedInterviews)}</dd>
        <dt>Programs</dt>
        <dd>{side.pMatch.listSize}</dd>
        <dt>Cost</dt>
        <dd>{formatDollars(side.pMatch.cost)}</dd>
      </dl>
    </div>
  );
  return (
    <div className="whatif-result">
      <h3>{result.description}</h3>
      <p className="whatif-delta">
        P(match) {formatPercent(difference.pMatch.before)} → {formatPercent(difference.pMatch.after)}{' '}
        <strong className={difference.pMatch.delta >= 0 ? 'is-up' : 'is-down'}>
          ({formatPoints(difference.pMatch.delta)})
        </strong>
      </p>
      <div className="whatif-sides">
        {column('Now', before)}
        {column('With the change', after)}
      </div>
      <p className="whatif-summary">{difference.summary}</p>
      <div className="whatif-lists">
        <ProgramNames
          title="Added to the list"
          items={named.added.map((entry) => ({
            acgmeId: entry.acgmeId,
            text: `${entry.name} (${tierText(entry.tier)})`,
          }))}
        />
        <ProgramNames
          title="Removed from the list"
          items={named.removed.map((entry) => ({ acgmeId: entry.acgmeId, text: entry.name }))}
        />
        <ProgramNames
          title="Tier changes"
          items={named.tierChanges.map((entry) => ({
            acgmeId: entry.acgmeId,
            // A tier that moved because a signal did says so: the change alone did not move it.
            text: tierChangeText(entry),
          }))}
        />
      </div>
      {named.added.length + named.removed.length + named.tierChanges.length === 0 ? (
        <p className="small">The same programs, in the same tiers.</p>
      ) : null}
    </div>
  );
}

/**
 * "What if…": try one change (Step 2 CK +N, N more months of USCE, a rotation at a program, more signals) and
 * see P(match) and the list before and after. Nothing is saved.
 */
export function WhatIfPanel({ programs, profile, override }: WhatIfPanelProps) {
  const id = useId();
  const [form, setForm] = useState<WhatIfForm>(DEFAULT_WHAT_IF_FORM);
  const [query, setQuery] = useState('');
  const [touched, setTouched] = useState(false);
  const options = useMemo(() => rotationOptions(programs, query), [programs, query]);
  const parsed = parseWhatIf(form);
  const compare = useMutation({
    mutationFn: (change: WhatIfChange) => api.whatIf(change, override ?? undefined),
  });
  const set = (patch: Partial<WhatIfForm>) => setForm((current) => ({ ...current, ...patch }));
  const fieldError = (field: string) =>
    touched && !parsed.ok && parsed.field === field ? parsed.message : undefined;
  const noStep2 = profile !== null && profile.exams.step2ck === null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (parsed.ok) compare.mutate(parsed.change);
  };

  const input = (
    field: 'step2Delta' | 'usceMonths' | 'signalCount',
    label: string,
    inputMode: 'numeric' | 'decimal',
  ) => {
    const error = fieldError(field);
    return (
      <div className="field field-number">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          value={form[field]}
          onChange={(event) => set({ [field]: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${field}-error` : undefined}
        />
        {error ? (
          <p id={`${id}-${field}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const rotationError = fieldError('rotationId');
  return (
    <section aria-labelledby={`${id}-heading`} className="card whatif">
      <h2 id={`${id}-heading`}>What if…</h2>
      <p className="muted">
        Try one change and compare P(match) and the list side by side. Nothing is saved to your profile.
      </p>
      <form onSubmit={submit} noValidate className="whatif-form">
        <fieldset className="field">
          <legend>Change to try</legend>
          <div className="choices choices-columns">
            {(Object.keys(KIND_LABELS) as WhatIfChange['kind'][]).map((kind) => (
              <div className="choice" key={kind}>
                <input
                  type="radio"
                  id={`${id}-kind-${kind}`}
                  name={`${id}-kind`}
                  checked={form.kind === kind}
                  onChange={() => set({ kind })}
                />
                <label htmlFor={`${id}-kind-${kind}`}>{KIND_LABELS[kind]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {form.kind === 'step2ck' ? (
          <>
            {input('step2Delta', 'Step 2 CK points to add', 'numeric')}
            {noStep2 ? (
              <p className="field-hint">Your profile has no Step 2 CK score yet; enter one there first.</p>
            ) : profile?.exams.step2ck != null ? (
              <p className="field-hint">Your score now: {profile.exams.step2ck}.</p>
            ) : null}
          </>
        ) : null}
        {form.kind === 'usce' ? (
          <div className="field-row">
            {input('usceMonths', 'Months to add', 'decimal')}
            <div className="field">
              <label htmlFor={`${id}-usce-kind`}>Kind of experience</label>
              <select
                id={`${id}-usce-kind`}
                value={form.usceKind}
                onChange={(event) => set({ usceKind: event.target.value as UsceKind })}
              >
                {(Object.keys(USCE_KIND_LABELS) as UsceKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {USCE_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        {form.kind === 'rotation' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-rotation-search`}>Find a program</label>
              <input
                id={`${id}-rotation-search`}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                aria-describedby={`${id}-rotation-count`}
              />
              <p id={`${id}-rotation-count`} className="field-hint" aria-live="polite">
                {plural(options.onList.length + options.offList.length + options.hidden, 'program')} match
                {options.hidden > 0 ? ` (the first ${options.offList.length} not on the list are shown)` : ''}
                .
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-rotation`}>Program to rotate at</label>
              <select
                id={`${id}-rotation`}
                value={form.rotationId}
                onChange={(event) => set({ rotationId: event.target.value })}
                aria-invalid={rotationError ? true : undefined}
                aria-describedby={rotationError ? `${id}-rotation-error` : undefined}
              >
                <option value="">Choose a program…</option>
                {options.onList.length > 0 ? (
                  <optgroup label="On your list">
                    {options.onList.map((option) => (
                      <option key={option.acgmeId} value={option.acgmeId}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {options.offList.length > 0 ? (
                  <optgroup label="Not on your list">
                    {options.offList.map((option) => (
                      <option key={option.acgmeId} value={option.acgmeId}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              {rotationError ? (
                <p id={`${id}-rotation-error`} className="field-error" role="alert">
                  {rotationError}
                </p>
              ) : null}
            </div>
          </>
        ) : null}
        {form.kind === 'signal' ? input('signalCount', 'Signal count to add', 'numeric') : null}
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={compare.isPending}
            aria-busy={compare.isPending}
          >
            Compare
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="whatif-status">
        {compare.isPending ? (
          <p>
            <span className="spinner" aria-hidden="true" />
            Comparing…
          </p>
        ) : compare.data ? (
          <p className="visually-hidden">{compare.data.difference.summary}</p>
        ) : null}
      </div>
      {compare.isError ? (
        <ProblemAlert problem={toProblem(compare.error)} heading="The comparison could not be made" />
      ) : null}
      {compare.data && !compare.isPending ? <Comparison result={compare.data} /> : null}
    </section>
  );
}
