import type { SimulationResult } from '../lib/api/season.js';

/** A finished simulation as kept between visits: what it was for, when, and its result. */
export interface StoredSimulation {
  label: string;
  /** The rank list it simulated, first choice first (ACGME ids). */
  order: string[];
  /** When it finished (ISO instant). */
  at: string;
  result: SimulationResult;
}

const KEY = 'matchwise.lastSimulation';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const browserStore = (): Store | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

function isStored(value: unknown): value is StoredSimulation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const result = v.result as Record<string, unknown> | undefined;
  return (
    typeof v.label === 'string' &&
    typeof v.at === 'string' &&
    Array.isArray(v.order) &&
    v.order.every((id) => typeof id === 'string') &&
    typeof result === 'object' &&
    result !== null &&
    typeof result.pMatch === 'number' &&
    Array.isArray(result.ci95)
  );
}

/** The last finished simulation kept in this browser, or null (none, unreadable, or from an older shape). */
export function loadLastSimulation(store: Store | null = browserStore()): StoredSimulation | null {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? 'null');
    return isStored(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveLastSimulation(run: StoredSimulation, store: Store | null = browserStore()): void {
  try {
    store?.setItem(KEY, JSON.stringify(run));
  } catch {
    // Storage can be full or disabled: the result stays on screen, it is just not kept for the next visit.
  }
}

/** Whether the list on screen is the one a simulation was for (same programs, same order). */
export const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);
