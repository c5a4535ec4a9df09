/**
 * Floating-point shortcuts for the decimal-exact arithmetic of rates.ts. Each gives the answer only
 * when plain floats provably give the same one as the exact decimals, else null: rates.ts then takes
 * its exact path (BigInt). Rounding only differs near its edge (x.5 for half-up, a whole number for
 * truncation), so ties such as 187/2000 → 9.35 % stay exact; everything else skips the BigInts.
 */
import type { RoundingMode } from './rates';

/** 10^k, exact as a double for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Below this, a scaled figure and its distance from a rounding edge are exact enough in doubles. */
const LIMIT = 1e15;

/**
 * The rounded figure in units of 10^-k, sign included: what rounding the decimal a person reads for
 * x (its shortest form, "0.0935") at k places gives. Null when x × 10^k lies so close to the rounding
 * edge that floating point cannot tell the side (the exact path decides), or is out of range.
 *
 * Why it is safe: x is within half an ulp of its shortest decimal D and x × 10^k is rounded once, so
 * x × 10^k differs from D × 10^k by at most |x × 10^k| × 2^-52; the margin below is 10^4 times that.
 */
export function roundedUnits(x: number, k: number, mode: RoundingMode): number | null {
  const y = Math.abs(x) * POW10[k];
  if (!(y < LIMIT)) return null;
  const whole = Math.floor(y);
  const frac = y - whole;
  const margin = Math.max(1, y) * 1e-12;
  let units = whole;
  if (mode === 'half-up') {
    if (Math.abs(frac - 0.5) <= margin) return null;
    if (frac > 0.5) units += 1;
  } else if (frac <= margin || frac >= 1 - margin) return null;
  // the exact path has no −0: a figure rounded to zero is 0
  return x < 0 && units !== 0 ? -units : units;
}

/** units × 10^-k as the nearest double: one correctly rounded division of two exact doubles. */
export function fromUnits(units: number, k: number): number {
  return units / POW10[k];
}

/**
 * (a − b) ÷ (c − d) (or a ÷ c when b and d are 0) for whole numbers: each difference exact in doubles
 * when it stays a safe integer, and the division then rounds once, as the exact path does. Null when
 * a figure is not whole or a difference leaves the safe range; NaN stands for a zero divisor.
 */
export function wholeQuotient(a: number, b: number, c: number, d: number): number | null {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c) || !Number.isSafeInteger(d)) return null;
  const top = a - b;
  const bottom = c - d;
  if (!Number.isSafeInteger(top) || !Number.isSafeInteger(bottom)) return null;
  return bottom === 0 ? NaN : top / bottom;
}
