/**
 * Every decision of src/core/rates.ts on hand-made KPIs (fast: no workbook). Run by `npm run mutation`
 * (Stryker) as well as by jest: each test pins one choice a mutant could flip.
 */
import { ByYear } from '../../../src/core/by-year';
import {
  computeRate, detectRounding, divideExact, formatRate, keptWithTerms, kpiBaseline, kpiBounds, kpiDirection, kpiTarget, kpiUnit, MAX_RATE,
  normaliseUnit, printsAs, progressRate, rateMethod, roundRate, withKpiTerms, yearTarget,
} from '../../../src/core/rates';
import { parseValue } from '../../../src/core/values';
import { makeKpi } from '../support/make-kpi';
import { makeDef } from './support';

describe('KPI定義 overrides what the table says', () => {
  test('方向 (direction) set to 減少 turns an up-type KPI to the gap method', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    expect(kpiDirection(kpi)).toBe('up');
    expect(rateMethod(kpi)).toBe('ratio');
    const down = makeDef({ direction: 'down' });
    expect(kpiDirection(kpi, down)).toBe('down');
    expect(rateMethod(kpi, down)).toBe('gap');
    // (100 − 110) ÷ (100 − 120) = 0.5
    expect(computeRate(kpi, 2020, down)).toEqual({ value: 0.5, method: 'gap' });
  });

  test('方向 set to 増加 keeps a falling-target KPI on the ratio method', () => {
    const kpi = makeKpi({ baseline: '120件', target: '80件', actuals: { 2020: '100件' } });
    expect(kpiDirection(kpi)).toBe('down');
    const up = makeDef({ direction: 'up' });
    expect(kpiDirection(kpi, up)).toBe('up');
    expect(rateMethod(kpi, up)).toBe('ratio');
    expect(computeRate(kpi, 2020, up)).toEqual({ value: 1.25, method: 'ratio' });
  });

  test('基準値 (baseline) of the definition is the one the gap method uses', () => {
    const kpi = makeKpi({ baseline: '120件', target: '80件', actuals: { 2020: '100件' } });
    expect(computeRate(kpi, 2020).value).toBe(0.5); // (120 − 100) ÷ (120 − 80)
    const def = makeDef({ baseline: { value: 180, year: 2018 } });
    expect(kpiBounds(kpi, def)).toEqual({ baseline: 180, target: 80 });
    expect(computeRate(kpi, 2020, def).value).toBe(0.8); // (180 − 100) ÷ (180 − 80)
  });

  test('kpiBaseline and kpiTarget are the two values of kpiBounds, those of the definition where it sets them', () => {
    const kpi = makeKpi({ baseline: '120件', target: '80件', actuals: { 2020: '100件' } });
    expect([kpiBaseline(kpi), kpiTarget(kpi)]).toEqual([120, 80]);
    const def = makeDef({ baseline: { value: 180, year: 2018 }, target: { value: 60, year: 2024 } });
    expect([kpiBaseline(kpi, def), kpiTarget(kpi, def)]).toEqual([180, 60]);
    const qualitative = makeKpi({ baseline: '-', target: '見直し完了', actuals: { 2020: '着手' } });
    expect([kpiBaseline(qualitative), kpiTarget(qualitative)]).toEqual([null, null]);
  });

  test('目標値 (target) of the definition is the one the ratio uses; a qualitative one has no rate', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '30件' } });
    expect(computeRate(kpi, 2020, makeDef({ target: { value: 60, year: 2024 } })).value).toBe(0.5);
    const qualitative = makeKpi({ baseline: '-', target: '見直し完了', actuals: { 2020: '着手' } });
    expect(kpiBounds(qualitative)).toEqual({ baseline: null, target: null });
    expect(computeRate(qualitative, 2020)).toEqual({ value: null, method: 'none', reason: 'qualitative target' });
    // a numeric 目標値 in KPI定義 makes the KPI numeric: its text actuals are then unreadable
    expect(computeRate(qualitative, 2020, makeDef({ target: { value: 5, year: null } }))).toEqual({ value: null, method: 'ratio', reason: 'actual is text' });
  });

  test('単位 (unit) of the definition decides which actuals are in another unit', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '30人' } });
    expect(kpiUnit(kpi)).toBe('件');
    expect(computeRate(kpi, 2020)).toEqual({ value: null, method: 'ratio', reason: 'actual unit 人 differs from KPI unit 件' });
    const def = makeDef({ unit: '人' });
    expect(kpiUnit(kpi, def)).toBe('人');
    expect(computeRate(kpi, 2020, def)).toEqual({ value: 0.75, method: 'ratio' });
    // a unitless actual is compared by its number alone
    expect(computeRate(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '20' } }), 2020).value).toBe(0.5);
  });

  test('達成率の計算 of the definition: gap, ratio or none', () => {
    const kpi = makeKpi({ baseline: '100件', target: '200件', actuals: { 2020: '150件' } });
    expect(computeRate(kpi, 2020, makeDef({ method: 'gap' }))).toEqual({ value: 0.5, method: 'gap' });
    expect(computeRate(kpi, 2020, makeDef({ method: 'none' }))).toEqual({ value: null, method: 'none', reason: 'qualitative target' });
    expect(rateMethod(makeKpi({ baseline: '120件', target: '80件', actuals: {} }), makeDef({ method: 'ratio' }))).toBe('ratio');
  });
});

describe('unit of a KPI', () => {
  test('the recognised unit, else the target\'s, else the baseline\'s, normalised', () => {
    const kpi = makeKpi({ baseline: '10人', target: '40件', actuals: {} });
    expect(kpiUnit({ ...kpi, unit: 'ｋｍ' })).toBe('km');
    expect(kpiUnit({ ...kpi, unit: null })).toBe('件');
    expect(kpiUnit({ ...kpi, unit: null, target: { ...kpi.target, parsed: parseValue('40') } })).toBe('人');
    expect(kpiUnit({ ...kpi, unit: null, target: { ...kpi.target, parsed: null }, baseline: { ...kpi.baseline, parsed: null } })).toBeNull();
  });

  test('normaliseUnit: width and spaces, nothing for blanks', () => {
    expect(normaliseUnit('ｋ ｍ')).toBe('km');
    expect(normaliseUnit(' 件 ')).toBe('件');
    expect(normaliseUnit('　')).toBeNull();
    expect(normaliseUnit('')).toBeNull();
    expect(normaliseUnit(null)).toBeNull();
    expect(normaliseUnit(undefined)).toBeNull();
    // remembered: the same answer the second time
    expect(normaliseUnit('ｋ ｍ')).toBe('km');
    expect(normaliseUnit('　')).toBeNull();
  });
});

describe('direction and method inferred from the table', () => {
  test('recognised direction wins over the figures', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: {}, direction: 'down' });
    expect(kpiDirection(kpi)).toBe('down');
    expect(kpiDirection(makeKpi({ baseline: '120件', target: '100件', actuals: {}, direction: 'up' }))).toBe('up');
  });

  test('"以下" and "未満" targets fall; "以上" and "超" rise', () => {
    expect(kpiDirection(makeKpi({ baseline: '10件', target: '20件以下', actuals: {} }))).toBe('down');
    expect(kpiDirection(makeKpi({ baseline: '10件', target: '20件未満', actuals: {} }))).toBe('down');
    expect(kpiDirection(makeKpi({ baseline: '30件', target: '20件以上', actuals: {} }))).toBe('down');
    expect(kpiDirection(makeKpi({ baseline: '10件', target: '20件以上', actuals: {} }))).toBe('up');
    expect(kpiDirection(makeKpi({ baseline: '10件', target: '20件超', actuals: {} }))).toBe('up');
  });

  test('a target equal to the baseline, or a missing baseline, is up', () => {
    expect(kpiDirection(makeKpi({ baseline: '20件', target: '20件', actuals: {} }))).toBe('up');
    expect(kpiDirection(makeKpi({ baseline: '-', target: '20件', actuals: {} }))).toBe('up');
    expect(kpiDirection(makeKpi({ baseline: '-', target: '見直し', actuals: {} }))).toBe('up');
    // a negative target is not "below" a missing baseline, nor a missing target below a baseline
    expect(kpiDirection(makeKpi({ baseline: '-', target: '▲5', actuals: {} }))).toBe('up');
    expect(kpiDirection(makeKpi({ baseline: '10件', target: '見直し', actuals: {} }))).toBe('up');
  });

  test('a KPI from ▲120 to 50 with an actual of ▲30 stays on the gap method', () => {
    const kpi = makeKpi({ baseline: '▲120', target: '50', actuals: { 2020: '▲30' } });
    expect(kpiDirection(kpi)).toBe('up');
    expect(rateMethod(kpi)).toBe('gap');
    // (−120 − (−30)) ÷ (−120 − 50) = 90 / 170
    expect(computeRate(kpi, 2020)).toEqual({ value: 90 / 170, method: 'gap' });
  });

  test('one negative figure anywhere is enough for the gap method: baseline, target or an actual', () => {
    expect(rateMethod(makeKpi({ baseline: '▲10', target: '50', actuals: { 2020: '10' } }))).toBe('gap');
    expect(rateMethod(makeKpi({ baseline: '10', target: '▲50', actuals: {} }))).toBe('gap');
    // a negative target without a baseline rises, yet is measured by the gap
    expect(rateMethod(makeKpi({ baseline: '-', target: '▲5', actuals: {} }))).toBe('gap');
    expect(rateMethod(makeKpi({ baseline: '10', target: '50', actuals: { 2019: '20', 2020: '▲5', 2021: '30' } }))).toBe('gap');
    expect(rateMethod(makeKpi({ baseline: '0', target: '50', actuals: { 2019: '0', 2020: '集計中' } }))).toBe('ratio');
  });

  test('a target of 0 uses the gap method; no target means no method', () => {
    expect(rateMethod(makeKpi({ baseline: '5件', target: '0件', actuals: {} }))).toBe('gap');
    expect(rateMethod(makeKpi({ baseline: '5件', target: '-', actuals: {} }))).toBe('none');
  });
});

describe('computeRate', () => {
  test('a KPI without a unit rates an actual that has one', () => {
    expect(computeRate(makeKpi({ baseline: '10', target: '40', actuals: { 2020: '20件' } }), 2020)).toEqual({ value: 0.5, method: 'ratio' });
  });

  test('a baseline or target known only from its cell is used', () => {
    const kpi = makeKpi({ baseline: '120件', target: '80件', actuals: { 2020: '100件' } });
    const cellsOnly = { ...kpi, baseline: { ...kpi.baseline, value: null }, target: { ...kpi.target, value: null } };
    expect(kpiBounds(cellsOnly)).toEqual({ baseline: 120, target: 80 });
    expect(computeRate(cellsOnly, 2020)).toEqual({ value: 0.5, method: 'gap' });
  });

  test('a number cell without a finite value is no actual (no throw)', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '20件', 2021: '30件' } });
    kpi.actuals.set(2020, { ...kpi.actuals.get(2020)!, value: Number.POSITIVE_INFINITY }, kpi.actuals.colOf(2020));
    kpi.actuals.set(2021, { ...kpi.actuals.get(2021)!, value: null }, kpi.actuals.colOf(2021));
    expect(computeRate(kpi, 2020)).toEqual({ value: null, method: 'ratio', reason: 'actual is number' });
    expect(computeRate(kpi, 2021)).toEqual({ value: null, method: 'ratio', reason: 'actual is number' });
  });

  test('reasons for no rate', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '集計中', 2021: '-', 2022: '', 2023: '#DIV/0!' } });
    expect(computeRate(kpi, 2020)).toEqual({ value: null, method: 'ratio', reason: 'actual is text' });
    expect(computeRate(kpi, 2021)).toEqual({ value: null, method: 'ratio', reason: 'actual is none' });
    expect(computeRate(kpi, 2022)).toEqual({ value: null, method: 'ratio', reason: 'actual is empty' });
    expect(computeRate(kpi, 2023)).toEqual({ value: null, method: 'ratio', reason: 'actual is error' });
    expect(computeRate(kpi, 2030)).toEqual({ value: null, method: 'ratio', reason: 'no such year' });
  });

  test('the gap method needs a baseline, and one unlike the target', () => {
    const noBase = makeKpi({ baseline: '-', target: '0件', actuals: { 2020: '3件' } });
    expect(computeRate(noBase, 2020)).toEqual({ value: null, method: 'gap', reason: 'gap method needs a baseline' });
    const flat = makeKpi({ baseline: '5件', target: '5件', actuals: { 2020: '3件' } });
    expect(computeRate(flat, 2020, makeDef({ method: 'gap' }))).toEqual({ value: null, method: 'gap', reason: 'baseline equals target' });
  });

  test('a ratio against a target of 0 asked for by the definition has no rate', () => {
    const kpi = makeKpi({ baseline: '5件', target: '0件', actuals: { 2020: '3件' } });
    expect(computeRate(kpi, 2020, makeDef({ method: 'ratio' }))).toEqual({ value: null, method: 'ratio', reason: 'target is 0' });
  });

  test('a reference figure "(4件)" is no actual and gives no rate', () => {
    const kpi = makeKpi({ baseline: '2件', target: '8件', actuals: { 2020: '(4件)' } });
    expect(kpi.actuals.get(2020)!.kind).toBe('reference');
    expect(computeRate(kpi, 2020)).toEqual({ value: null, method: 'ratio', reason: 'actual is reference' });
  });

  test('a per-year target is what that year is measured against', () => {
    const kpi = { ...makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '15件', 2021: '30件' } }), targets: ByYear.from({ 2020: parseValue('20件'), 2021: parseValue('未定') }) };
    expect(yearTarget(kpi, 2020)).toBe(20);
    expect(yearTarget(kpi, 2021)).toBeNull();
    expect(yearTarget(makeKpi({ baseline: '1', target: '2', actuals: {} }), 2020)).toBeNull();
    expect(computeRate(kpi, 2020).value).toBe(0.75);
    expect(computeRate(kpi, 2021).value).toBe(0.75);
  });

  test('rates beyond MAX_RATE are no rates; just below they are', () => {
    const kpi = makeKpi({ baseline: '0', target: '1', actuals: { 2020: String(MAX_RATE), 2021: String(MAX_RATE - 1) } });
    expect(computeRate(kpi, 2020).value).toBeNull();
    expect(computeRate(kpi, 2021).value).toBe(MAX_RATE - 1);
    const negative = makeKpi({ baseline: '0', target: '1', actuals: { 2020: `▲${MAX_RATE}` } });
    expect(computeRate(negative, 2020, makeDef({ method: 'ratio' })).value).toBeNull();
  });

  test('numbers in exponent form are exact: 1e-7 ÷ 1e-8, 1e21 ÷ 2e21', () => {
    expect(divideExact(1e-7, 1e-8)).toBe(10);
    expect(divideExact(1e21, 2e21)).toBe(0.5);
    expect(divideExact(1.5e-7, 3)).toBe(5e-8);
    expect(progressRate(3e-7, 1e-7, 5e-7)).toBe(0.5);
    expect(formatRate(1e-7, 1, 'half-up')).toBe('0.0%');
    expect(formatRate(5e-4, 1, 'half-up')).toBe('0.1%');
    expect(formatRate(4.9e-4, 1, 'half-up')).toBe('0.0%');
    expect(roundRate(1.23456789e-5, 6, 'half-up')).toBe(1.235e-5);
    expect(roundRate(1.23456789e-5, 6, 'truncate')).toBe(1.234e-5);
  });

  test('scaled integers beyond 2^53 are divided exactly, whatever their signs', () => {
    // 9007199254740993 (2^53 + 1) ÷ 10000700000: a double division reads 2^53 and gives …347
    expect(divideExact(9007199254.740993, 10000.7)).toBe(900656.8794925348);
    expect(divideExact(-9007199254.740993, 10000.7)).toBe(-900656.8794925348);
    expect(divideExact(10000.7, 9007199254.740993)).toBe(0.00000111030074023688);
    expect(divideExact(10000.7, -9007199254.740993)).toBe(-0.00000111030074023688);
    expect(divideExact(9007199254.740993, 0)).toBeNull();
  });

  test('a tiny quotient of scaled integers within 2^53 is the nearest double', () => {
    // 1 ÷ 3000000000500000 after scaling by 10^6 or 10^7: one double division is correctly rounded, where 30
    // fixed decimals would keep only 15 significant digits (3.33333333277777e-16)
    expect(divideExact(0.000001, 3000000000.5)).toBe(1 / 3000000000500000);
    expect(divideExact(-0.000001, 3000000000.5)).toBe(-1 / 3000000000500000);
    // 7 decimal places: past the decimal shortcut, on the BigInt path
    expect(divideExact(1e-7, 300000000.05)).toBe(1 / 3000000000500000);
    // a divisor of exactly 2^53 − 1 once scaled (9007199254740991 tenths) still takes the one division
    expect(divideExact(0.1, 900719925474099.1)).toBe(1 / 9007199254740991);
  });

  test('a number that is not finite is refused, not divided', () => {
    expect(() => divideExact(Number.POSITIVE_INFINITY, 1)).toThrow('not a finite number: Infinity');
  });

  test('long decimals are divided exactly beyond 2^53', () => {
    // 0.1234567890123 ÷ 0.3 → scaled integers past Number.MAX_SAFE_INTEGER
    expect(divideExact(0.1234567890123, 0.3)).toBe(0.411522630041);
    expect(divideExact(9007199254.740993, 9007199254.740993)).toBe(1);
    expect(divideExact(123456.7891234567, 0.5)).toBe(246913.5782469134);
    expect(divideExact(-0.1234567890123, 0.3)).toBe(-0.411522630041);
    expect(divideExact(3, 0)).toBeNull();
  });
});

describe('rounding', () => {
  test('half-up rounds away from zero at exactly half; truncation never rounds up', () => {
    expect(roundRate(0.12345, 2, 'half-up')).toBe(0.1235);
    expect(roundRate(0.12344, 2, 'half-up')).toBe(0.1234);
    expect(roundRate(0.12345, 2, 'truncate')).toBe(0.1234);
    expect(roundRate(-0.12345, 2, 'half-up')).toBe(-0.1235);
    expect(roundRate(-0.12345, 2, 'truncate')).toBe(-0.1234);
    expect(formatRate(0.0005, 1, 'half-up')).toBe('0.1%');
    expect(formatRate(0.00049999, 1, 'half-up')).toBe('0.0%');
  });

  test('fewer decimals than asked are padded; whole percents print without a point', () => {
    expect(formatRate(0.5, 2, 'half-up')).toBe('50.00%');
    expect(formatRate(2, 0, 'half-up')).toBe('200%');
    expect(formatRate(0.07, 1, 'truncate')).toBe('7.0%');
    expect(formatRate(12, 1, 'half-up')).toBe('1200.0%');
    expect(formatRate(-0.5, 0, 'half-up')).toBe('-50%');
    expect(formatRate(-0.004, 0, 'half-up')).toBe('0%');
    expect(roundRate(0.5, 1, 'half-up')).toBe(0.5);
  });

  test('printsAs reads the printed rate half-up at the shown decimals', () => {
    expect(printsAs(0.6885, 0.689, 1, 'half-up')).toBe(true);
    expect(printsAs(0.6885, 0.689, 1, 'truncate')).toBe(false);
    expect(printsAs(0.6889, 0.688, 1, 'truncate')).toBe(true);
    expect(printsAs(0.6889, 0.6885, 1, 'truncate')).toBe(false);
  });
});

describe('detectRounding: a sheet judged by its own printed rates', () => {
  const sample = (computed: number, printed: number, decimals: number | null) => ({ computed, printed, decimals });

  test('a truncating sheet is judged truncating, even when some rates cannot tell', () => {
    const rows = [sample(2 / 3, 0.666, 1), sample(0.5, 0.5, 1), sample(0.25, 0.25, 1), sample(31 / 45, 0.688, 1)];
    expect(detectRounding(rows)).toEqual({ mode: 'truncate', decimals: 1 });
  });

  test('a tie between half-up and truncating evidence stays half-up', () => {
    expect(detectRounding([sample(2 / 3, 0.666, 1), sample(2 / 3, 0.667, 1)])).toEqual({ mode: 'half-up', decimals: 1 });
  });

  test('rates matching neither way count for neither', () => {
    expect(detectRounding([sample(2 / 3, 0.5, 1), sample(2 / 3, 0.666, 1)]).mode).toBe('truncate');
  });

  test('the decimals most rates show are the sheet\'s; a tie goes to more decimals', () => {
    expect(detectRounding([sample(0.5, 0.5, 0), sample(0.5, 0.5, 0), sample(0.5, 0.5, 2)]).decimals).toBe(0);
    expect(detectRounding([sample(0.5, 0.5, 0), sample(0.5, 0.5, 2)]).decimals).toBe(2);
    expect(detectRounding([sample(0.5, 0.5, 2), sample(0.5, 0.5, 0)]).decimals).toBe(2);
    expect(detectRounding([sample(0.5, 0.5, 0), sample(0.5, 0.5, 0), sample(0.5, 0.5, 1), sample(0.5, 0.5, 1), sample(0.5, 0.5, 1)]).decimals).toBe(1);
    expect(detectRounding([sample(0.5, 0.5, null)]).decimals).toBe(1);
    expect(detectRounding([sample(0.5, 0.5, 3), sample(0.5, 0.5, null), sample(0.5, 0.5, null)]).decimals).toBe(3);
  });

  test('rates without shown decimals are judged at the sheet\'s decimals', () => {
    // 0.6666 shown at 2 decimals: truncates to 66.66 %, half-up gives 66.67 %
    const rows = [sample(2 / 3, 0.6666, 2), sample(2 / 3, 0.6666, null)];
    expect(detectRounding(rows)).toEqual({ mode: 'truncate', decimals: 2 });
  });
});

describe('withKpiTerms: decided once, the same answers', () => {
  test('inside an analysis each KPI and definition is decided once; outside nothing is kept', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    const down = makeDef({ direction: 'down', unit: '人' });
    const inside = withKpiTerms(() => {
      const first = [rateMethod(kpi), kpiDirection(kpi), kpiUnit(kpi), kpiBounds(kpi), computeRate(kpi, 2020)];
      // another definition for the same KPI is decided anew, not served from the first
      const other = [rateMethod(kpi, down), kpiDirection(kpi, down), kpiUnit(kpi, down), computeRate(kpi, 2020, down)];
      const again = [rateMethod(kpi), kpiDirection(kpi), kpiUnit(kpi), kpiBounds(kpi), computeRate(kpi, 2020)];
      return { first, other, again };
    });
    expect(inside.first).toEqual([rateMethod(kpi), kpiDirection(kpi), kpiUnit(kpi), kpiBounds(kpi), computeRate(kpi, 2020)]);
    expect(inside.again).toEqual(inside.first);
    expect(inside.other).toEqual(['gap', 'down', '人', expect.objectContaining({ value: null, method: 'gap' })]);
    // bounds handed out are copies: changing one changes nothing kept
    withKpiTerms(() => {
      const b = kpiBounds(kpi);
      b.target = 1;
      expect(kpiBounds(kpi).target).toBe(120);
    });
  });

  test('nested runs share the outer decisions and end with it', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    withKpiTerms(() => {
      expect(rateMethod(kpi)).toBe('ratio');
      withKpiTerms(() => expect(rateMethod(kpi)).toBe('ratio'));
      expect(kpiUnit(kpi)).toBe('件');
    });
    // outside: a changed KPI object is judged as it is now
    const changed = { ...kpi, direction: 'down' as const };
    expect(rateMethod(changed)).toBe('gap');
  });

  test('KPIs asked in turn each get their own terms (the last one asked is kept at hand)', () => {
    const up = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    const down = makeKpi({ baseline: '120人', target: '80人', actuals: { 2020: '100人' } });
    withKpiTerms(() => {
      for (let i = 0; i < 2; i++) {
        expect([rateMethod(up), kpiUnit(up), kpiBounds(up)]).toEqual(['ratio', '件', { baseline: 100, target: 120 }]);
        expect([rateMethod(down), kpiUnit(down), kpiBounds(down)]).toEqual(['gap', '人', { baseline: 120, target: 80 }]);
        expect(computeRate(up, 2020).value).toBeCloseTo(110 / 120, 12);
        expect(computeRate(down, 2020).value).toBe(0.5);
      }
    });
  });

  test("every year's rate is computed once per analysis, the years apart; nothing kept outside or after", () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件', 2021: '60件', 2022: '-' } });
    const outside = computeRate(kpi, 2020);
    expect(computeRate(kpi, 2020)).not.toBe(outside);
    withKpiTerms(() => {
      const y2020 = computeRate(kpi, 2020);
      const y2021 = computeRate(kpi, 2021);
      const y2022 = computeRate(kpi, 2022);
      expect([y2020.value, y2021.value, y2022.value]).toEqual([110 / 120, 0.5, null]);
      expect(y2020).toEqual(outside);
      // asked again, in any order: the same results, not computed anew
      expect(computeRate(kpi, 2022)).toBe(y2022);
      expect(computeRate(kpi, 2021)).toBe(y2021);
      expect(computeRate(kpi, 2020)).toBe(y2020);
      expect(computeRate(kpi, 2023)).toEqual({ value: null, method: 'ratio', reason: 'no such year' });
      // a nested run ends without dropping the outer one's results
      withKpiTerms(() => expect(computeRate(kpi, 2021)).toBe(y2021));
      expect(computeRate(kpi, 2021)).toBe(y2021);
      // another KPI in between leaves this one's results in place
      const other = makeKpi({ baseline: '1件', target: '2件', actuals: { 2021: '2件' } });
      expect(computeRate(other, 2021).value).toBe(1);
      expect(computeRate(kpi, 2021)).toBe(y2021);
      // another definition is computed anew, then kept in turn
      const down = makeDef({ direction: 'down' });
      const gap = computeRate(kpi, 2021, down);
      expect(gap).toEqual({ value: (100 - 60) / (100 - 120), method: 'gap' });
      expect(computeRate(kpi, 2021, down)).toBe(gap);
    });
    expect(computeRate(kpi, 2020)).not.toBe(computeRate(kpi, 2020));
  });

  test('keptWithTerms: a list made once per KPI and definition inside an analysis, afresh outside', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    const down = makeDef({ direction: 'down' });
    let made = 0;
    const make = (k: typeof kpi, d: ReturnType<typeof makeDef> | undefined) => {
      made++;
      return [k.name, d?.direction ?? null];
    };
    const outside = keptWithTerms(kpi, undefined, make);
    expect(outside).toEqual(['テストKPI', null]);
    expect(keptWithTerms(kpi, undefined, make)).not.toBe(outside);
    expect(made).toBe(2);
    withKpiTerms(() => {
      const first = keptWithTerms(kpi, undefined, make);
      expect(keptWithTerms(kpi, undefined, make)).toBe(first);
      expect(made).toBe(3);
      expect(keptWithTerms(kpi, down, make)).toEqual(['テストKPI', 'down']);
      expect(made).toBe(4);
    });
  });

  test('a KPI changed between two runs is decided again', () => {
    const kpi = makeKpi({ baseline: '100件', target: '120件', actuals: { 2020: '110件' } });
    expect(withKpiTerms(() => rateMethod(kpi))).toBe('ratio');
    kpi.direction = 'down';
    expect(withKpiTerms(() => rateMethod(kpi))).toBe('gap');
  });
});
