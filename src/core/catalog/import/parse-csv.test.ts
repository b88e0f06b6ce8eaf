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

describe('parseCsv limits', () => {
  it('refuses a line of a million commas by line, without building a million cells', () => {
    const text = `acgme_id,city\n1209900101,Anchorage\n${','.repeat(1_000_000)}\n`;
    const started = performance.now();
    expect(parseCsv(text)).toMatchObject({
      ok: false,
      error: { kind: 'too-large', line: 3, message: expect.stringContaining('more than 200 cells') },
    });
    // Generous: the refusal comes after 201 cells, not after reading the line.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads 200 columns and refuses 201', () => {
    const row = (width: number) => Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    expect(table(`${row(200)}\n${row(200)}\n`).headers).toHaveLength(200);
    expect(parseCsv(`${row(200)}\n${row(201)}\n`, { delimiter: ',' })).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
  });

  it('reads a 20 MB single cell as one cell: long text is a row problem, not a parser one', () => {
    const long = 'x'.repeat(20 * 1024 * 1024);
    expect(table(`name\n${long}\n`).rows[0]?.cells[0]).toHaveLength(long.length);
  });

  it('refuses more than 200,000 rows, naming the line where it stopped', () => {
    const text = `id\n${'1\n'.repeat(200_001)}`;
    expect(parseCsv(text)).toMatchObject({ ok: false, error: { kind: 'too-large', line: 200_002 } });
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
