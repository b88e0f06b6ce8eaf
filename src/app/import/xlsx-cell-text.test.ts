import { describe, expect, it } from 'vitest';
import { xlsxCellText } from './xlsx-cell-text.js';

describe('xlsxCellText', () => {
  it('writes numbers as Excel shows them: no ".0", no binary noise', () => {
    expect(xlsxCellText(1209900101)).toBe('1209900101');
    expect(xlsxCellText(12)).toBe('12');
    expect(xlsxCellText(0.1 + 0.2)).toBe('0.3');
    expect(xlsxCellText(-149.9003)).toBe('-149.9003');
  });

  it('writes dates as YYYY-MM-DD, keeping a time when there is one', () => {
    expect(xlsxCellText(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
    expect(xlsxCellText(new Date(Date.UTC(2026, 8, 1, 14, 30)))).toBe('2026-09-01T14:30:00.000Z');
  });

  it("flattens rich text and hyperlinks, and takes a formula's result", () => {
    expect(xlsxCellText({ richText: [{ text: 'Sunrise ' }, { text: 'Program' }] })).toBe('Sunrise Program');
    expect(xlsxCellText({ text: 'Program site', hyperlink: 'https://example.org' })).toBe('Program site');
    expect(xlsxCellText({ formula: 'A1*2', result: 16 })).toBe('16');
    expect(xlsxCellText({ formula: 'A1*2' })).toBe('');
  });

  it('keeps error values visible so the row fails instead of importing a blank', () => {
    expect(xlsxCellText({ error: '#N/A' })).toBe('#N/A');
    expect(xlsxCellText({ formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#REF!' } })).toBe('#REF!');
  });

  it('writes booleans as true/false and empties as empty', () => {
    expect(xlsxCellText(true)).toBe('true');
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText(undefined)).toBe('');
  });
});
