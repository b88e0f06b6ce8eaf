/** How the "My list" page writes probabilities, percentage points, dollars and log-odds. */

/** 0.623 → "62%"; below 1% and above 99% one decimal, so 0.004 reads "0.4%" and 0.996 "99.6%", never "0%"/"100%". */
export function formatPercent(probability: number): string {
  const value = probability * 100;
  if ((value > 0 && value < 1) || (value > 99 && value < 100)) return `${value.toFixed(1)}%`;
  return `${Math.round(value)}%`;
}

/** The ends of a range, one percent sign: [0.48, 0.74] → "48–74%". */
export function formatRange([low, high]: readonly [number, number]): string {
  return `${formatPercent(low).replace('%', '')}–${formatPercent(high)}`;
}

/** A probability with its range: "62% (range 48–74%)". */
export function formatPercentWithRange(probability: number, range: readonly [number, number]): string {
  return `${formatPercent(probability)} (range ${formatRange(range)})`;
}

/**
 * A change in probability in percentage points, signed: 0.012 → "+1.2 points", −0.0004 → "−0.04 points".
 * Tiny gains keep two decimals so they do not all read "+0.0".
 */
export function formatPoints(delta: number): string {
  const value = delta * 100;
  const abs = Math.abs(value);
  const sign = abs < 0.005 ? '±' : value > 0 ? '+' : '−';
  const digits = abs < 0.1 ? 2 : 1;
  return `${sign}${abs.toFixed(digits)} points`;
}

/** A share of P(match) as the points the user types: 0.001 → "0.1". */
export function shareToPointsText(share: number): string {
  return String(Number((share * 100).toFixed(4)));
}

/** Typed percentage points back to a share: "0.1" → 0.001; null when not a number from 0 to 100. */
export function pointsTextToShare(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return null;
  const points = Number(trimmed);
  if (!Number.isFinite(points) || points < 0 || points > 100) return null;
  return Number((points / 100).toFixed(8));
}

/** 1234.4 → "$1,234". */
export function formatDollars(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

/** A log-odds push: 0.734 → "+0.73", −1.2 → "−1.20", 0 → "0". */
export function formatLogOdds(value: number): string {
  if (Math.abs(value) < 0.005) return '0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/** 7.34 → "7.3". */
export function formatExpected(value: number): string {
  return value.toFixed(1);
}
