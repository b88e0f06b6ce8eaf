import { describe, expect, it } from 'vitest';
import { bandPath, chartLabel, chartLayout, linearScale, linePath, niceTicks } from './chart.js';
import { exampleRecommendation } from './test-fixtures.js';

describe('linearScale', () => {
  it('maps a domain onto a range, inverted for the y axis', () => {
    const y = linearScale([0, 1], [300, 20]);
    expect(y(0)).toBe(300);
    expect(y(1)).toBe(20);
    expect(y(0.5)).toBe(160);
    expect(linearScale([5, 5], [0, 100])(7)).toBe(0);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 to the maximum', () => {
    expect(niceTicks(60, 6)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(niceTicks(32, 4)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(7, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(niceTicks(0, 5)).toEqual([0]);
  });
});

describe('paths', () => {
  it('draws a line and a closed band', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        [0, 10],
        [5.04, 8],
      ]),
    ).toBe('M0,10L5,8');
    expect(
      bandPath(
        [
          [0, 1],
          [1, 2],
        ],
        [
          [0, 3],
          [1, 4],
        ],
      ),
    ).toBe('M0,1L1,2L1,4L0,3Z');
  });
});

describe('chartLayout', () => {
  const recommendation = exampleRecommendation();
  const input = {
    curve: recommendation.curve,
    budget: recommendation.budget.programs,
    stop: recommendation.stopPoint.size,
    width: 640,
    height: 320,
  };

  it('puts P(match) from 0% to 100% on the y axis and the cumulative cost under program counts', () => {
    const layout = chartLayout(input);
    expect(layout.yTicks.map((tick) => tick.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(layout.xTicks[0]).toMatchObject({ value: 0, cost: '$0' });
    const ten = layout.xTicks.find((tick) => tick.value === 10);
    expect(ten?.cost).toBe('$110');
    expect(layout.linePath.startsWith('M44,270')).toBe(true);
    expect(layout.bandPath.endsWith('Z')).toBe(true);
  });

  it('moves the budget marker when the budget changes', () => {
    // Given Dr. Rivera's list at a budget of 12 programs, then at 6
    const at12 = chartLayout(input);
    const smaller = exampleRecommendation({ budget: { kind: 'programs', programs: 6 } });
    const at6 = chartLayout({
      ...input,
      curve: smaller.curve,
      budget: smaller.budget.programs,
      stop: smaller.stopPoint.size,
    });
    // Then the budget marker moves left and the curve past the budget begins earlier
    expect(at6.budget.x).toBeLessThan(at12.budget.x);
    expect(at6.budget.label).toBe('Budget: 6 ($66)');
    expect(at6.linePath).not.toBe(at12.linePath);
  });

  it('keeps the stop and budget labels on separate rows and the last tick inside the chart', () => {
    const layout = chartLayout(input);
    expect(layout.stop.labelY).not.toBe(layout.budget.labelY);
    for (const tick of layout.xTicks) expect(tick.anchor).toBe(tick.x > 640 - 30 ? 'end' : 'middle');
    const edge = chartLayout({ ...input, budget: 40, stop: 40 });
    expect(edge.xTicks.at(-1)).toMatchObject({ value: 40, anchor: 'end' });
  });

  it('marks the stop point on the curve with its P(match)', () => {
    const layout = chartLayout(input);
    const point = recommendation.curve.find((p) => p.size === recommendation.stopPoint.size);
    expect(layout.stop.label).toBe(`Stop: ${recommendation.stopPoint.size}`);
    expect(layout.stop.y).toBeCloseTo(320 - 50 - (point?.pMatch ?? 0) * (320 - 50 - 44), 5);
  });
});

describe('chartLabel', () => {
  it('starts "Chart of P(match)" and names the stop, its cost and the budget', () => {
    const recommendation = exampleRecommendation();
    const label = chartLabel({
      curve: recommendation.curve,
      budget: recommendation.budget.programs,
      stop: recommendation.stopPoint.size,
    });
    expect(label.startsWith('Chart of P(match) by number of programs: ')).toBe(true);
    expect(label).toContain(`suggested stop of ${recommendation.stopPoint.size} programs`);
    expect(label).toContain('budget 12 programs');
  });
});
