/**
 * Calendar-day arithmetic on ISO dates (YYYY-MM-DD). The network works in whole days: a thank-you is "due in
 * 2 days", not at 14:32. Days are UTC days so that the same data gives the same tasks on every machine; an
 * adapter that wants the user's local day passes a `now` whose UTC date is that day.
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, e.g. 2026-11-25. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function toUtcMs(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(toUtcMs(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The later of two ISO dates (they compare correctly as strings). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
