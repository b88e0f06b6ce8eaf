import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATE_CODES } from '../../geo/census.js';
import { isUnknownCell } from './cell-values.js';
import { detectMapping } from './detect-mapping.js';
import { mapRows } from './map-rows.js';
import { planMerge } from './merge-plan.js';
import { parseCsv } from './parse-csv.js';

/** Quotes every cell the way spreadsheet programs do when a cell needs it. */
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Names and cities with the characters real ones have, including the ones CSV must quote. */
const text = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9 ,.;'"&/()\n-]{0,40}$/)
  // "NA", "tbd" and the like mean "unknown" to the importer, so they are not names.
  .filter((value) => value.trim().length > 1 && !isUnknownCell(value));

const row = fc.record({
  // A small id pool so the same id shows up more than once in a file.
  id: fc.integer({ min: 0, max: 40 }).map((n) => `120${String(n).padStart(7, '0')}`),
  name: text,
  city: text,
  state: fc.constantFrom(...STATE_CODES),
});

describe('mapping then merging into an empty catalog', () => {
  it("creates exactly the distinct ids of the file, each with its last row's name", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(',', ';', '\t'),
        (rows, sep) => {
          const lines = ['ACGME ID,Program Name,City,State'.replaceAll(',', sep)];
          for (const r of rows) lines.push([r.id, r.name, r.city, r.state].map(csvCell).join(sep));
          const table = parseCsv(lines.join('\r\n'));
          if (!table.ok) throw new Error(table.error.message);
          const mapped = mapRows(table.value, detectMapping(table.value.headers), {
            origin: 'property',
            asOf: '2026-11-25',
          });
          const plan = planMerge(mapped.programs, new Map());

          expect(mapped.errors).toEqual([]);
          const distinct = [...new Set(rows.map((r) => r.id))].sort();
          expect(plan.create.map((p) => p.acgmeId)).toEqual(distinct);
          expect(plan.update).toEqual([]);
          expect(mapped.duplicates).toHaveLength(rows.length - distinct.length);
          const lastName = new Map(rows.map((r) => [r.id, r.name.trim()]));
          for (const program of plan.create) expect(program.name).toBe(lastName.get(program.acgmeId));
        },
      ),
      { numRuns: 200 },
    );
  });
});
