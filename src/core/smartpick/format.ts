/** Small formatters so every explanation speaks the same way. */

/** 0.123 → "12%"; below 1% shows one decimal. */
export function percent(probability: number): string {
  const value = probability * 100;
  if (value > 0 && value < 1) return `${value.toFixed(1)}%`;
  return `${Math.round(value)}%`;
}

/** A change in probability in percentage points: 0.0123 → "+1.2 points". */
export function points(delta: number): string {
  const value = delta * 100;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  return `${sign}${abs < 0.1 && abs > 0 ? abs.toFixed(2) : abs.toFixed(1)} points`;
}

/** A small change in percentage points with three decimals, for comparisons with a threshold: "+0.096 points". */
export function pointsPrecise(delta: number): string {
  const value = delta * 100;
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)} points`;
}

/** A log-odds push: 0.73 → "+0.73". */
export function signed(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/** The one plural rule (Intl.PluralRules), re-exported where explanations already import their formatters. */
export { plural } from '../shared/plural.js';

export function dollars(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}`;
}
