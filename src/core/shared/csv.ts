export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV: every cell that needs it quoted, CRLF line ends (what spreadsheet apps expect).
 * Text cells that a spreadsheet would run as a formula (=, +, @) get a leading apostrophe.
 */
export function toCsv(headers: string[], rows: CsvCell[][]): string {
  return `${[headers, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n')}\r\n`;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
