import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../core/catalog/import/detect-mapping.js';
import { mapRows } from '../../core/catalog/import/map-rows.js';
import { readImportFile } from './read-spreadsheet.js';

/** A research workbook the way a person keeps one: a title row, a blank row, ids Excel stored as numbers. */
async function researchWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('FM programs');
  workbook.addWorksheet('Notes').addRow(['not read']);
  sheet.getCell('A1').value = 'Family medicine programs — my research';
  sheet.getRow(3).values = ['ACGME ID', 'Program Name', 'City', 'State', 'Positions', 'IMG %', 'Checked on'];
  sheet.getRow(4).values = [
    1209900101,
    'Providence Alaska Program',
    'Anchorage',
    'AK',
    8,
    0.45,
    new Date(Date.UTC(2026, 10, 25)),
  ];
  sheet.getRow(5).values = [
    1209900103,
    {
      richText: [
        { text: 'Canyon Care Partners, ' },
        { text: 'Inc.', font: { bold: true } },
        { text: ' Program' },
      ],
    },
    'Fresno',
    'California',
    { formula: '4+4', result: 8 },
    0.1 + 0.2,
    null,
  ];
  // Row 6 stays empty; row 7 has a mistake the error should place on row 7.
  sheet.getRow(7).values = [1209900104, 'Cahaba Program', 'Centreville', 'Alabamma', 6, null, null];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readImportFile', () => {
  it('reads the first worksheet of an XLSX with spreadsheet row numbers and cells as a person sees them', async () => {
    const read = await readImportFile('research.xlsx', await researchWorkbook());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.format).toBe('xlsx');
    const { headers, rows } = read.value.table;
    // The title row is the first non-empty row, so it is the header here; mapping it finds nothing.
    expect(headers).toEqual(['Family medicine programs — my research']);
    expect(rows.map((row) => row.line)).toEqual([3, 4, 5, 7]);
    expect(rows[1]?.cells).toEqual([
      '1209900101',
      'Providence Alaska Program',
      'Anchorage',
      'AK',
      '8',
      '0.45',
      '2026-11-25',
    ]);
    expect(rows[2]?.cells).toEqual([
      '1209900103',
      'Canyon Care Partners, Inc. Program',
      'Fresno',
      'California',
      '8',
      '0.3',
    ]);
  });

  it('imports a workbook whose header is on row 1 and reports errors by spreadsheet row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Programs');
    sheet.addRow(['ACGME ID', 'Program Name', 'City', 'State']);
    sheet.addRow([1209900101, 'Providence Alaska Program', 'Anchorage', 'AK']);
    sheet.addRow([]);
    sheet.addRow([1209900104, 'Cahaba Program', 'Centreville', 'Alabamma']);
    const read = await readImportFile('programs.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.error.message);
    const { table } = read.value;
    const mapped = mapRows(table, detectMapping(table.headers), {
      origin: 'import programs.xlsx',
      asOf: '2026-11-25',
    });
    expect(mapped.programs.map((p) => p.program.acgmeId)).toEqual(['1209900101']);
    expect(mapped.errors).toMatchObject([{ line: 4, field: 'state' }]);
  });

  it('opens an XLSX that was renamed to .csv, by its ZIP signature', async () => {
    const read = await readImportFile('programs.csv', await researchWorkbook());
    expect(read).toMatchObject({ ok: true, value: { format: 'xlsx' } });
  });

  it('returns an error, not an exception, for a damaged workbook', async () => {
    const bytes = await researchWorkbook();
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(await readImportFile('research.xlsx', truncated)).toMatchObject({
      ok: false,
      error: { kind: 'parse' },
    });
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not really a zip')]);
    expect(await readImportFile('research.xlsx', garbage)).toMatchObject({
      ok: false,
      error: { kind: 'parse' },
    });
  });

  it('says a CSV named .xlsx is not a workbook, and that old .xls files need saving again', async () => {
    const csv = new TextEncoder().encode('acgme_id,city\n1209900101,Anchorage\n');
    expect(await readImportFile('programs.xlsx', csv)).toMatchObject({
      ok: false,
      error: { kind: 'unsupported-format' },
    });
    expect(await readImportFile('programs.xls', csv)).toMatchObject({
      ok: false,
      error: { kind: 'unsupported-format' },
    });
  });

  it('reads CSV through the core decoder and parser, keeping its errors', async () => {
    const csv = new TextEncoder().encode('acgme_id;city\n1209900101;Anchorage\n');
    expect(await readImportFile('programs.csv', csv)).toMatchObject({
      ok: true,
      value: {
        format: 'csv',
        table: { headers: ['acgme_id', 'city'], rows: [{ line: 2, cells: ['1209900101', 'Anchorage'] }] },
      },
    });
    const latin1 = Uint8Array.from('acgme_id,city\n1209900107,Mayag\xfcez\n', (c) => c.charCodeAt(0));
    expect(await readImportFile('programs.csv', latin1)).toMatchObject({
      ok: false,
      error: { kind: 'encoding', line: 2 },
    });
  });

  it('says a workbook with an empty first sheet has no header row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    const read = await readImportFile('empty.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });
});
