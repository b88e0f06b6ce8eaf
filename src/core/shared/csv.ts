export type CsvCell = string | number | boolean | null | undefined;

/**
 * First characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and tab or carriage return, which some of them skip before looking for the others.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: every cell that needs it quoted, CRLF line ends (what spreadsheet apps expect).
 * Every text cell a spreadsheet would run as a formula gets a leading apostrophe, so no export can carry one.
 *
 * @example
 * toCsv(['name', 'delta'], [['-2+3', -3]]) // "name,delta\r\n'-2+3,-3\r\n"
 */
export function toCsv(headers: string[], rows: CsvCell[][]): string {
  return `${[headers, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Undoes toCsv's guard on a cell read back from one of our exports: "'+1 555…" comes back as "+1 555…".
 * Only an apostrophe before a formula start is dropped; "'Ohana" keeps its apostrophe.
 */
export function unguardCsvCell(text: string): string {
  return text.charCodeAt(0) === 0x27 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  // A number written as a number stays one (-3 must sort and sum as -3 in the sheet); it cannot smuggle a
  // formula because String(number) is only digits, a sign, a point, an exponent, Infinity or NaN. Text that
  // merely looks like a number ("-3" from a person's notes) is guarded like any other text.
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
