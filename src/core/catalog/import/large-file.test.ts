import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { detectMapping } from './detect-mapping.js';
import { mapRows } from './map-rows.js';
import { parseCsv } from './parse-csv.js';

const ROWS = 100_000;
/** Data rows (by index) with one planted mistake each, and the field it should be reported on. */
const PLANTED = new Map<number, { field: string; row: (id: string) => string }>([
  [
    1_234,
    {
      field: 'state',
      row: (id) =>
        `${id},"Planted Program, bad state",Springfield,Illinoiss,East North Central,39.7817,-89.6501`,
    },
  ],
  [
    45_678,
    {
      field: 'latitude',
      row: (id) =>
        `${id},"Planted Program, bad latitude",Springfield,IL,East North Central,139.7817,-89.6501`,
    },
  ],
  [
    99_998,
    {
      field: 'acgmeId',
      row: () => `12000,"Planted Program, bad id",Springfield,IL,East North Central,39.7817,-89.6501`,
    },
  ],
]);

/** ≈10 MB of plausible rows; ids are unique, so nothing merges. */
function generateCsv(): string {
  const lines = ['ACGME ID,Program Name,City,State,Census Division,Latitude,Longitude'];
  for (let i = 0; i < ROWS; i++) {
    const id = `120${String(i).padStart(7, '0')}`;
    const planted = PLANTED.get(i);
    lines.push(
      planted
        ? planted.row(id)
        : `${id},"Generated Family Medicine Program Number ${i}, Teaching Health Center",Springfield,IL,East North Central,39.7817,-89.6501`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('a 100,000-row file', () => {
  it('decodes, parses and maps in seconds, with errors exactly where they were planted', () => {
    const bytes = new TextEncoder().encode(generateCsv());
    expect(bytes.length).toBeGreaterThan(10_000_000);

    const started = performance.now();
    const text = decodeText(bytes);
    if (!text.ok) throw new Error(text.error.message);
    const table = parseCsv(text.value);
    if (!table.ok) throw new Error(table.error.message);
    const mapped = mapRows(table.value, detectMapping(table.value.headers), {
      origin: 'import big.csv',
      asOf: '2026-11-25',
    });
    const seconds = (performance.now() - started) / 1000;

    expect(mapped.totalRows).toBe(ROWS);
    expect(mapped.programs).toHaveLength(ROWS - PLANTED.size);
    // Data row i sits on line i + 2: the header is line 1.
    expect(mapped.errors.map(({ line, field }) => ({ line, field }))).toEqual(
      [...PLANTED].map(([index, { field }]) => ({ line: index + 2, field })),
    );
    expect(mapped.duplicates).toEqual([]);
    expect(seconds).toBeLessThan(30);
  });
});
