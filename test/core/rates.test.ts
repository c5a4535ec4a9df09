import { computeRate, detectRounding, formatRate, rateMethod, roundRate, printsAs } from '../../src/core/rates';
import type { KpiDefinition } from '../../src/core/definitions';
import { makeKpi } from './support/make-kpi';

describe('computeRate', () => {
  test('up-type: actual ÷ target, as the published table prints it', () => {
    const kpi = makeKpi({ baseline: '26件', target: '45件', actuals: { 2019: '31件', 2020: '34件' } });
    expect(computeRate(kpi, 2019)).toEqual({ value: 31 / 45, method: 'ratio' });
    expect(formatRate(computeRate(kpi, 2019).value!, 1, 'half-up')).toBe('68.9%');
    expect(formatRate(computeRate(kpi, 2020).value!, 1, 'half-up')).toBe('75.6%');
  });

  test('a ratio beyond a million times the target is no rate (a data error, never written as 300-digit text)', () => {
    const kpi = makeKpi({ baseline: '1件', target: '2件', actuals: { 2019: '1999998件', 2020: '2000000件' } });
    expect(computeRate(kpi, 2019).value).toBe(999999);
    expect(computeRate(kpi, 2020).value).toBeNull();
  });

  test('down-type (target below baseline): gap (baseline − actual) ÷ (baseline − target)', () => {
    const kpi = makeKpi({ name: '交通事故件数', baseline: '120件', target: '80件', actuals: { 2019: '100件', 2020: '130件' } });
    expect(rateMethod(kpi)).toBe('gap');
    expect(computeRate(kpi, 2019).value).toBe(0.5);
    // Worse than the baseline gives a negative rate, not a flattering ratio of 162.5 %.
    expect(computeRate(kpi, 2020).value).toBe(-0.25);
  });

  test('a target of 0 uses the gap method instead of dividing by zero', () => {
    const kpi = makeKpi({ name: '待機児童数', baseline: '12人', target: '0人', actuals: { 2019: '3人', 2020: '0人' } });
    expect(computeRate(kpi, 2019)).toEqual({ value: 0.75, method: 'gap' });
    expect(computeRate(kpi, 2020).value).toBe(1);
  });

  test('negative (▲) figures use the gap method, exactly', () => {
    const kpi = makeKpi({ name: '社会増減数', baseline: '▲250人', target: '▲100人', actuals: { 2019: '▲175人', 2020: '▲2,530人' } });
    expect(rateMethod(kpi)).toBe('gap');
    expect(computeRate(kpi, 2019).value).toBe(0.5);
    expect(formatRate(computeRate(kpi, 2020).value!, 1, 'half-up')).toBe('-1520.0%');
  });

  test('gap arithmetic is decimal-exact: (17.0 − 14.3) ÷ (17.0 − 13.6) = 27/34', () => {
    const kpi = makeKpi({ baseline: '17.0km', target: '13.6km', actuals: { 2019: '14.3km' } });
    expect((17.0 - 14.3) / (17.0 - 13.6)).not.toBe(27 / 34); // what naive floating point gives
    expect(computeRate(kpi, 2019).value).toBe(27 / 34);
  });

  test('"3日以上" is reached at 3', () => {
    const kpi = makeKpi({ baseline: '3日', target: '3日以上', actuals: { 2019: '3日', 2020: '0日' } });
    expect(computeRate(kpi, 2019).value).toBe(1);
    expect(computeRate(kpi, 2020).value).toBe(0);
  });

  test('qualitative targets have no rate', () => {
    const kpi = makeKpi({ baseline: '-', target: '見直し完了', actuals: { 2019: '-', 2020: 'R6着手予定' } });
    expect(computeRate(kpi, 2020)).toEqual({ value: null, method: 'none', reason: 'qualitative target' });
  });

  test('unreadable actuals and actuals in another unit have no rate, with a reason', () => {
    const kpi = makeKpi({ baseline: '48件', target: '50件', actuals: { 2019: '57人', 2020: '集計中', 2021: '' } });
    expect(computeRate(kpi, 2019)).toMatchObject({ value: null, reason: expect.stringContaining('unit') });
    expect(computeRate(kpi, 2020)).toMatchObject({ value: null, reason: 'actual is text' });
    expect(computeRate(kpi, 2021)).toMatchObject({ value: null, reason: 'actual is empty' });
    const errors = makeKpi({ baseline: '48件', target: '50件', actuals: { 2019: '#REF!', 2020: '#DIV/0!' } });
    expect(computeRate(errors, 2019)).toEqual({ value: null, method: 'ratio', reason: 'actual is error' });
    // one shared answer per method and reason (read, never changed): equal to a fresh one
    expect(computeRate(errors, 2020)).toBe(computeRate(errors, 2019));
    expect(computeRate(makeKpi({ baseline: '120件', target: '80件', actuals: { 2019: '' } }), 2019)).toEqual({ value: null, method: 'gap', reason: 'actual is empty' });
  });

  test('a definition overrides the inferred method and figures', () => {
    const kpi = makeKpi({ baseline: '120件', target: '80件', actuals: { 2019: '100件' } });
    const def: KpiDefinition = {
      name: 'テストKPI', unit: '件', direction: null, cumulative: null, method: 'ratio',
      baseline: { value: null, year: null }, target: { value: 100, year: null }, min: null, max: null,
      sheetNo: null, department: null, row: 4,
    };
    expect(computeRate(kpi, 2019, def)).toEqual({ value: 1, method: 'ratio' });
  });
});

describe('rounding as a person does it', () => {
  test('half-up is decimal-exact: 187/2000 → 9.4 %, never 9.3 %', () => {
    expect(roundRate(187 / 2000, 1, 'half-up')).toBe(0.094);
    expect(formatRate(187 / 2000, 1, 'half-up')).toBe('9.4%');
    // 0.285 * 100 is 28.499999999999996 in binary floating point.
    expect(formatRate(0.285, 0, 'half-up')).toBe('29%');
    expect(formatRate(1.0005, 1, 'half-up')).toBe('100.1%');
  });

  test('truncation keeps the shown digits', () => {
    expect(formatRate(31 / 45, 1, 'truncate')).toBe('68.8%');
    expect(formatRate(1.0005, 1, 'truncate')).toBe('100.0%');
    expect(roundRate(2 / 3, 1, 'truncate')).toBe(0.666);
  });

  test('negative rates round away from zero and never print "-0.0%"', () => {
    expect(formatRate(-0.00049, 1, 'half-up')).toBe('0.0%');
    expect(formatRate(-0.00051, 1, 'half-up')).toBe('-0.1%');
  });

  test('printsAs compares at the shown decimals', () => {
    expect(printsAs(31 / 45, 0.689, 1, 'half-up')).toBe(true);
    expect(printsAs(31 / 45, 0.689, 1, 'truncate')).toBe(false);
  });

  test('detectRounding: truncation only when rates that tell the two apart favour it', () => {
    const cases = [31 / 45, 2 / 3, 187 / 2000, 0.5];
    const truncated = cases.map((c) => ({ computed: c, printed: roundRate(c, 1, 'truncate'), decimals: 1 }));
    const halfUp = cases.map((c) => ({ computed: c, printed: roundRate(c, 1, 'half-up'), decimals: 1 }));
    expect(detectRounding(truncated)).toEqual({ mode: 'truncate', decimals: 1 });
    expect(detectRounding(halfUp)).toEqual({ mode: 'half-up', decimals: 1 });
    expect(detectRounding([{ computed: 0.5, printed: 0.5, decimals: 0 }, { computed: 1, printed: 1, decimals: 0 }])).toEqual({ mode: 'half-up', decimals: 0 });
    expect(detectRounding([])).toEqual({ mode: 'half-up', decimals: 1 });
  });
});
