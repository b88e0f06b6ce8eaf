import { describe, expect, it } from 'vitest';
import { toCsv, unguardCsvCell } from './csv.js';

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

  it.each([
    ['=1+1', "'=1+1"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3+cmd|" /C calc"!A0', `"'-2+3+cmd|"" /C calc""!A0"`],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('guards the text cell %j with an apostrophe', (cell, written) => {
    expect(toCsv(['x'], [[cell]])).toBe(`x\r\n${written}\r\n`);
  });

  it('writes negative numbers as numbers, but guards the same characters typed as text', () => {
    expect(toCsv(['delta', 'note'], [[-3, '-3']])).toBe("delta,note\r\n-3,'-3\r\n");
    expect(toCsv(['x'], [[-0.5], [-1e21], [Number.NEGATIVE_INFINITY]])).toBe(
      'x\r\n-0.5\r\n-1e+21\r\n-Infinity\r\n',
    );
  });

  it('leaves text that only contains a formula character further in alone', () => {
    expect(toCsv(['x'], [['Smith-Jones'], ['a=b'], ["'Ohana"]])).toBe(
      "x\r\nSmith-Jones\r\na=b\r\n'Ohana\r\n",
    );
  });
});

describe('unguardCsvCell', () => {
  it('gives back what toCsv guarded, and nothing else', () => {
    for (const text of ['=1+1', '+1 555 0100', '-3', '@here', '\tx']) {
      expect(unguardCsvCell(`'${text}`)).toBe(text);
    }
    expect(unguardCsvCell("'Ohana")).toBe("'Ohana");
    expect(unguardCsvCell('-3')).toBe('-3');
  });
});
