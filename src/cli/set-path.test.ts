import { describe, expect, it } from 'vitest';
import { setPath } from './set-path.js';

describe('setPath', () => {
  it('sets a nested field without touching the original or its siblings', () => {
    const original = { exams: { step2ck: 220, step1Attempts: 1 }, name: 'A' };
    const changed = setPath(original, 'exams.step2ck', 235);
    expect(changed).toEqual({ exams: { step2ck: 235, step1Attempts: 1 }, name: 'A' });
    expect(original.exams.step2ck).toBe(220);
  });

  it('creates missing objects along the path', () => {
    expect(setPath({}, 'usce.handsOnMonths', 3)).toEqual({ usce: { handsOnMonths: 3 } });
  });
});
