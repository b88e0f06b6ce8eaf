import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and leaves plain cells alone', () => {
    const csv = toCsv(
      ['name', 'city'],
      [
        ['Smith, "Doc"', 'Ann\nArbor'],
        ['Plain', null],
      ],
    );
    expect(csv).toBe('name,city\r\n"Smith, ""Doc""","Ann\nArbor"\r\nPlain,\r\n');
  });

  it('defuses text a spreadsheet would execute as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("a")'], [-3]])).toBe('x\r\n"\'=HYPERLINK(""a"")"\r\n-3\r\n');
  });
});
