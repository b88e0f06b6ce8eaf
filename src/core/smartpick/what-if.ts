import { plural } from '../shared/plural.js';
import { err, ok, type Result } from '../shared/result.js';
import { points } from './format.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { type Recommendation, type RecommendError, type RecommendInput, recommend } from './recommend.js';
import { NO_CONNECTIONS, type Tier } from './types.js';

/** One change to try. */
export type WhatIfChange =
  | { kind: 'step2ck'; delta: number }
  | { kind: 'usce'; months: number; usceKind?: 'hands-on' | 'observership' | 'research' }
  | { kind: 'rotation'; acgmeId: string }
  | { kind: 'signal'; count?: number };

export type WhatIfError =
  | RecommendError
  | { kind: 'invalid-change'; issues: { path: string; message: string }[] };

export interface WhatIfResult {
  change: WhatIfChange;
  /** The change in words. */
  description: string;
  before: Recommendation;
  after: Recommendation;
  difference: {
    pMatch: { before: number; after: number; delta: number };
    listSize: { before: number; after: number };
    cost: { before: number; after: number };
    /** On the new list, not the old. */
    added: string[];
    /** On the old list, not the new. */
    removed: string[];
    /**
     * Programs on either list whose tier changed. `signal` says when a preference signal moved there ('gained') or
     * away ('lost') in the same change: a signal moves P(interview), so the tier may move because of it alone.
     */
    tierChanges: { acgmeId: string; before: Tier | null; after: Tier | null; signal: SignalMove }[];
    summary: string;
  };
}

/** A preference signal that moved to a program ('gained') or away from it ('lost'); null when it stayed. */
export type SignalMove = 'gained' | 'lost' | null;

/** Words for a signal that moved, shared by the summary, the page and the CLI. */
export const SIGNAL_MOVE_TEXT: Record<Exclude<SignalMove, null>, string> = {
  gained: 'signal moved here',
  lost: 'signal moved away',
};

const USCE_FIELD = {
  'hands-on': 'handsOnMonths',
  observership: 'observershipMonths',
  research: 'researchMonths',
} as const;

/** The same input with one change applied, or the reason the change cannot apply. */
export function applyChange(
  input: RecommendInput,
  change: WhatIfChange,
): Result<{ input: RecommendInput; description: string }, WhatIfError> {
  const invalid = (path: string, message: string) =>
    err({ kind: 'invalid-change' as const, issues: [{ path, message }] });
  const profile = input.profile;
  switch (change.kind) {
    case 'step2ck': {
      if (profile.exams.step2ck === null)
        return invalid('change.delta', 'No Step 2 CK score to change: enter one first');
      if (!Number.isInteger(change.delta)) return invalid('change.delta', 'Use a whole number of points');
      const score = Math.min(300, Math.max(1, profile.exams.step2ck + change.delta));
      return ok({
        input: { ...input, profile: { ...profile, exams: { ...profile.exams, step2ck: score } } },
        description: `Step 2 CK ${profile.exams.step2ck} → ${score}`,
      });
    }
    case 'usce': {
      if (!(change.months > 0)) return invalid('change.months', 'Add at least some months');
      const kind = change.usceKind ?? 'hands-on';
      const field = USCE_FIELD[kind];
      const months = Math.min(120, profile.usce[field] + change.months);
      return ok({
        input: { ...input, profile: { ...profile, usce: { ...profile.usce, [field]: months } } },
        description: `${kind} U.S. clinical experience ${profile.usce[field]} → ${plural(months, 'month')}`,
      });
    }
    case 'rotation': {
      const program = input.programs.find((candidate) => candidate.acgmeId === change.acgmeId);
      if (program === undefined)
        return invalid('change.acgmeId', `No program ${change.acgmeId} in the catalog`);
      const connections = input.connections ?? {};
      const existing = connections[change.acgmeId] ?? NO_CONNECTIONS;
      return ok({
        input: {
          ...input,
          connections: { ...connections, [change.acgmeId]: { ...existing, rotated: true } },
        },
        description: `A rotation at ${program.name}`,
      });
    }
    case 'signal': {
      const extra = change.count ?? 1;
      if (!Number.isInteger(extra) || extra < 1) return invalid('change.count', 'Add at least one signal');
      const current = input.settings?.signals ?? (input.parameters ?? DEFAULT_PARAMETERS).defaults.signals;
      return ok({
        input: { ...input, settings: { ...input.settings, signals: current + extra } },
        description: `${current} → ${plural(current + extra, 'signal')}`,
      });
    }
  }
}

/**
 * Runs the recommendation with and without one change and reports the difference side by side.
 *
 * @example
 * const result = whatIf({ input, change: { kind: 'step2ck', delta: 10 } });
 * if (result.ok) result.value.difference.pMatch.delta; // e.g. +0.06
 */
export function whatIf(request: {
  input: RecommendInput;
  change: WhatIfChange;
}): Result<WhatIfResult, WhatIfError> {
  const changed = applyChange(request.input, request.change);
  if (!changed.ok) return changed;
  const before = recommend(request.input);
  if (!before.ok) return before;
  const after = recommend(changed.value.input);
  if (!after.ok) return after;
  return ok(compare(request.change, changed.value.description, before.value, after.value));
}

function compare(
  change: WhatIfChange,
  description: string,
  before: Recommendation,
  after: Recommendation,
): WhatIfResult {
  const beforeIds = new Set(before.list.map((entry) => entry.acgmeId));
  const afterIds = new Set(after.list.map((entry) => entry.acgmeId));
  const added = after.list.filter((entry) => !beforeIds.has(entry.acgmeId)).map((entry) => entry.acgmeId);
  const removed = before.list.filter((entry) => !afterIds.has(entry.acgmeId)).map((entry) => entry.acgmeId);
  const afterById = new Map(after.programs.map((entry) => [entry.acgmeId, entry]));
  const tierChanges: WhatIfResult['difference']['tierChanges'] = [];
  for (const entry of before.programs) {
    if (!beforeIds.has(entry.acgmeId) && !afterIds.has(entry.acgmeId)) continue;
    const next = afterById.get(entry.acgmeId);
    const nextTier = next?.tier ?? null;
    if (next !== undefined && nextTier !== entry.tier) {
      const signal: SignalMove = next.signaled === entry.signaled ? null : next.signaled ? 'gained' : 'lost';
      tierChanges.push({ acgmeId: entry.acgmeId, before: entry.tier, after: nextTier, signal });
    }
  }
  const bySignal = tierChanges.filter((entry) => entry.signal !== null).length;
  const delta = after.pMatch.probability - before.pMatch.probability;
  return {
    change,
    description,
    before,
    after,
    difference: {
      pMatch: { before: before.pMatch.probability, after: after.pMatch.probability, delta },
      listSize: { before: before.pMatch.listSize, after: after.pMatch.listSize },
      cost: { before: before.pMatch.cost, after: after.pMatch.cost },
      added,
      removed,
      tierChanges,
      summary: `${description}: P(match) ${points(delta)}; ${plural(added.length, 'program')} in, ${removed.length} out, ${plural(tierChanges.length, 'tier change')}${bySignal > 0 ? ` (${bySignal} where a signal moved)` : ''}.`,
    },
  };
}
