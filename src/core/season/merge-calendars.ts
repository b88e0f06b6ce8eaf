/**
 * One iCalendar file from several: the first calendar's header, then every VEVENT of all of them. Calendars
 * here are Matchwise's own (season-ics.ts, network ics.ts), so events carry no TZID that would need its
 * VTIMEZONE copied across.
 *
 * @example mergeCalendars(seasonIcs({ timeline, applications, now }), icsFromTasks(tasks, now))
 */
export function mergeCalendars(first: string, ...others: string[]): string {
  const lines = first.split('\r\n').filter((line) => line !== '');
  const end = lines.lastIndexOf('END:VCALENDAR');
  const head = end === -1 ? lines : lines.slice(0, end);
  const events = others.flatMap(veventLines);
  return `${[...head, ...events, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

/** The VEVENT blocks of a calendar, folded continuation lines included. */
function veventLines(calendar: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of calendar.split('\r\n')) {
    if (line === 'BEGIN:VEVENT') inside = true;
    if (inside) out.push(line);
    if (line === 'END:VEVENT') inside = false;
  }
  return out;
}
