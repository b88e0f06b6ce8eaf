import { err, ok, type Result } from '../../shared/result.js';
import type { FileError } from './types.js';

/**
 * Largest file the importer reads. The biggest real catalog (every ACGME program of every specialty,
 * ~13,000 rows with research columns) is a few MB; 25 MB leaves room while keeping a stray upload
 * (a database dump, a video) from filling memory.
 */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const SAVE_AS_CSV_UTF8 =
  'In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)" and import that file.';

/** Signatures of files people upload by mistake, so the error can say what the file really is. */
const FOREIGN_SIGNATURES: { bytes: number[]; message: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message:
      'This file looks like a spreadsheet (XLSX, a ZIP archive), not CSV text. Import it with an .xlsx name, or save it as CSV UTF-8.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: `This file looks like an old Excel workbook (.xls), which cannot be read. ${SAVE_AS_CSV_UTF8}`,
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'This file is a PDF, not a CSV or XLSX table.' },
];

/**
 * Turns the bytes of an uploaded text file into a string.
 * Honours a UTF-8 or UTF-16 byte-order mark; anything else must be valid UTF-8, because guessing a legacy
 * code page would silently turn "Mayagüez" into "MayagÃ¼ez".
 *
 * @example
 * decodeText(new TextEncoder().encode('acgme_id,city\n')) // { ok: true, value: 'acgme_id,city\n' }
 */
export function decodeText(bytes: Uint8Array): Result<string, FileError> {
  const tooLarge = tooLargeError(bytes);
  if (tooLarge !== null) return err(tooLarge);
  for (const signature of FOREIGN_SIGNATURES) {
    if (startsWith(bytes, signature.bytes))
      return err({ kind: 'unsupported-format', message: signature.message });
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksBinary(bytes)) {
    return err({
      kind: 'unsupported-format',
      line: lineAt(bytes, nul),
      message:
        'This file contains binary data (NUL bytes), so it is not a CSV text file. ' +
        `If it is UTF-16 text without a byte-order mark, or a spreadsheet, ${lowerFirst(SAVE_AS_CSV_UTF8)}`,
    });
  }
  return decodeUtf8(hasUtf8Bom ? bytes.subarray(3) : bytes);
}

/** The error for a file over MAX_IMPORT_BYTES, or null; shared with the XLSX reader. */
export function tooLargeError(bytes: Uint8Array): FileError | null {
  if (bytes.length <= MAX_IMPORT_BYTES) return null;
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  return {
    kind: 'too-large',
    message: `The file is ${mb} MB; the importer reads files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  };
}

/**
 * Binary files and UTF-16 without a byte-order mark are full of NUL bytes (every other byte, for UTF-16 of
 * Latin text). A stray NUL in an otherwise textual file is a damaged cell instead: the file is read and the
 * importer reports that cell by line and column, keeping the other rows.
 */
function looksBinary(bytes: Uint8Array): boolean {
  let nuls = 0;
  for (const byte of bytes) if (byte === 0) nuls++;
  return nuls * 100 > bytes.length;
}

function decodeUtf8(bytes: Uint8Array): Result<string, FileError> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAt(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return err({
      kind: 'encoding',
      line,
      message:
        `Line ${line} is not valid UTF-8 (byte 0x${byte}). The file is probably in an older encoding such as ` +
        `Windows-1252 / Latin-1. ${SAVE_AS_CSV_UTF8}`,
    });
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<string, FileError> {
  try {
    if (bytes.length % 2 !== 0) throw new Error('odd length');
    return ok(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return err({
      kind: 'encoding',
      message: `The file starts with a UTF-16 byte-order mark but is not valid UTF-16 text. ${SAVE_AS_CSV_UTF8}`,
    });
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** 1-based line of a byte offset: one more than the line feeds before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
 * Only runs after TextDecoder has refused the file, to tell the person where to look.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      min = b0 === 0xe0 ? 0xa0 : 0x80;
      if (b0 === 0xed) max = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      min = b0 === 0xf0 ? 0x90 : 0x80;
      if (b0 === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (b === undefined || b < lo || b > hi) return i;
    }
    i += length;
  }
  return bytes.length;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
