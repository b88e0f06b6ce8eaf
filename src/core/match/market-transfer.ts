import { err, type FieldIssue, ok, type Result } from '../shared/result.js';
import { checkCompiledMarket } from './check-market.js';
import type { CompiledMarket } from './compiled-market.js';

/** The typed arrays of a market, in the order their buffers travel. */
const ARRAYS = [
  'capacity',
  'applicantRolOffsets',
  'applicantRol',
  'programRolOffsets',
  'programRol',
  'coupleMembers',
  'coupleRolOffsets',
  'coupleRol',
] as const satisfies readonly (keyof CompiledMarket)[];

export interface TransferHeader {
  format: 'matchwise-compiled-market';
  version: 1;
  applicantCount: number;
  programCount: number;
  coupleCount: number;
  /** Names of the arrays whose buffers follow, in order. */
  arrays: readonly (typeof ARRAYS)[number][];
}

export interface TransferableMarket {
  header: TransferHeader;
  buffers: ArrayBuffer[];
}

/**
 * A market as a plain header and one ArrayBuffer per array, for `postMessage(message, buffers)`.
 * Arrays that own their whole buffer are passed as they are, so transferring them detaches them here;
 * pass `{ copy: true }` to keep using the market after sending it (e.g. one market to several workers).
 *
 * @example
 * const { header, buffers } = toTransferable(market, { copy: true });
 * worker.postMessage({ header, buffers }, buffers);
 * // in the worker: const market = fromTransferable(data); if (market.ok) solveMatch(market.value);
 */
export function toTransferable(market: CompiledMarket, { copy = false } = {}): TransferableMarket {
  const buffers = ARRAYS.map((name) => {
    const array = market[name];
    const ownsBuffer =
      array.byteOffset === 0 &&
      array.byteLength === array.buffer.byteLength &&
      array.buffer instanceof ArrayBuffer;
    return !copy && ownsBuffer ? (array.buffer as ArrayBuffer) : array.slice().buffer;
  });
  return {
    header: {
      format: 'matchwise-compiled-market',
      version: 1,
      applicantCount: market.applicantCount,
      programCount: market.programCount,
      coupleCount: market.coupleCount,
      arrays: ARRAYS,
    },
    buffers,
  };
}

/**
 * Rebuilds a market from {@link toTransferable}'s output without copying, checking that every array has the
 * length its counts and offsets imply and that the market is safe to solve (see checkCompiledMarket).
 *
 * @example
 * const market = fromTransferable(event.data);
 */
export function fromTransferable(data: {
  header: TransferHeader;
  buffers: readonly ArrayBufferLike[];
}): Result<CompiledMarket, FieldIssue[]> {
  const { header, buffers } = data;
  if (header.format !== 'matchwise-compiled-market' || header.version !== 1) {
    return err([{ path: 'header.format', message: 'not a version 1 Matchwise compiled market' }]);
  }
  if (buffers.length !== ARRAYS.length || header.arrays.some((name, i) => name !== ARRAYS[i])) {
    return err([{ path: 'buffers', message: `expected ${ARRAYS.length} buffers: ${ARRAYS.join(', ')}` }]);
  }
  const misaligned = buffers.findIndex((buffer) => buffer.byteLength % Int32Array.BYTES_PER_ELEMENT !== 0);
  if (misaligned >= 0) {
    return err([
      { path: `buffers.${misaligned}`, message: 'length is not a whole number of 32-bit integers' },
    ]);
  }
  const arrays = Object.fromEntries(
    ARRAYS.map((name, i) => [name, new Int32Array(buffers[i] as ArrayBufferLike)]),
  ) as Record<(typeof ARRAYS)[number], Int32Array>;
  const { applicantCount, programCount, coupleCount } = header;
  const last = (offsets: Int32Array) => offsets[offsets.length - 1] ?? -1;
  const expected: Record<(typeof ARRAYS)[number], number> = {
    capacity: programCount,
    applicantRolOffsets: applicantCount + 1,
    applicantRol: last(arrays.applicantRolOffsets),
    programRolOffsets: programCount + 1,
    programRol: last(arrays.programRolOffsets),
    coupleMembers: 2 * coupleCount,
    coupleRolOffsets: coupleCount + 1,
    coupleRol: 2 * last(arrays.coupleRolOffsets),
  };
  const issues = ARRAYS.filter((name) => arrays[name].length !== expected[name]).map((name) => ({
    path: `buffers.${ARRAYS.indexOf(name)}`,
    message: `${name} has ${arrays[name].length} entries, expected ${expected[name]}`,
  }));
  if (issues.length > 0) return err(issues);
  const market = { applicantCount, programCount, coupleCount, ...arrays };
  const invalid = checkCompiledMarket(market);
  return invalid.length > 0 ? err(invalid) : ok(market);
}
