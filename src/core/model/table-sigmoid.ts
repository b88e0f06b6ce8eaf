/**
 * The logistic function from a table (step 1/64 over ±20, linear interpolation, error below 5e-6): Math.exp was the
 * largest cost of drawing a simulated Match and of SmartPick's quadrature, which both call this one. Monotone, so
 * comparisons made with it keep their order.
 */
const RANGE = 20;
const STEPS_PER_UNIT = 64;
const TABLE = Float64Array.from(
  { length: 2 * RANGE * STEPS_PER_UNIT + 2 },
  (_, i) => 1 / (1 + Math.exp(-(i / STEPS_PER_UNIT - RANGE))),
);
const LAST = 2 * RANGE * STEPS_PER_UNIT;

export function tableSigmoid(logOdds: number): number {
  const position = (logOdds + RANGE) * STEPS_PER_UNIT;
  if (position <= 0) return TABLE[0] as number;
  if (position >= LAST) return TABLE[LAST] as number;
  const i = Math.floor(position);
  const low = TABLE[i] as number;
  return low + ((TABLE[i + 1] as number) - low) * (position - i);
}
