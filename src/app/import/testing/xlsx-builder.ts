import { crc32, deflateRawSync } from 'node:zlib';

/** One cell as written into the sheet XML: a number, inline text, or raw XML for a hand-made oddity. */
export type BuiltCell = number | string | { xml: string };

export interface BuiltRow {
  /** 1-based spreadsheet row number. */
  row: number;
  /** Cells by 1-based column number. */
  cells: [column: number, value: BuiltCell][];
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A minimal XLSX written by hand, in milliseconds: what the hostile-file tests and the fuzzers need by the
 * thousand, where exceljs's writer takes seconds. Text cells are inline strings; the (empty) shared strings
 * part comes before the sheet, as Excel writes it, so the streaming reader never spools the sheet to disk.
 *
 * @example
 * buildXlsx([{ row: 1, cells: [[1, 'ACGME ID'], [16384, 'x']] }]) // a workbook with A1 and XFD1
 */
export function buildXlsx(rows: readonly BuiltRow[]): Uint8Array {
  const sheetData = rows
    .map(
      ({ row, cells }) =>
        `<row r="${row}">${cells.map(([column, value]) => cellXml(row, column, value)).join('')}</row>`,
    )
    .join('');
  return zip([
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Programs" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ],
    ['xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}" count="0" uniqueCount="0"></sst>`],
    [
      'xl/worksheets/sheet1.xml',
      `${XML}<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
    ],
  ]);
}

/**
 * The workbook from issue 10: each row holds a cell in column A and one in column XFD (the last of 16,384).
 * 2,500 rows make a file of about 20 KB; a reader that fills the empty width between them needs gigabytes.
 */
export function wideHostileWorkbook(rows = 2_500): Uint8Array {
  return buildXlsx(
    Array.from({ length: rows }, (_, i) => ({
      row: i + 1,
      cells: [
        [1, i === 0 ? 'ACGME ID' : 1200100000 + i],
        [16_384, 'x'],
      ],
    })),
  );
}

/** A small valid program list: the seed the fuzzers mutate. */
export function smallProgramWorkbook(): Uint8Array {
  return buildXlsx([
    {
      row: 1,
      cells: [
        [1, 'ACGME ID'],
        [2, 'Program Name'],
        [3, 'City'],
        [4, 'State'],
        [5, 'Positions'],
      ],
    },
    {
      row: 2,
      cells: [
        [1, 1209900101],
        [2, 'Providence Alaska Program'],
        [3, 'Anchorage'],
        [4, 'AK'],
        [5, 8],
      ],
    },
    {
      row: 3,
      cells: [
        [1, 1209900104],
        [2, 'Cahaba Program'],
        [3, 'Centreville'],
        [4, 'AL'],
        [5, 6],
      ],
    },
  ]);
}

function cellXml(row: number, column: number, value: BuiltCell): string {
  const ref = `${letters(column)}${row}`;
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  return value.xml.replaceAll('{ref}', ref);
}

function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A ZIP of deflated entries: local headers, data, central directory, end record. */
function zip(entries: [name: string, text: string][]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
