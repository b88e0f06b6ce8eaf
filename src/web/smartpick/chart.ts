import type { CurvePoint } from '../../core/smartpick/recommend.js';
import { plural } from '../lib/labels.js';
import { formatDollars, formatPercent, formatPercentWithRange } from './format.js';

/** Geometry of the "P(match) by number of programs" chart, computed apart from React so it can be tested. */

export type Scale = (value: number) => number;

/** A linear map from `domain` to `range`; a zero-width domain maps everything to the start of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Round tick values from 0 to at least `max`, with a step of 1, 2 or 5 × 10ⁿ and at most `target` + 1 ticks. */
export function niceTicks(max: number, target: number): number[] {
  if (!(max > 0)) return [0];
  const rough = max / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let value = 0; value <= max + 1e-9; value += wholeStep) ticks.push(value);
  return ticks;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** An SVG path through the points: "M0,10L5,8…"; empty for no points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('');
}

/** A closed band: along `upper` left to right, back along `lower` right to left. */
export function bandPath(
  upper: readonly (readonly [number, number])[],
  lower: readonly (readonly [number, number])[],
): string {
  if (upper.length === 0) return '';
  return `${linePath([...upper, ...[...lower].reverse()])}Z`;
}

export interface ChartInput {
  curve: readonly CurvePoint[];
  /** Programs the budget pays for. */
  budget: number;
  /** The suggested stop point (list size). */
  stop: number;
  width: number;
  height: number;
}

export interface Marker {
  size: number;
  x: number;
  /** Where its label sits: the stop label on the first row above the plot, the budget's on the second. */
  labelY: number;
  labelAnchor: 'start' | 'end';
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Each tick with the cumulative cost at that size; the last label is right-aligned so it stays inside. */
  xTicks: { value: number; x: number; cost: string | null; anchor: 'middle' | 'end' }[];
  yTicks: { value: number; y: number; label: string }[];
  /** P(match) up to the budget, and past it (drawn dashed: what more programs would add). */
  linePath: string;
  beyondPath: string;
  /** The range band. */
  bandPath: string;
  budget: Marker;
  stop: Marker & { y: number; valueLabel: string };
  /** Each list size on the curve with a tooltip: "12 programs: 62% (range 48–74%), $330". */
  points: { size: number; x: number; y: number; title: string }[];
}

/** Margins: room for the P(match) labels on the left and two rows (programs, cost) under the axis. */
export const CHART_MARGIN = { left: 44, right: 14, top: 44, bottom: 50 } as const;

/**
 * Everything needed to draw the chart at a given size: scales, ticks with the cumulative cost under each
 * program count, the curve and its band, and the budget and stop markers.
 *
 * @example chartLayout({ curve: rec.curve, budget: rec.budget.programs, stop: rec.stopPoint.size, width: 640, height: 320 })
 */
export function chartLayout({ curve, budget, stop, width, height }: ChartInput): ChartLayout {
  const plot = {
    left: CHART_MARGIN.left,
    right: Math.max(CHART_MARGIN.left + 1, width - CHART_MARGIN.right),
    top: CHART_MARGIN.top,
    bottom: Math.max(CHART_MARGIN.top + 1, height - CHART_MARGIN.bottom),
  };
  const origin: CurvePoint = {
    size: 0,
    acgmeId: '',
    pMatch: 0,
    pMatchRange: [0, 0],
    bestPossible: 0,
    marginalGain: 0,
    cumulativeCost: 0,
    withinBudget: true,
    recommended: true,
  };
  const points = [origin, ...curve];
  const maxSize = Math.max(1, budget, stop, curve.at(-1)?.size ?? 0);
  const x = linearScale([0, maxSize], [plot.left, plot.right]);
  const y = linearScale([0, 1], [plot.bottom, plot.top]);
  const costBySize = new Map(points.map((point) => [point.size, point.cumulativeCost]));

  const tickTarget = Math.max(2, Math.floor((plot.right - plot.left) / 64));
  const xTicks = niceTicks(maxSize, tickTarget).map((value) => {
    const cost = costBySize.get(value);
    const at = x(value);
    return {
      value,
      x: at,
      cost: cost === undefined ? null : formatDollars(cost),
      anchor: at > width - 30 ? ('end' as const) : ('middle' as const),
    };
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({
    value,
    y: y(value),
    label: formatPercent(value),
  }));

  const at = (point: CurvePoint): [number, number] => [x(point.size), y(point.pMatch)];
  const within = points.filter((point) => point.size <= budget).map(at);
  const beyond = points.filter((point) => point.size >= budget).map(at);

  const stopPoint = points.find((point) => point.size === stop) ?? origin;
  const xStop = x(stop);
  const xBudget = x(budget);
  const anchor = (value: number): 'start' | 'end' => (value > (plot.left + plot.right) / 2 ? 'end' : 'start');
  const budgetCost = costBySize.get(budget);
  return {
    width,
    height,
    plot,
    xTicks,
    yTicks,
    linePath: linePath(within),
    beyondPath: beyond.length > 1 ? linePath(beyond) : '',
    bandPath: bandPath(
      points.map((point) => [x(point.size), y(point.pMatchRange[1])] as const),
      points.map((point) => [x(point.size), y(point.pMatchRange[0])] as const),
    ),
    budget: {
      size: budget,
      x: xBudget,
      labelY: plot.top - 8,
      labelAnchor: anchor(xBudget),
      label: `Budget: ${budget}${budgetCost === undefined ? '' : ` (${formatDollars(budgetCost)})`}`,
    },
    stop: {
      size: stop,
      x: xStop,
      y: y(stopPoint.pMatch),
      labelY: plot.top - 24,
      labelAnchor: anchor(xStop),
      label: `Stop: ${stop}`,
      valueLabel: formatPercent(stopPoint.pMatch),
    },
    points: curve.map((point) => ({
      size: point.size,
      x: x(point.size),
      y: y(point.pMatch),
      title: `${plural(point.size, 'program')}: P(match) ${formatPercentWithRange(point.pMatch, point.pMatchRange)}, ${formatDollars(point.cumulativeCost)}`,
    })),
  };
}

/**
 * The chart's accessible name, starting "Chart of P(match)": the suggested list, its chance and cost, the
 * budget, and how far the curve goes.
 */
export function chartLabel(input: { curve: readonly CurvePoint[]; budget: number; stop: number }): string {
  const stopPoint = input.curve.find((point) => point.size === input.stop);
  const last = input.curve.at(-1);
  const parts = [
    `Chart of P(match) by number of programs: ${formatPercent(stopPoint?.pMatch ?? 0)} at the suggested stop of ${plural(input.stop, 'program')}${stopPoint ? ` (${formatDollars(stopPoint.cumulativeCost)})` : ''}`,
    `budget ${plural(input.budget, 'program')}`,
  ];
  if (last) parts.push(`${formatPercent(last.pMatch)} at ${plural(last.size, 'program')}`);
  return `${parts.join('; ')}.`;
}
