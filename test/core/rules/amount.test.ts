/** amount(): a computed figure written as Intl.NumberFormat('ja-JP') writes it, to the character, without building one. */
import fc from 'fast-check';
import { amount } from '../../../src/core/rules/context';

const intl = (digits: number) => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: digits });

test('figures by hand: grouping, rounding half away from zero on the shortest decimal, trailing zeros, signs', () => {
  expect(amount(2865.6666)).toBe('2,865.7');
  expect(amount(1.25)).toBe('1.3');
  expect(amount(1.35)).toBe('1.4');
  expect(amount(-1.25)).toBe('-1.3');
  expect(amount(123456789.95)).toBe('123,456,790');
  expect(amount(999.96)).toBe('1,000');
  expect(amount(0.04)).toBe('0');
  expect(amount(-0.04)).toBe('-0');
  expect(amount(-0)).toBe('-0');
  expect(amount(0)).toBe('0');
  expect(amount(100)).toBe('100');
  expect(amount(0.1 + 0.2, 6)).toBe('0.3');
  expect(amount(1234567.1234565, 6)).toBe('1,234,567.123457');
  expect(amount(1e-7)).toBe(intl(1).format(1e-7));
  expect(amount(1e21)).toBe(intl(1).format(1e21));
  expect(amount(NaN)).toBe(intl(1).format(NaN));
});

test('the same text as Intl.NumberFormat for any figure, at 0, 1, 2 and 6 decimals', () => {
  const figure = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 20),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => n + 0.5),
    fc.integer({ min: 0, max: 1e6 }).map((n) => n / 3),
  );
  const formats = [0, 1, 2, 6].map((d) => [d, intl(d)] as const);
  fc.assert(fc.property(figure, (x) => {
    for (const [d, f] of formats) expect(amount(x, d)).toBe(f.format(x));
  }), { numRuns: 20000, seed: 13 });
});
