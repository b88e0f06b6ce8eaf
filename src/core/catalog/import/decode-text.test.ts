import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8Offset, MAX_IMPORT_BYTES } from './decode-text.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 / Latin-1 bytes for text whose characters are all below U+0100. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

const CSV = 'acgme_id,program_name,city,state\n1209900107,Costa Serena Hospital Program,Mayagüez,PR\n';

describe('decodeText', () => {
  it('reads plain UTF-8, accents included', () => {
    expect(decodeText(utf8(CSV))).toEqual({ ok: true, value: CSV });
  });

  it('drops the byte-order mark Excel writes at the start of "CSV UTF-8" files', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)]);
    expect(decodeText(bytes)).toEqual({ ok: true, value: CSV });
  });

  it('reads UTF-16 little- and big-endian files that announce themselves with a byte-order mark', () => {
    expect(decodeText(utf16(CSV, 'le'))).toEqual({ ok: true, value: CSV });
    expect(decodeText(utf16(CSV, 'be'))).toEqual({ ok: true, value: CSV });
  });

  it('refuses a Latin-1 file and names the line of the first byte that is not UTF-8', () => {
    const text =
      'acgme_id,program_name,city,state\n1209900101,Northern Lights Program,Anchorage,AK\n1209900107,Costa Serena,Mayagüez,PR\n';
    const result = decodeText(latin1(text));
    expect(result).toMatchObject({ ok: false, error: { kind: 'encoding', line: 3 } });
    if (!result.ok) {
      expect(result.error.message).toContain('Line 3');
      expect(result.error.message).toContain('CSV UTF-8');
    }
  });

  it('says an XLSX workbook renamed to .csv looks like a spreadsheet', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x00, 0x00]);
    const result = decodeText(zip);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported-format' } });
    if (!result.ok) expect(result.error.message).toMatch(/spreadsheet/i);
  });

  it('refuses binary data (NUL bytes) that is not UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([...utf8('acgme_id,city\n'), 0x31, 0x00, 0x32, 0x00]);
    expect(decodeText(bytes)).toMatchObject({ ok: false, error: { kind: 'unsupported-format', line: 2 } });
  });

  it('reads a text file with a stray NUL, leaving the damaged cell to the row checks', () => {
    const text = `acgme_id,city\n${'1209900101,Anchorage\n'.repeat(20)}1209900102,Ann\u0000Arbor\n`;
    expect(decodeText(utf8(text))).toEqual({ ok: true, value: text });
  });

  it('refuses a file over the size limit before decoding it', () => {
    const result = decodeText(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('refuses a UTF-16 file cut in the middle of a character', () => {
    const bytes = utf16('acgme_id', 'le').subarray(0, 7);
    expect(decodeText(bytes)).toMatchObject({ ok: false, error: { kind: 'encoding' } });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });

  it('returns the length for valid text', () => {
    const bytes = utf8('Mayagüez — 🏥');
    expect(firstInvalidUtf8Offset(bytes)).toBe(bytes.length);
  });
});
