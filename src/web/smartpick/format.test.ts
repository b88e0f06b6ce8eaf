import { describe, expect, it } from 'vitest';
import {
  formatDollars,
  formatLogOdds,
  formatPercent,
  formatPercentWithRange,
  formatPoints,
  formatRange,
  pointsTextToShare,
  shareToPointsText,
} from './format.js';

describe('formatPercent', () => {
  it('rounds to whole percents in the middle and keeps a decimal near 0 and 100', () => {
    expect(formatPercent(0.623)).toBe('62%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0.996)).toBe('99.6%');
  });
});

describe('formatPercentWithRange', () => {
  it('reads like the summary: "62% (range 48–74%)"', () => {
    expect(formatPercentWithRange(0.62, [0.48, 0.74])).toBe('62% (range 48–74%)');
    expect(formatRange([0.004, 0.12])).toBe('0.4–12%');
  });
});

describe('formatPoints', () => {
  it('signs a change in percentage points, with two decimals for tiny ones', () => {
    expect(formatPoints(0.012)).toBe('+1.2 points');
    expect(formatPoints(-0.0004)).toBe('−0.04 points');
    expect(formatPoints(0.01)).toBe('+1.0 points');
    expect(formatPoints(0)).toBe('±0.00 points');
  });
});

describe('stop threshold in points', () => {
  it('shows the stored share 0.001 as 0.1 points and reads it back', () => {
    expect(shareToPointsText(0.001)).toBe('0.1');
    expect(shareToPointsText(0.0025)).toBe('0.25');
    expect(pointsTextToShare('0.1')).toBe(0.001);
    expect(pointsTextToShare(' .5 ')).toBe(0.005);
    expect(pointsTextToShare('2')).toBe(0.02);
  });

  it('refuses what is not a number of points from 0 to 100', () => {
    expect(pointsTextToShare('')).toBeNull();
    expect(pointsTextToShare('-1')).toBeNull();
    expect(pointsTextToShare('abc')).toBeNull();
    expect(pointsTextToShare('101')).toBeNull();
  });
});

describe('formatDollars and formatLogOdds', () => {
  it('writes dollars with separators and log-odds signed to two decimals', () => {
    expect(formatDollars(1234.4)).toBe('$1,234');
    expect(formatLogOdds(0.734)).toBe('+0.73');
    expect(formatLogOdds(-1.2)).toBe('−1.20');
    expect(formatLogOdds(0)).toBe('0');
  });
});
