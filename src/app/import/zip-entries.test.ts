import { describe, expect, it } from 'vitest';
import { smallProgramWorkbook } from './testing/xlsx-builder.js';
import { checkZipEntries } from './zip-entries.js';

const LIMITS = { maxEntries: 100, maxInflatedBytes: 1024 * 1024 };

/** Offset of the central-directory header of the entry called `name`. */
function centralHeaderOf(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameAt = bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true));
    if (nameAt.length === wanted.length && nameAt.every((byte, i) => byte === wanted[i])) return at;
  }
  throw new Error(`no entry ${name}`);
}

describe('checkZipEntries', () => {
  it('accepts a workbook whose parts unpack to what they declare', () => {
    expect(checkZipEntries(smallProgramWorkbook(), LIMITS)).toEqual({ ok: true, value: { entries: 6 } });
  });

  it('refuses a part that unpacks to more than it declares, as a zip bomb would', () => {
    const bytes = smallProgramWorkbook();
    const at = centralHeaderOf(bytes, 'xl/worksheets/sheet1.xml');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // The lie told consistently, in the directory and in the part's own header.
    view.setUint32(at + 24, 10, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, 10, true);
    expect(checkZipEntries(bytes, LIMITS)).toEqual({
      ok: false,
      error: expect.stringContaining('"xl/worksheets/sheet1.xml" does not unpack to the size it declares'),
    });
  });

  it('refuses an archive that declares more unpacked bytes than the limit, before inflating anything', () => {
    const bytes = smallProgramWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    view.setUint32(centralHeaderOf(bytes, 'xl/worksheets/sheet1.xml') + 24, 2 ** 31, true);
    expect(checkZipEntries(bytes, LIMITS)).toEqual({
      ok: false,
      error: expect.stringContaining('unpacks to more than 1 MB'),
    });
  });

  it('refuses a part whose own header disagrees with the directory, which left the streaming reader waiting', () => {
    const bytes = smallProgramWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const local = view.getUint32(centralHeaderOf(bytes, 'xl/worksheets/sheet1.xml') + 42, true);
    view.setUint32(local + 18, view.getUint32(local + 18, true) + 128, true);
    expect(checkZipEntries(bytes, LIMITS)).toEqual({
      ok: false,
      error: expect.stringContaining('"xl/worksheets/sheet1.xml" is damaged or cut short'),
    });
  });

  it('refuses bytes spliced between parts', () => {
    const bytes = smallProgramWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const second = view.getUint32(centralHeaderOf(bytes, '_rels/.rels') + 42, true);
    const spliced = new Uint8Array([...bytes.subarray(0, second), 0, 0, 0, ...bytes.subarray(second)]);
    expect(checkZipEntries(spliced, LIMITS)).toMatchObject({ ok: false });
  });

  it('refuses too many parts, a missing directory and a cut-short file', () => {
    const bytes = smallProgramWorkbook();
    expect(checkZipEntries(bytes, { ...LIMITS, maxEntries: 3 })).toMatchObject({ ok: false });
    expect(checkZipEntries(bytes.subarray(0, 200), LIMITS)).toEqual({
      ok: false,
      error: expect.stringContaining('ZIP directory is missing'),
    });
    const cut = new Uint8Array([...bytes.subarray(0, 100), ...bytes.subarray(bytes.length - 400)]);
    expect(checkZipEntries(cut, LIMITS)).toMatchObject({ ok: false });
  });
});
