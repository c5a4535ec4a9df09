/**
 * The float shortcuts of src/core/rate-shortcuts.ts against an exact decimal reference written here
 * (BigInt on the shortest decimal of each double): every answer they give is the exact one, and they
 * give none on a rounding edge. rates.ts falls back to its own exact path on null.
 */
import fc from 'fast-check';
import { decimalPlaces, decimalQuotient, fromUnits, roundedUnits, significant12, wholeQuotient } from '../../../src/core/rate-shortcuts';
import { divideExact, formatRate, progressRate, roundRate, type RoundingMode } from '../../../src/core/rates';

/** round(D × 10^k) for the shortest decimal D of x, on exact decimals. */
function exactUnits(x: number, k: number, mode: RoundingMode): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
  const digits = BigInt(m[2] + (m[3] ?? ''));
  const scale = (m[3] ?? '').length - Number(m[4] ?? 0) - k;
  let q: bigint;
  if (scale <= 0) q = digits * 10n ** BigInt(-scale);
  else {
    const div = 10n ** BigInt(scale);
    q = digits / div;
    if (mode === 'half-up' && (digits % div) * 2n >= div) q += 1n;
  }
  return m[1] ? -q : q;
}

const modes: RoundingMode[] = ['half-up', 'truncate'];

describe('roundedUnits', () => {
  test('no answer on a tie or a whole figure it cannot tell apart in floats', () => {
    // 187 / 2000 = 9.35 %: half-up gives 9.4, but 0.0935 × 1000 is 93.49999999999999 in doubles
    expect(roundedUnits(0.0935, 3, 'half-up')).toBeNull();
    expect(roundRate(0.0935, 1, 'half-up')).toBe(0.094);
    expect(roundedUnits(-0.0935, 3, 'half-up')).toBeNull();
    // truncating near the whole number 689 at one place: a decimal of more places than doubles tell apart
    expect(roundedUnits(0.68900000000001, 3, 'truncate')).toBeNull();
    expect(roundedUnits(0.68899999999999, 3, 'truncate')).toBeNull();
    expect(roundRate(0.68900000000001, 1, 'truncate')).toBe(0.689);
    expect(roundRate(0.68899999999999, 1, 'truncate')).toBe(0.688);
    expect(roundedUnits(0.68899999, 3, 'truncate')).toBe(688);
    expect(roundedUnits(0.68900001, 3, 'truncate')).toBe(689);
  });

  test('a figure with no more places than asked is its own rounding, on the edge or not', () => {
    // 68.9 % truncated at one place: the whole number 689, as printed rates are judged
    expect(roundedUnits(0.689, 3, 'truncate')).toBe(689);
    expect(roundedUnits(-0.689, 3, 'truncate')).toBe(-689);
    expect(roundedUnits(0.68, 3, 'truncate')).toBe(680);
    expect(roundedUnits(1, 3, 'truncate')).toBe(1000);
    // 0.1 + 0.2 is 0.30000000000000004, not 0.3: on the edge with 17 places, left to the exact path
    expect(roundedUnits(0.1 + 0.2, 1, 'truncate')).toBeNull();
    expect(roundRate(0.1 + 0.2, 0, 'truncate')).toBe(0.3);
    expect(roundRate(0.689, 1, 'truncate')).toBe(0.689);
    // more places than asked: the edge is left to the exact path
    expect(roundedUnits(0.6891, 3, 'truncate')).toBe(689);
    expect(roundedUnits(0.0689, 3, 'truncate')).toBe(68);
    // places beyond what decimalPlaces reads (7 and more): no answer on the edge
    expect(roundedUnits(0.1234567000000001, 7, 'truncate')).toBeNull();
    expect(roundRate(0.1234567000000001, 5, 'truncate')).toBe(0.1234567);
    // an exact zero is a whole number of no places: 0, never −0
    expect(roundedUnits(0, 3, 'truncate')).toBe(0);
    expect(Object.is(roundedUnits(-0, 3, 'truncate'), 0)).toBe(true);
  });

  test('figures of at most k places, either mode, on or near every edge: the exact decimal answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...modes), (n, s, k, mode) => {
        const x = n / 10 ** s;
        const units = roundedUnits(x, k, mode);
        if (s <= k && mode === 'truncate') expect(units).not.toBeNull();
        if (units !== null) expect(BigInt(units)).toBe(exactUnits(x, k, mode));
      }),
      { numRuns: 20_000, seed: 29 },
    );
  });

  test('answers away from the edge, half away from zero or towards zero', () => {
    expect(roundedUnits(0.6888, 3, 'half-up')).toBe(689);
    expect(roundedUnits(0.6888, 3, 'truncate')).toBe(688);
    expect(roundedUnits(-0.6888, 3, 'half-up')).toBe(-689);
    expect(roundedUnits(-0.6888, 3, 'truncate')).toBe(-688);
    expect(roundedUnits(0.6884, 3, 'half-up')).toBe(688);
    expect(roundedUnits(0.689, 3, 'half-up')).toBe(689);
    expect(roundedUnits(2, 2, 'half-up')).toBe(200);
  });

  test('a figure rounded to zero is 0, never −0', () => {
    expect(Object.is(roundedUnits(-0.0001, 3, 'half-up'), 0)).toBe(true);
    expect(Object.is(roundedUnits(-0.0009, 3, 'truncate'), 0)).toBe(true);
    expect(Object.is(roundRate(-0.0001, 1, 'half-up'), 0)).toBe(true);
  });

  test('no answer out of range: huge figures, NaN, infinities, more places than doubles hold', () => {
    expect(roundedUnits(1e13, 2, 'half-up')).toBeNull();
    expect(roundedUnits(9.99e8, 2, 'half-up')).toBe(9.99e10);
    expect(roundedUnits(9.99e12, 2, 'half-up')).toBeNull();
    expect(roundedUnits(NaN, 2, 'half-up')).toBeNull();
    expect(roundedUnits(Infinity, 2, 'half-up')).toBeNull();
    expect(roundedUnits(0.5, 23, 'half-up')).toBeNull();
    expect(() => roundRate(NaN, 1, 'half-up')).toThrow(/not a finite number/);
  });

  test('the margin is relative: a large figure near its edge is left to the exact path', () => {
    // 123456789.5 at 0 places: within 1e-12 × y of the tie
    expect(roundedUnits(1234567.895, 2, 'half-up')).toBeNull();
    expect(roundedUnits(0.5000000000001, 0, 'half-up')).toBeNull();
    expect(roundedUnits(0.500001, 0, 'half-up')).toBe(1);
    expect(roundedUnits(0.499999, 0, 'half-up')).toBe(0);
    expect(roundedUnits(0.9999999999999, 0, 'truncate')).toBeNull();
    expect(roundedUnits(0.999999, 0, 'truncate')).toBe(0);
  });

  test('whenever it answers, the answer is the exact decimal one (random rates and decimals)', () => {
    const figure = fc.oneof(
      fc.double({ min: -20, max: 20, noNaN: true }),
      fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 })).map(([n, s]) => n / 10 ** s),
      fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 5000 })).map(([a, b]) => a / b),
    );
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...modes), (x, k, mode) => {
        const units = roundedUnits(x, k, mode);
        if (units === null) return;
        expect(BigInt(units)).toBe(exactUnits(x, k, mode));
        expect(fromUnits(units, k)).toBe(Number(`${units}e-${k}`));
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });
});

describe('wholeQuotient', () => {
  test('whole figures: the differences and one division', () => {
    expect(wholeQuotient(13, 0, 20, 0)).toBe(0.65);
    expect(wholeQuotient(100, 110, 100, 120)).toBe(0.5);
    expect(wholeQuotient(-120, -30, -120, 50)).toBe(-90 / -170);
    expect(wholeQuotient(5, 0, 0, 0)).toBeNaN();
    expect(wholeQuotient(5, 3, 7, 7)).toBeNaN();
  });

  test('no answer for decimals or differences beyond the safe integers', () => {
    expect(wholeQuotient(13.5, 0, 20, 0)).toBeNull();
    expect(wholeQuotient(13, 0.5, 20, 0)).toBeNull();
    expect(wholeQuotient(13, 0, 20.5, 0)).toBeNull();
    expect(wholeQuotient(13, 0, 20, 0.5)).toBeNull();
    expect(wholeQuotient(Number.MAX_SAFE_INTEGER, -1, 3, 0)).toBeNull();
    expect(wholeQuotient(3, 0, Number.MAX_SAFE_INTEGER, -1)).toBeNull();
    expect(wholeQuotient(Infinity, 0, 3, 0)).toBeNull();
  });

  test('rates.ts gives the same with and without the shortcut (decimals take the exact path)', () => {
    expect(divideExact(187, 2000)).toBe(0.0935);
    expect(divideExact(18.7, 200)).toBe(0.0935);
    expect(progressRate(Number.MAX_SAFE_INTEGER, -1, 3)).toBeNull();
    expect(progressRate(14.3, 13.6, 17)).toBe(divideExact(7, 34));
    expect(divideExact(0, -5)).toBe(-0);
    expect(formatRate(0.0935, 1, 'half-up')).toBe('9.4%');
  });

  test('whenever it answers, it is the exact quotient rounded once (random whole figures)', () => {
    const n = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger().map((x) => Math.floor(x / 3)));
    fc.assert(
      fc.property(n, n, n, n, (a, b, c, d) => {
        const q = wholeQuotient(a, b, c, d);
        if (q === null) return;
        const top = BigInt(a) - BigInt(b);
        const bottom = BigInt(c) - BigInt(d);
        if (bottom === 0n) return expect(q).toBeNaN();
        expect(q).toBe(Number(top) / Number(bottom));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});

/** The shortest decimal of x as digits and places, as rates.ts's exact path reads it (String(x)). */
function exactDecimal(x: number): { n: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
  let n = BigInt(m[2] + (m[3] ?? ''));
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n: m[1] ? -n : n, scale };
}

describe('decimalQuotient', () => {
  test('places of the shortest decimal form, none beyond 6 places or 2^50 units', () => {
    expect(decimalPlaces(12)).toBe(0);
    expect(decimalPlaces(40.4)).toBe(1);
    expect(decimalPlaces(-13.65)).toBe(2);
    expect(decimalPlaces(0.1 + 0.2)).toBe(-1);
    expect(decimalPlaces(0.000001)).toBe(6);
    expect(decimalPlaces(0.0000001)).toBe(-1);
    expect(decimalPlaces(1234567.891)).toBe(3);
    expect(decimalPlaces(2 ** 50)).toBe(-1);
    expect(decimalPlaces(NaN)).toBe(-1);
    expect(decimalPlaces(Infinity)).toBe(-1);
  });

  test('decimal figures scaled alike, the differences and one division', () => {
    expect(decimalQuotient(14.3, 13.6, 17, 13.6)).toBe(7 / 34);
    expect(decimalQuotient(40.4, 0, 50, 0)).toBe(404 / 500);
    expect(decimalQuotient(18.7, 0, 200, 0)).toBe(0.0935);
    expect(decimalQuotient(1.5, 0, 0.25, 0.25)).toBeNaN();
    expect(decimalQuotient(0.1 + 0.2, 0, 1, 0)).toBeNull();
    // equal figures give 0 with the divisor's sign, as the exact path's 0n does, never −0 − 0
    expect(Object.is(decimalQuotient(-0, 0, 2.5, 0), 0)).toBe(true);
    expect(Object.is(decimalQuotient(0, 0, -2.5, 0), -0)).toBe(true);
    expect(decimalQuotient(2 ** 49, -(2 ** 49), 0.5, 0)).toBeNull();
  });

  test('whenever it answers, it is the exact quotient of the shortest decimals, rounded once (random figures)', () => {
    const figure = fc.oneof(
      fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 })).map(([n, s]) => n / 10 ** s),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constant(0),
    );
    fc.assert(
      fc.property(figure, figure, figure, figure, (a, b, c, d) => {
        const q = decimalQuotient(a, b, c, d);
        if (q === null) return;
        const all = [a, b, c, d].map(exactDecimal);
        const scale = Math.max(...all.map((x) => x.scale));
        const [sa, sb, sc, sd] = all.map((x) => x.n * 10n ** BigInt(scale - x.scale));
        const top = sa - sb;
        const bottom = sc - sd;
        if (bottom === 0n) return expect(q).toBeNaN();
        expect(Object.is(q, Number(top) / Number(bottom))).toBe(true);
      }),
      { numRuns: 25_000, seed: 13 },
    );
  });
});

describe('significant12', () => {
  const slow = (x: number) => Number(x.toPrecision(12));

  test('the same double as Number(x.toPrecision(12)), also on ties, edges, zeros and out of range', () => {
    for (const x of [0.4 / 0.5, 0.8, 1, 0.1 + 0.2, 2 / 3, -2 / 3, 0.5, 123456789012.5, 1.000000000005, 0.0000000000123, 1e-12, 1e12, 5e15,
      0, -0, NaN, Infinity, -Infinity, 999999999999.6, 1e11 - 0.00001, 9.999999999995, 0.79999999999999]) {
      expect(Object.is(significant12(x), slow(x))).toBe(true);
    }
    // −0 becomes 0, as toPrecision's text does
    expect(Object.is(significant12(-0), 0)).toBe(true);
  });

  test('random figures of every size, ratios and figures on a 12-digit tie (fast-check)', () => {
    const figure = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 5000 })).map(([a, b]) => a / b),
      fc.tuple(fc.integer({ min: 100_000_000_000, max: 999_999_999_999 }), fc.integer({ min: 0, max: 22 })).map(([n, j]) => (n + 0.5) / 10 ** j),
      fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: -14, max: 14 })).map(([n, e]) => n * 10 ** e),
    );
    fc.assert(fc.property(figure, (x) => expect(Object.is(significant12(x), slow(x))).toBe(true)), { numRuns: 20_000, seed: 13 });
  });
});
