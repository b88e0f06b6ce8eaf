/** Today's date as YYYY-MM-DD in UTC: the "as of" stamp on imported facts. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
