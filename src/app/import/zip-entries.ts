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
  const centralStart = at;
  const entries: Entry[] = [];
  let inflated = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
      return err('its ZIP directory is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    inflated += entry.size;
    if (inflated > limits.maxInflatedBytes) {
      const mb = Math.round(limits.maxInflatedBytes / 1024 / 1024);
      return err(`it unpacks to more than ${mb} MB, more than a table of programs needs`);
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      return err(`its part "${entry.name}" uses a compression method Excel does not write (${entry.method})`);
    }
    entries.push(entry);
  }
  // The streaming reader walks local headers one after another from byte 0, trusting their sizes; so they
  // must agree with the directory and sit back to back, or it would read something other than what is checked
  // here (a wrong local size left it waiting forever).
  entries.sort((a, b) => a.local - b.local);
  let expected = 0;
  for (const entry of entries) {
    if (entry.local !== expected) return err(`its part "${entry.name}" is not where the ZIP directory says`);
    const data = entryData(view, bytes, entry);
    if (data === null) return err(`its part "${entry.name}" is damaged or cut short`);
    if (entry.method === STORED && entry.compressedSize !== entry.size) {
      return err(`its part "${entry.name}" is damaged`);
    }
    if (entry.method === DEFLATED && !inflatesTo(data.bytes, entry.size)) {
      return err(
        `its part "${entry.name}" does not unpack to the size it declares (damaged, or a "zip bomb")`,
      );
    }
    expected = data.end;
  }
  if (expected !== centralStart) return err('its ZIP directory does not follow its last part');
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

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  local: number;
}

const DATA_DESCRIPTOR_FLAG = 0x08;
const DATA_DESCRIPTOR = 0x08074b50;

/**
 * An entry's compressed bytes and where the next part must start, when its local header agrees with the
 * directory. With the data-descriptor flag the local sizes may be zero and the sizes follow the data instead.
 */
function entryData(
  view: DataView,
  bytes: Uint8Array,
  entry: Entry,
): { bytes: Uint8Array; end: number } | null {
  const { local } = entry;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) return null;
  const flags = view.getUint16(local + 6, true);
  if (view.getUint16(local + 8, true) !== entry.method || flags !== entry.flags) return null;
  const described = (flags & DATA_DESCRIPTOR_FLAG) !== 0;
  const localCompressed = view.getUint32(local + 18, true);
  const localSize = view.getUint32(local + 22, true);
  const sizesAgree = localCompressed === entry.compressedSize && localSize === entry.size;
  if (!sizesAgree && !(described && localCompressed === 0 && localSize === 0)) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = start + entry.compressedSize;
  let end = dataEnd;
  if (end > bytes.byteLength) return null;
  if (described) {
    const signed = end + 4 <= bytes.byteLength && view.getUint32(end, true) === DATA_DESCRIPTOR;
    end += signed ? 16 : 12;
    if (end > bytes.byteLength) return null;
  }
  return { bytes: bytes.subarray(start, dataEnd), end };
}

/** Inflating with the declared size as the ceiling: a liar fails as soon as it passes it. */
function inflatesTo(data: Uint8Array, size: number): boolean {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }).byteLength === size;
  } catch {
    return false;
  }
}
