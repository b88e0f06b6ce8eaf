import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './parse-csv.js';

function table(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseCsv', () => {
  it('gives each row the physical line it starts on, counting line breaks inside quoted cells', () => {
    const text = [
      'acgme_id,program_name,city',
      '1209900103,"Canyon Care Partners,',
      'Inc. Program",Fresno',
      '',
      '1209900109,"Coastal Community Health',
      '(CHI)',
      'Program",Miami',
      '1209900106,Plain Program,Meridian',
    ].join('\r\n');
    const { headers, rows } = table(text);
    expect(headers).toEqual(['acgme_id', 'program_name', 'city']);
    expect(rows.map((row) => row.line)).toEqual([2, 5, 8]);
    expect(rows[0]?.cells).toEqual(['1209900103', 'Canyon Care Partners,\nInc. Program', 'Fresno']);
    expect(rows[1]?.cells[1]).toBe('Coastal Community Health\n(CHI)\nProgram');
  });

  it('reads doubled quotes as one quote', () => {
    const { rows } = table('name,city\n"The ""Sunrise"" Program",Greeley\n');
    expect(rows[0]?.cells).toEqual(['The "Sunrise" Program', 'Greeley']);
  });

  it('skips fully blank lines but keeps rows of empty cells for the mapper to judge', () => {
    const { rows } = table('a,b\n\n   \n1,2\n,\n');
    expect(rows).toEqual([
      { line: 4, cells: ['1', '2'] },
      { line: 5, cells: ['', ''] },
    ]);
  });

  it('reports an unterminated quote at the line where the quoted cell opens', () => {
    const result = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(result).toMatchObject({ ok: false, error: { kind: 'parse', line: 3 } });
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(table('acgme_id;city;state\n1209900101;Anchorage;AK\n').rows[0]?.cells).toEqual([
      '1209900101',
      'Anchorage',
      'AK',
    ]);
    expect(table('acgme_id\tcity\n1209900101\tAnchorage\n').headers).toEqual(['acgme_id', 'city']);
  });

  it('says an empty file has no header row', () => {
    expect(parseCsv('\n\n')).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('reads a header-only file as a table without rows', () => {
    expect(table('acgme_id,city')).toEqual({ headers: ['acgme_id', 'city'], rows: [] });
  });

  it('keeps an empty last cell after a trailing delimiter', () => {
    expect(table('a,b,c\n1,2,').rows[0]?.cells).toEqual(['1', '2', '']);
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits every line into the header width', () => {
    // Semicolons inside names must not win over the comma that really separates the columns.
    expect(detectDelimiter('name,city\n"A; B Program",Fresno\n"C; D Program",Miami\n')).toBe(',');
    expect(detectDelimiter('name;city;lat\nCanyon Care Partners, Inc.;Fresno;36,7478\n')).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(detectDelimiter('acgme_id\n1209900101\n')).toBe(',');
  });
});
