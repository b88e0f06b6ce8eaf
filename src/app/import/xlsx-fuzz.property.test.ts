import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../core/catalog/import/detect-mapping.js';
import { mapRows } from '../../core/catalog/import/map-rows.js';
import { findUnstorableText } from '../../core/shared/storable-text.js';
import { readImportFile } from './read-spreadsheet.js';
import { type BuiltCell, type BuiltRow, buildXlsx, smallProgramWorkbook } from './testing/xlsx-builder.js';

/**
 * Fuzzing the XLSX program import (issue 10). Workbooks are expensive to write, so the cases are a small valid
 * workbook with bytes flipped, cut or spliced in, and tiny hand-built workbooks of random cells. Each case must
 * answer with a typed error or a table — never an exception, never a hang (fast-check fails a case past its
 * timeout) — and a valid row among random ones is kept.
 */
const RUNS = 1_000;
const CASE_TIMEOUT_MS = 5_000;
const OPTIONS = { origin: 'fuzz', asOf: '2026-11-25' };

async function importXlsx(bytes: Uint8Array) {
  const read = await readImportFile('fuzz.xlsx', bytes);
  if (!read.ok) {
    expect(read.error.message.length).toBeGreaterThan(0);
    return null;
  }
  const { table } = read.value;
  return mapRows(table, detectMapping(table.headers), OPTIONS);
}

describe('XLSX program import under fuzzing', () => {
  it('answers a valid workbook with bytes flipped, cut or spliced in with a result', async () => {
    const valid = smallProgramWorkbook();
    const mutation = fc.record({
      at: fc.nat({ max: valid.length - 1 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
      cut: fc.nat({ max: valid.length }),
      mode: fc.constantFrom('flip', 'cut', 'splice'),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ at, bytes, cut, mode }) => {
        const mutated =
          mode === 'cut'
            ? valid.slice(0, cut)
            : mode === 'flip'
              ? valid.map((byte, i) =>
                  i >= at && i < at + bytes.length ? byte ^ (bytes[i - at] ?? 0) : byte,
                )
              : new Uint8Array([...valid.subarray(0, at), ...bytes, ...valid.subarray(at)]);
        const mapped = await importXlsx(mutated);
        for (const row of mapped?.programs ?? []) expect(findUnstorableText(row.program)).toBeNull();
      }),
      { numRuns: RUNS, timeout: CASE_TIMEOUT_MS },
    );
  });

  it('keeps the valid rows of a workbook of random cells', async () => {
    const anyText = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\0', '<', '&', '"', '\n'),
        fc.string({ unit: 'grapheme', maxLength: 1 }),
      ),
      maxLength: 20,
    });
    const cell: fc.Arbitrary<BuiltCell> = fc.oneof(
      anyText,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom<BuiltCell>(
        { xml: '<c r="{ref}" t="e"><v>#N/A</v></c>' },
        { xml: '<c r="{ref}" t="b"><v>1</v></c>' },
        { xml: '<c r="{ref}"><f>1+1</f><v>2</v></c>' },
        // A character reference to NUL: the XML parser refuses it, so it can never reach a stored program.
        { xml: '<c r="{ref}" t="inlineStr"><is><t>a&#0;b</t></is></c>' },
      ),
    );
    const randomRow = fc.array(fc.tuple(fc.integer({ min: 1, max: 220 }), cell), { maxLength: 6 });
    const validRow = fc.nat({ max: 999 }).map((n) => ({ id: 1209900000 + n }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(validRow, randomRow), { maxLength: 12 }), async (rows) => {
        const built: BuiltRow[] = [
          {
            row: 1,
            cells: [
              [1, 'ACGME ID'],
              [2, 'Program Name'],
              [3, 'City'],
              [4, 'State'],
            ],
          },
        ];
        rows.forEach((row, i) => {
          const cells: BuiltRow['cells'] = Array.isArray(row)
            ? // Random rows never start with a number, so they cannot take a valid row's id.
              [[1, 'x'], ...dedupe(row.filter(([column]) => column > 1))]
            : [
                [1, row.id],
                [2, `Program ${row.id}`],
                [3, 'Anchorage'],
                [4, 'AK'],
              ];
          built.push({ row: i + 2, cells });
        });
        const mapped = await importXlsx(buildXlsx(built));
        const wide = rows.some(
          (row) => Array.isArray(row) && row.some(([column, value]) => column > 200 && !isBlank(value)),
        );
        // NUL, raw or as &#0;, is not XML at all (Excel writes it as _x0000_): the sheet cannot be parsed.
        const notXml = rows.some(
          (row) =>
            Array.isArray(row) &&
            row.some(
              ([column, value]) =>
                column > 1 &&
                (typeof value === 'string'
                  ? value.includes('\0')
                  : typeof value === 'object' && value.xml.includes('&#0;')),
            ),
        );
        if (mapped === null) {
          // Otherwise only a value past column GR refuses the whole file.
          expect(wide || notXml).toBe(true);
          return;
        }
        for (const row of mapped.programs) expect(findUnstorableText(row.program)).toBeNull();
        const kept = new Set(mapped.programs.map((row) => row.program.acgmeId));
        for (const row of rows) if (!Array.isArray(row)) expect(kept).toContain(String(row.id));
      }),
      { numRuns: RUNS, timeout: CASE_TIMEOUT_MS },
    );
  });
});

/** One cell per column, in column order, as a spreadsheet writes them. */
function dedupe(cells: [number, BuiltCell][]): [number, BuiltCell][] {
  const byColumn = new Map(cells);
  return [...byColumn.entries()].sort(([a], [b]) => a - b);
}

function isBlank(value: BuiltCell): boolean {
  return typeof value === 'string' && value.trim() === '';
}
