import { err, ok, type Result } from '../../shared/result.js';
import type { FileError, Table, TableRow } from './types.js';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface ParseCsvOptions {
  /** Force a delimiter; by default it is detected from the first lines. */
  delimiter?: CsvDelimiter;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** How many records the delimiter detector looks at. */
const DETECTION_SAMPLE = 20;

/**
 * Widest and longest table the importers read, CSV and XLSX alike. A program list has ~30 columns and the whole
 * ACGME catalog ~13,000 rows; a LinkedIn export at most 30,000 connections. Past these a file is refused by
 * line, before a line of a million commas becomes a million cells.
 */
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_IMPORT_ROWS = 200_000;

/**
 * Reads CSV text (RFC 4180 quoting) into a Table whose rows carry the physical line each record starts on,
 * counting the line breaks inside quoted cells, so "line 58" in an error is line 58 in the person's editor.
 * Fully blank lines are skipped. A hand-written reader rather than a library because exact line numbers and
 * the line of an unterminated quote are the whole point.
 *
 * @example
 * parseCsv('acgme_id;city\n1209900101;Anchorage\n')
 * // { ok: true, value: { headers: ['acgme_id', 'city'], rows: [{ line: 2, cells: ['1209900101', 'Anchorage'] }] } }
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Result<Table, FileError> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const read = readRecords(body, delimiter, Number.POSITIVE_INFINITY);
  if (!read.ok) return read;
  const [header, ...rows] = read.value;
  if (header === undefined)
    return err({ kind: 'empty', message: 'The file is empty: it has no header row.' });
  return ok({ headers: header.cells.map((cell) => cell.trim()), rows });
}

/**
 * Picks the delimiter that splits the header into the most columns while the following lines split into the
 * same number of cells (a semicolon file often has commas inside names, and vice versa). Comma when unsure.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; columns: number } = { delimiter: ',', columns: 1 };
  for (const delimiter of CSV_DELIMITERS) {
    const sample = readRecords(text, delimiter, DETECTION_SAMPLE);
    if (!sample.ok) continue;
    const [header, ...rows] = sample.value;
    const columns = header?.cells.length ?? 0;
    if (columns < 2) continue;
    const consistent = rows.filter((row) => row.cells.length === columns).length;
    if (rows.length > 0 && consistent / rows.length < 0.8) continue;
    if (columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}

/** Reads up to `limit` non-blank records. */
function readRecords(text: string, delimiter: string, limit: number): Result<TableRow[], FileError> {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: TableRow[] = [];
  let line = 1;
  let i = 0;

  /** End of an unquoted stretch: the next delimiter or line break. */
  const endOfField = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF || c === CR) break;
      j++;
    }
    return j;
  };

  while (i < n && records.length < limit) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const openedOnLine = line;
        let value = '';
        let start = i + 1;
        for (;;) {
          const close = text.indexOf('"', start);
          if (close === -1) {
            return err({
              kind: 'parse',
              line: openedOnLine,
              message:
                `Line ${openedOnLine}: a quoted cell starts here but its closing quote is missing, ` +
                'so the rest of the file would be read as one cell.',
            });
          }
          line += countLineBreaks(text, start, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(start, close + 1); // "" is an escaped quote
            start = close + 2;
            continue;
          }
          value += text.slice(start, close);
          i = close + 1;
          break;
        }
        // Text between the closing quote and the delimiter is kept rather than rejected: `"5" tall` → `5 tall`.
        const end = endOfField(i);
        value += text.slice(i, end);
        i = end;
        cells.push(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value);
      } else {
        const end = endOfField(i);
        cells.push(text.slice(i, end));
        i = end;
      }
      if (cells.length > MAX_IMPORT_COLUMNS) {
        return err({
          kind: 'too-large',
          line: recordLine,
          message:
            `Line ${recordLine} has more than ${MAX_IMPORT_COLUMNS} cells; the importer reads at most ` +
            `${MAX_IMPORT_COLUMNS} columns. Check the delimiter, or keep only the table's columns.`,
        });
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    const blank = cells.length === 1 && (cells[0] ?? '').trim() === '';
    if (blank) continue;
    if (records.length > MAX_IMPORT_ROWS) {
      return err({
        kind: 'too-large',
        line: recordLine,
        message: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows (line ${recordLine}); split it into smaller files.`,
      });
    }
    records.push({ line: recordLine, cells });
  }
  return ok(records);
}

/** Line breaks in text[from, to): CRLF, LF and a lone CR each count once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) count++;
  }
  return count;
}
