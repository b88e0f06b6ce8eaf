import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx as readXlsxOnServer } from '../../../../app/import/read-xlsx.js';
import { SPREADSHEET_LIMITS } from '../../../../app/import/spreadsheet-limits.js';
import { smallProgramWorkbook, wideHostileWorkbook } from '../../../../app/import/testing/xlsx-builder.js';
import { readXlsx as readXlsxInBrowser } from './read-xlsx.js';

/** A workbook as Excel users keep one: a title row, a blank row, rich text, a formula, a date, a second tab. */
async function researchWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('FM programs');
  workbook.addWorksheet('Notes').addRow(['not read']);
  sheet.getCell('A1').value = 'Family medicine programs';
  sheet.getRow(3).values = ['ACGME ID', 'Program Name', 'City', 'State', 'Positions', 'Checked on'];
  sheet.getRow(4).values = [
    1209900101,
    { richText: [{ text: 'Providence ' }, { text: 'Alaska', font: { bold: true } }, { text: ' Program' }] },
    'Anchorage',
    'AK',
    { formula: '4+4', result: 8 },
    new Date(Date.UTC(2026, 10, 25)),
  ];
  sheet.getRow(6).values = [1209900104, 'Cahaba Program', 'Centreville', 'AL', 6, null];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook whose worksheet part says it unpacks to 10 bytes, as a zip bomb lies about its size. */
function lyingWorkbook(): Uint8Array {
  const bytes = smallProgramWorkbook();
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
    if (!bytes.subarray(at + 46, at + 46 + name.length).every((byte, i) => byte === name[i])) continue;
    view.setUint32(at + 24, 10, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, 10, true);
    return bytes;
  }
  throw new Error('no worksheet part');
}

describe('reading .xlsx in the browser edition (exceljs loads the workbook) and on the server (it streams it)', () => {
  it('gives the same table: row numbers, rich text, formulas, dates, first tab only', async () => {
    for (const bytes of [await researchWorkbook(), smallProgramWorkbook()]) {
      const inBrowser = await readXlsxInBrowser(bytes);
      expect(inBrowser.ok).toBe(true);
      expect(inBrowser).toEqual(await readXlsxOnServer(bytes));
    }
    // The title row is the first non-empty row, so it is the header; the table's header follows on row 3.
    const research = await readXlsxInBrowser(await researchWorkbook());
    expect(research.ok && research.value.rows.map((row) => [row.line, row.cells[1], row.cells[5]])).toEqual([
      [3, 'Program Name', 'Checked on'],
      [4, 'Providence Alaska Program', '2026-11-25'],
      [6, 'Cahaba Program', undefined],
    ]);
  });

  it('refuses the same hostile files with the same message: a value in column XFD, a zip bomb, too many cells', async () => {
    const few = { ...SPREADSHEET_LIMITS, maxCells: 7 };
    const cases = [
      {
        bytes: wideHostileWorkbook(50),
        limits: SPREADSHEET_LIMITS,
        says: /^Row 1 has a value in column XFD/,
      },
      { bytes: lyingWorkbook(), limits: SPREADSHEET_LIMITS, says: /does not unpack to the size it declares/ },
      { bytes: smallProgramWorkbook(), limits: few, says: /more than 7 filled cells \(reached at row 2\)/ },
    ];
    for (const { bytes, limits, says } of cases) {
      const inBrowser = await readXlsxInBrowser(bytes, limits);
      expect(inBrowser.ok ? 'read' : inBrowser.error.message).toMatch(says);
      expect(inBrowser).toEqual(await readXlsxOnServer(bytes, limits));
    }
  });
});
