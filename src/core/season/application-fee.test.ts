import { describe, expect, it } from 'vitest';
import { ERAS_2026_FEE_SCHEDULE } from '../smartpick/model-parameters.js';
import type { Application } from './application.js';
import { feeOnApplying } from './application-fee.js';

const application = (acgmeId: string, appliedOn: string | null): Application =>
  ({ acgmeId, appliedOn }) as Application;

describe('feeOnApplying', () => {
  it('Given two programs applied to and one saved, When the saved one is sent, Then it is the 3rd at $11', () => {
    const apps = [application('A', '2026-09-20'), application('B', '2026-09-21'), application('C', null)];
    expect(feeOnApplying(apps, 'C', ERAS_2026_FEE_SCHEDULE)).toEqual({ dollars: 11, nth: 3 });
  });

  it('Given 30 sent, Then the 31st costs $30 under the ERAS schedule', () => {
    const apps = Array.from({ length: 30 }, (_, i) => application(`P${i}`, '2026-09-20'));
    expect(feeOnApplying([...apps, application('X', null)], 'X', ERAS_2026_FEE_SCHEDULE)).toEqual({
      dollars: 30,
      nth: 31,
    });
  });

  it('uses the schedule it is given (an edited one) and charges a fixed fee with the first', () => {
    const edited = {
      ...ERAS_2026_FEE_SCHEDULE,
      fixedDollars: 5,
      tiers: [{ upTo: null, dollarsPerProgram: 20 }],
    };
    expect(feeOnApplying([], 'X', edited)).toEqual({ dollars: 25, nth: 1 });
    expect(feeOnApplying([application('A', '2026-09-20')], 'X', edited)).toEqual({ dollars: 20, nth: 2 });
  });
});
