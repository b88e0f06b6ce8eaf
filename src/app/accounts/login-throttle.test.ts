import { describe, expect, it } from 'vitest';
import { type ThrottleRule, waitBeforeNextTry } from './login-throttle.js';

const rule: ThrottleRule = { free: 3, baseMs: 1_000, maxMs: 8_000, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('waitBeforeNextTry', () => {
  it('lets the free failures through without a wait', () => {
    expect(waitBeforeNextTry([at(0), at(1)], rule, at(2))).toBe(0);
  });

  it('then doubles the wait with every further failure, from the last one, up to the ceiling', () => {
    const failures = [at(0), at(0), at(0)];
    expect(waitBeforeNextTry(failures, rule, at(0))).toBe(1_000);
    expect(waitBeforeNextTry([...failures, at(0)], rule, at(0))).toBe(2_000);
    expect(waitBeforeNextTry([...failures, at(0), at(0)], rule, at(500))).toBe(3_500);
    const many = Array.from({ length: 20 }, () => at(0));
    expect(waitBeforeNextTry(many, rule, at(0))).toBe(8_000);
  });

  it('is over once the wait has passed', () => {
    expect(waitBeforeNextTry([at(0), at(0), at(0)], rule, at(1_000))).toBe(0);
  });
});
