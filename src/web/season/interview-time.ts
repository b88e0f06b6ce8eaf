/**
 * Interview times as the API stores them: an instant with its offset (`2026-12-03T09:00:00-06:00`) beside the
 * program's IANA time zone. The form edits the program's wall-clock time (`2026-12-03T09:00` in a
 * datetime-local input) and these helpers convert both ways without a date library.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The offset of a zone at an instant, in minutes east of UTC (Chicago in December: -360). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time in a zone as an ISO instant with that zone's offset, or null when the text is not a
 * `YYYY-MM-DDTHH:mm` time or the zone is unknown.
 *
 * @example zonedToOffsetIso('2026-12-03T09:00', 'America/Chicago') // '2026-12-03T09:00:00-06:00'
 */
export function zonedToOffsetIso(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // Guess with the offset at the wall time read as UTC, then correct once (right across DST changes).
    let offset = zoneOffsetMinutes(new Date(wallAsUtc), timeZone);
    offset = zoneOffsetMinutes(new Date(wallAsUtc - offset * 60_000), timeZone);
    return `${local}:00${formatOffset(offset)}`;
  } catch {
    return null;
  }
}

/**
 * The wall-clock time of an instant in a zone, for a datetime-local input.
 *
 * @example offsetIsoToZoned('2026-12-03T15:00:00Z', 'America/Chicago') // '2026-12-03T09:00'
 */
export function offsetIsoToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  try {
    const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
    return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  } catch {
    return '';
  }
}

/** True for an IANA zone this browser knows, e.g. America/Chicago. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Dec 3, 2026, 9:00 AM (America/Chicago)": the program's local time, as the applicant will be told it. */
export function formatInterviewTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    const text = instant.toLocaleString('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    return `${text} (${timeZone})`;
  } catch {
    return iso;
  }
}

/** US zones first: the ones a US family medicine program is in. */
export const COMMON_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const;
