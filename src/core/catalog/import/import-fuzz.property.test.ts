import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText } from '../../shared/storable-text.js';
import { decodeText } from './decode-text.js';
import { detectMapping } from './detect-mapping.js';
import { mapRows } from './map-rows.js';
import { parseCsv } from './parse-csv.js';
import type { MappedImport } from './types.js';

/**
 * Fuzzing the CSV program import (issue 10): whatever the bytes, the importer answers with a typed error or a
 * mapped table — never an exception — and a valid row among broken ones is kept.
 */
const RUNS = 1_000;
const OPTIONS = { origin: 'fuzz', asOf: '2026-11-25' };

/** Bytes to mapped programs, the way the server and the CLI read a CSV. */
function importCsv(bytes: Uint8Array): { ok: true; value: MappedImport } | { ok: false; kind: string } {
  const text = decodeText(bytes);
  if (!text.ok) return { ok: false, kind: text.error.kind };
  const table = parseCsv(text.value);
  if (!table.ok) return { ok: false, kind: table.error.kind };
  return { ok: true, value: mapRows(table.value, detectMapping(table.value.headers), OPTIONS) };
}

const VALID = 'ACGME ID,Program Name,City,State\r\n1209900101,Providence Alaska Program,Anchorage,AK\r\n';
const encode = (text: string) => new TextEncoder().encode(text);
const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/** Any text a damaged file can hold: control characters, NUL, quotes, delimiters, line breaks, emoji. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\0', '"', ',', ';', '\t', '\r', '\n', '\uFEFF'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('CSV program import under fuzzing', () => {
  it('answers any bytes with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const read = importCsv(bytes);
        expect(typeof read.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('answers a valid file with bytes flipped, cut or spliced in with a result', () => {
    const valid = encode(VALID);
    const mutation = fc.record({
      at: fc.nat({ max: valid.length - 1 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      cut: fc.nat({ max: valid.length }),
      mode: fc.constantFrom('flip', 'cut', 'splice'),
    });
    fc.assert(
      fc.property(mutation, ({ at, bytes, cut, mode }) => {
        const mutated =
          mode === 'cut'
            ? valid.subarray(0, cut)
            : mode === 'flip'
              ? valid.map((byte, i) =>
                  i >= at && i < at + bytes.length ? byte ^ (bytes[i - at] ?? 0) : byte,
                )
              : new Uint8Array([...valid.subarray(0, at), ...bytes, ...valid.subarray(at)]);
        expect(typeof importCsv(mutated).ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every valid row whatever broken rows sit between them', () => {
    const validRow = fc.nat({ max: 999 }).map((n) => ({
      id: `1209900${String(n).padStart(3, '0')}`,
      line: `1209900${String(n).padStart(3, '0')},Program ${n},Anchorage,AK`,
    }));
    // Broken rows never hold a 10-digit id, so they cannot merge into a valid row.
    const brokenRow = fc
      .array(anyText, { minLength: 1, maxLength: 6 })
      .map((cells) => `x,${cells.map(quote).join(',')}`);
    // A good row but for a NUL in its name: reported by line and field, never stored.
    const taintedRow = fc.tuple(fc.nat({ max: 999 }), anyText).map(([n, before]) => ({
      id: `1209901${String(n).padStart(3, '0')}`,
      line: `1209901${String(n).padStart(3, '0')},${quote(`P${before}\0`)},Anchorage,AK`,
      tainted: true,
    }));
    const file = fc.array(fc.oneof(validRow, brokenRow, taintedRow), { maxLength: 30 });
    fc.assert(
      fc.property(file, (rows) => {
        const lines = [
          'ACGME ID,Program Name,City,State',
          ...rows.map((row) => (typeof row === 'string' ? row : row.line)),
        ];
        const read = importCsv(encode(lines.join('\r\n')));
        if (!read.ok) {
          // Only a file too full of NUL bytes to be text is refused whole.
          expect(read.kind).toBe('unsupported-format');
          return;
        }
        const kept = new Set(read.value.programs.map((row) => row.program.acgmeId));
        for (const row of rows) {
          if (typeof row === 'string') continue;
          if ('tainted' in row) expect(kept).not.toContain(row.id);
          else expect(kept).toContain(row.id);
        }
        for (const { program } of read.value.programs) expect(findUnstorableText(program)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});
