import { inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from '../../core/shared/result.js';

export interface ZipLimits {
  /** Entries in the archive; a workbook has a few dozen. */
  maxEntries: number;
  /** Bytes of all entries once inflated: what the XML parsers would have to read. */
  maxInflatedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Checks a ZIP archive (an XLSX) before any XML parser sees it: its directory must be readable, its entries
 * few, and their inflated size within limits — and true, because each deflated entry is inflated here with its
 * declared size as the ceiling. A "zip bomb" that lies about its sizes would otherwise fill memory, or the
 * disk, where exceljs's streaming reader spools worksheets it meets before the shared strings.
 * Returns a message a person can act on, or ok.
 *
 * @example
 * checkZipEntries(bytes, { maxEntries: 1000, maxInflatedBytes: 150 * 1024 * 1024 })
 */
export function checkZipEntries(bytes: Uint8Array, limits: ZipLimits): Result<{ entries: number }, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === -1) return err('its ZIP directory is missing, so the file is damaged or cut short');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > limits.maxEntries) {
    return err(`it holds ${count} parts; a workbook the importer reads has at most ${limits.maxEntries}`);
  }
  let inflated = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
      return err('its ZIP directory is damaged');
    }
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);

    inflated += size;
    if (inflated > limits.maxInflatedBytes) {
      const mb = Math.round(limits.maxInflatedBytes / 1024 / 1024);
      return err(`it unpacks to more than ${mb} MB, more than a table of programs needs`);
    }
    const data = entryData(view, bytes, local, compressedSize);
    if (data === null) return err(`its part "${name}" is damaged or cut short`);
    if (method === STORED && compressedSize !== size) return err(`its part "${name}" is damaged`);
    if (method === DEFLATED && !inflatesTo(data, size)) {
      return err(`its part "${name}" does not unpack to the size it declares (damaged, or a "zip bomb")`);
    }
    if (method !== STORED && method !== DEFLATED) {
      return err(`its part "${name}" uses a compression method Excel does not write (${method})`);
    }
  }
  return ok({ entries: count });
}

/** The end-of-central-directory record sits in the last 22 bytes plus up to 64 KB of archive comment. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function entryData(view: DataView, bytes: Uint8Array, local: number, size: number): Uint8Array | null {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + size > bytes.byteLength) return null;
  return bytes.subarray(start, start + size);
}

/** Inflating with the declared size as the ceiling: a liar fails as soon as it passes it. */
function inflatesTo(data: Uint8Array, size: number): boolean {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }).byteLength === size;
  } catch {
    return false;
  }
}
