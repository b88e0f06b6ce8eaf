import { describe, expect, it } from 'vitest';
import { fromTransferable, toTransferable } from './market-transfer.js';
import { solveMatch } from './solve-match.js';
import { market } from './testing/named.js';

const withCouple = market({
  programs: [
    { id: 'City', positions: 2, rankList: ['Ames', 'Xu', 'Yates'] },
    { id: 'Mercy', positions: 1, rankList: ['Yates'] },
  ],
  applicants: [{ id: 'Ames', rankList: ['City', 'Mercy'] }],
  couples: [{ id: 'Xu+Yates', members: ['Xu', 'Yates'], rankList: [['City', 'Mercy']] }],
});
const { programIds, applicantIds, coupleIds, ...compiled } = withCouple;

describe('moving a market to a worker', () => {
  it('round-trips every array and count, and solves the same', () => {
    const back = fromTransferable(structuredClone(toTransferable(withCouple, { copy: true })));
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    expect(back.value).toEqual(compiled);
    expect(solveMatch(back.value)).toEqual(solveMatch(withCouple));
  });

  it('copies on request, so the sender keeps a usable market after transferring', () => {
    const sent = toTransferable(withCouple, { copy: true });
    structuredClone(sent, { transfer: sent.buffers });
    expect(withCouple.capacity.length).toBe(2);
  });

  it('shares without copying by default, and copies arrays that are views into a larger buffer', () => {
    const own = toTransferable(withCouple);
    expect(own.buffers[0]).toBe(withCouple.capacity.buffer);
    const big = new Int32Array([9, 2, 1, 9]);
    const view = toTransferable({ ...withCouple, capacity: big.subarray(1, 3) });
    expect(Array.from(new Int32Array(view.buffers[0] as ArrayBuffer))).toEqual([2, 1]);
  });

  it('refuses buffers whose lengths disagree with the header, naming the array', () => {
    const sent = toTransferable(withCouple, { copy: true });
    sent.buffers[2] = new ArrayBuffer(4 * 5);
    const back = fromTransferable(sent);
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(back.error).toEqual([{ path: 'buffers.2', message: 'applicantRol has 5 entries, expected 2' }]);
  });
});
