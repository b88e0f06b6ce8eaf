const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a "Connected On" date into ISO form. LinkedIn writes "15 Mar 2023"; people who touched the file in a
 * spreadsheet end up with "3/15/2023" (US order, the only one a US app sees) or "2023-03-15".
 * Null when the text is not a real calendar date (31 Feb is refused, not rolled over into March).
 *
 * @example
 * parseConnectedOn('07 Aug 2024') // '2024-08-07'
 */
export function parseConnectedOn(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -](\d{4})$/.exec(value);
  if (match) {
    const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
    return isoDate(Number(match[3]), month, Number(match[1]));
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (match) return isoDate(Number(match[3]), Number(match[1]), Number(match[2]));
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; UTC so no time zone can shift it.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
