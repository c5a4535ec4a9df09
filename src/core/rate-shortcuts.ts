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
 * edge that floating point cannot tell the side (the exact path decides), or is out of range. A
 * figure whose shortest decimal has at most k places (decimalPlaces) is a whole number of units, its
 * own rounding in either mode, however close to the edge: Math.round finds it.
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
  } else if (frac <= margin || frac >= 1 - margin) {
    // on a whole number of units: exact when the figure's own decimal has no more places than k (a rate
    // as printed, 68.9 % truncated at one place, as a sheet's rounding is judged on every printed rate)
    const places = decimalPlaces(Math.abs(x));
    if (places < 0 || places > k) return null;
    units = Math.round(y);
  }
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

/**
 * Scaled figures stay below this: there two decimals of at most 6 places that differ can never round
 * to the same double (their distance, at least 10^-6, exceeds the double's spacing there).
 */
const UNITS_LIMIT = 2 ** 50;

/**
 * The number of decimal places of the shortest decimal a person reads for x ("40.4" → 1, "12" → 0)
 * when it has at most 6 and x × 10^places stays below 2^50; else -1 (the exact path decides).
 *
 * Why it is exact: a decimal of k places that rounds to x lies within half an ulp of x, so x × 10^k is
 * within 0.4 of its digits and Math.round finds them; the check `units / 10^k === x` (one correctly
 * rounded division of exact doubles) holds only when such a decimal exists. Below the limit that
 * decimal is the only one of k places, and the smallest such k is the shortest form's (String(x)).
 */
export function decimalPlaces(x: number): number {
  for (let k = 0; k <= 6; k++) {
    const units = Math.round(x * POW10[k]);
    if (!(Math.abs(units) < UNITS_LIMIT)) return -1;
    if (units / POW10[k] === x) return k;
  }
  return -1;
}

/**
 * (a − b) ÷ (c − d) for figures of at most 6 decimal places (40.4 %, 13.6 km): the figures scaled to
 * whole numbers of the same places, the differences exact in doubles, one division, as rates.ts's
 * exact path computes on the same decimals. Null when a figure has more places or a scaled figure or
 * difference leaves the safe range; NaN stands for a zero divisor.
 */
export function decimalQuotient(a: number, b: number, c: number, d: number): number | null {
  const pa = decimalPlaces(a);
  const pb = decimalPlaces(b);
  const pc = decimalPlaces(c);
  const pd = decimalPlaces(d);
  if (pa < 0 || pb < 0 || pc < 0 || pd < 0) return null;
  const k = Math.max(pa, pb, pc, pd);
  const top = scaled(a, pa, k) - scaled(b, pb, k);
  const bottom = scaled(c, pc, k) - scaled(d, pd, k);
  if (!Number.isSafeInteger(top) || !Number.isSafeInteger(bottom)) return null;
  if (bottom === 0) return NaN;
  // the exact path's difference of equal figures is 0n, whose sign is that of the divisor: never −0 − 0
  return (top === 0 ? 0 : top) / bottom;
}

/** x's digits at `places` (decimalPlaces) as a whole number of 10^-k (NaN-free; may leave the safe range). */
function scaled(x: number, places: number, k: number): number {
  return Math.round(x * POW10[places]) * POW10[k - places];
}

/**
 * Number(x.toPrecision(12)) without the text round trip (status.ts compares ratios at 12 significant
 * digits, twice per KPI): x scaled so that its 12 significant digits are the whole part, rounded to
 * the nearest whole number, scaled back by one correctly rounded division — the double nearest the
 * 12-digit decimal, as Number() reads toPrecision's text. Left to toPrecision when the scaled figure
 * lies within 10^-3 of a tie (the scaling is off by at most 2^-13 there), outside 10^-11 ≤ |x| < 10^12,
 * or not finite.
 */
export function significant12(x: number): number {
  const a = Math.abs(x);
  if (a >= 1e-11 && a < 1e12) {
    const j = 11 - Math.floor(Math.log10(a));
    if (j >= 0 && j <= 22) {
      const y = a * POW10[j];
      if (y >= 1e11 && y < 999_999_999_999 && Math.abs(y - Math.floor(y) - 0.5) > 1e-3) {
        const n = Math.round(y);
        return (x < 0 ? -n : n) / POW10[j];
      }
    }
  }
  return Number(x.toPrecision(12));
}
