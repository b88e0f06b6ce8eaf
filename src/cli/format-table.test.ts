import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';

describe('formatTable', () => {
  it('aligns columns to the widest cell and truncates over-long cells with an ellipsis', () => {
    const text = formatTable(
      ['id', 'name'],
      [
        ['1', 'Short'],
        ['22', 'A very long program name'],
      ],
      10,
    );
    expect(text.split('\n')).toEqual(['id  name', '--  ----------', '1   Short', '22  A very lo…']);
  });
});
