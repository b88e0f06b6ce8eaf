import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { Tier } from '../../core/smartpick/types.js';
import {
  SIGNAL_MOVE_TEXT,
  type SignalMove,
  type WhatIfChange,
  type WhatIfResult,
} from '../../core/smartpick/what-if.js';
import { TIER_KEY_LABELS } from './tiers.js';

export type UsceKind = 'hands-on' | 'observership' | 'research';

/** The what-if panel's controls as typed. */
export interface WhatIfForm {
  kind: WhatIfChange['kind'];
  step2Delta: string;
  usceMonths: string;
  usceKind: UsceKind;
  rotationId: string;
  signalCount: string;
}

export const DEFAULT_WHAT_IF_FORM: WhatIfForm = {
  kind: 'step2ck',
  step2Delta: '10',
  usceMonths: '3',
  usceKind: 'hands-on',
  rotationId: '',
  signalCount: '1',
};

export const USCE_KIND_LABELS: Record<UsceKind, string> = {
  'hands-on': 'Hands-on',
  observership: 'Observership',
  research: 'Research',
};

export type ParsedWhatIf =
  | { ok: true; change: WhatIfChange }
  | { ok: false; field: 'step2Delta' | 'usceMonths' | 'rotationId' | 'signalCount'; message: string };

/**
 * The one change to try, or which control is wrong and why.
 *
 * @example parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, kind: 'step2ck', step2Delta: '10' }) // { ok: true, change: { kind: 'step2ck', delta: 10 } }
 */
export function parseWhatIf(form: WhatIfForm): ParsedWhatIf {
  switch (form.kind) {
    case 'step2ck': {
      const text = form.step2Delta.trim().replace(/^\+/, '');
      if (!/^-?\d+$/.test(text) || Number(text) === 0 || Math.abs(Number(text)) > 100) {
        return { ok: false, field: 'step2Delta', message: 'Enter whole points to add, e.g. 10 (or −10)' };
      }
      return { ok: true, change: { kind: 'step2ck', delta: Number(text) } };
    }
    case 'usce': {
      const text = form.usceMonths.trim();
      if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < 0.5 || Number(text) > 36) {
        return { ok: false, field: 'usceMonths', message: 'Enter months to add, from 0.5 to 36, e.g. 3' };
      }
      return { ok: true, change: { kind: 'usce', months: Number(text), usceKind: form.usceKind } };
    }
    case 'rotation':
      if (form.rotationId === '') return { ok: false, field: 'rotationId', message: 'Choose a program' };
      return { ok: true, change: { kind: 'rotation', acgmeId: form.rotationId } };
    case 'signal': {
      const text = form.signalCount.trim();
      if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 20) {
        return { ok: false, field: 'signalCount', message: 'Enter how many signals to add, from 1 to 20' };
      }
      return { ok: true, change: { kind: 'signal', count: Number(text) } };
    }
  }
}

export interface RotationOption {
  acgmeId: string;
  label: string;
}

/**
 * Programs to try a rotation at: those on the list first (in list order), then other evaluated programs by
 * name, filtered by a typed query (name, city, state or ACGME id); at most `limit` of the others.
 */
export function rotationOptions(
  programs: readonly ProgramVerdict[],
  query: string,
  limit = 300,
): { onList: RotationOption[]; offList: RotationOption[]; hidden: number } {
  const q = query.trim().toLowerCase();
  const matches = (v: ProgramVerdict) =>
    q === '' || `${v.name} ${v.city} ${v.state} ${v.acgmeId}`.toLowerCase().includes(q);
  const option = (v: ProgramVerdict) => ({ acgmeId: v.acgmeId, label: `${v.name} (${v.city}, ${v.state})` });
  const onList = programs
    .filter((v) => v.status === 'in' && matches(v))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map(option);
  const others = programs
    .filter((v) => v.status === 'out' && v.interview !== null && matches(v))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    onList,
    offList: others.slice(0, limit).map(option),
    hidden: Math.max(0, others.length - limit),
  };
}

export interface NamedChange {
  acgmeId: string;
  name: string;
  tier: Tier | null;
}

/**
 * One tier change as the what-if panel lists it; a change a signal moving caused says so.
 *
 * @example tierChangeText({ name: 'Riverside FM', before: 'likely', after: 'target', signal: 'lost' })
 * // "Riverside FM: Likely → Target (signal moved away)"
 */
export function tierChangeText(entry: {
  name: string;
  before: Tier | null;
  after: Tier | null;
  signal: SignalMove;
}): string {
  const tier = (value: Tier | null) => (value ? TIER_KEY_LABELS[value] : 'off the list');
  const why = entry.signal ? ` (${SIGNAL_MOVE_TEXT[entry.signal]})` : '';
  return `${entry.name}: ${tier(entry.before)} → ${tier(entry.after)}${why}`;
}

/** The what-if's added, removed and re-tiered programs with names (ids looked up in before/after). */
export function namedDifference(result: WhatIfResult): {
  added: NamedChange[];
  removed: NamedChange[];
  tierChanges: {
    acgmeId: string;
    name: string;
    before: Tier | null;
    after: Tier | null;
    signal: SignalMove;
  }[];
} {
  const after = new Map(result.after.programs.map((v) => [v.acgmeId, v]));
  const before = new Map(result.before.programs.map((v) => [v.acgmeId, v]));
  const named = (id: string, source: Map<string, ProgramVerdict>): NamedChange => {
    const verdict = source.get(id);
    return { acgmeId: id, name: verdict?.name ?? id, tier: verdict?.tier ?? null };
  };
  return {
    added: result.difference.added.map((id) => named(id, after)),
    removed: result.difference.removed.map((id) => named(id, before)),
    tierChanges: result.difference.tierChanges.map((change) => ({
      ...change,
      name: after.get(change.acgmeId)?.name ?? before.get(change.acgmeId)?.name ?? change.acgmeId,
    })),
  };
}
