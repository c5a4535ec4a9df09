/**
 * Every decision of src/core/rules/rate-mismatch.ts on hand-made KPIs in a one-table sheet (fast:
 * no workbook; `npm run mutation` runs these).
 */
import { ByYear } from '../../../src/core/by-year';
import type { Kpi, KpiTable, ProgressModel, SheetModel } from '../../../src/core/model';
import type { KpiDefinitions } from '../../../src/core/definitions';
import { DEFAULT_BANDS } from '../../../src/core/definitions';
import type { RoundingConvention } from '../../../src/core/rates';
import { buildIndex } from '../../../src/core/rules/context';
import { rateMismatch } from '../../../src/core/rules/rate-mismatch';
import { parseRate, parseValue } from '../../../src/core/values';
import { parseYearLabel } from '../../../src/core/years';
import { makeKpi, type KpiSpec } from '../support/make-kpi';
import { makeDef } from './support';

const HALF_UP: RoundingConvention = { mode: 'half-up', decimals: 1 };
const TRUNCATE: RoundingConvention = { mode: 'truncate', decimals: 1 };

function table(kpi: Kpi): KpiTable {
  const years = kpi.actuals.years
    .map((year, i) => ({ year, col: 5 + i, label: `R${year - 2018}`, style: parseYearLabel('R1')!.style }));
  return {
    index: 0, sheet: 'S', headerRow: 9, firstRow: 10, lastRow: 11, firstCol: 1, lastCol: 10,
    columns: { kpi: 1, rowLabel: 2, baseline: 3, target: 4, years, cost: null, department: null, remark: null, sheetNo: null, extra: [] },
    baselineYear: 2018, targetYear: 2024, headers: {}, path: [],
  };
}

function check(kpi: Kpi, rounding = HALF_UP, lang: 'ja' | 'en' = 'ja', definitions?: KpiDefinitions) {
  const sheet: SheetModel = { sheet: 'S', tables: [table(kpi)], kpis: [kpi], structure: [] };
  const model: ProgressModel = { sheets: [sheet], unrecognised: [] };
  return rateMismatch({ model, sheet, lang, rounding, statuses: new Map(), index: buildIndex(model), definitions });
}

const kpiOf = (spec: KpiSpec) => makeKpi(spec);

describe('when a printed rate is wrong', () => {
  test('a rate the computed one reproduces is no finding; a wrong one is an error at its cell with the fix', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.9%' } }))).toEqual([]);
    const [f, ...rest] = check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '70.0%' } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'rate-mismatch', severity: 'error', sheet: 'S', cell: 'E11', kpi: 'S!10' });
    expect(f.message).toBe('達成率 70.0% は計算値 68.9%（31件 ÷ 45件）と合いません。68.9% に直してください。');
    expect(f.fix?.edits).toEqual([{ kind: 'setCell', sheet: 'S', row: 11, col: 5, expect: { value: '70.0%', formula: null }, content: { value: '68.9%' } }]);
  });

  test('cells that hold no rate, and KPIs without a computed rate, are left to other rules', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件', 2020: '集計中' }, rates: { 2019: '-', 2020: '50.0%' } }))).toEqual([]);
    expect(check(kpiOf({ baseline: '-', target: '見直し', actuals: { 2019: '着手' }, rates: { 2019: '50.0%' } }))).toEqual([]);
  });

  test('English message', () => {
    const [f] = check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '70.0%' } }), HALF_UP, 'en');
    expect(f.message).toBe('Rate 70.0% differs from the computed 68.9% (31件 ÷ 45件). Correct it to 68.9%.');
  });

  test('a number cell without shown text is quoted from its value rounded half-up at the judged decimals', () => {
    const kpi = kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' } });
    // 69.96 % shown at one decimal: 70.0 % half-up (truncated it would read 69.9 %)
    kpi.printedRates.set(2019, { ...parseRate(0.6996, '0.00%'), text: '' }, 5);
    const [f] = check(kpi);
    expect(f.message).toContain('達成率 70.0% は計算値 68.9%');
  });

  test('a number cell shows its rate from the value; the fix writes a number with the format', () => {
    const kpi = kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' } });
    kpi.printedRates.set(2019, { ...parseRate(0.7, '0.0%'), text: '' }, 5);
    const [f] = check(kpi);
    expect(f.message).toContain('達成率 70.0% は計算値 68.9%');
    expect(f.fix?.edits[0]).toMatchObject({ content: { value: 0.689, numberFormat: '0.0%' } });
  });
});

describe('decimals: judged at the fewer of the cell\'s and the sheet\'s', () => {
  test('"68.90%" on a one-decimal sheet is judged at one decimal (a format matter)', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.90%' } }))).toEqual([]);
  });
  test('"68.89%" on a one-decimal sheet reads as 68.9% (the printed figure rounded half-up), as computed', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.89%' } }))).toEqual([]);
  });
  test('"69%" on a one-decimal sheet is judged at no decimals', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '69%' } }))).toEqual([]);
    const [f] = check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '70%' } }));
    expect(f.message).toContain('計算値 69%');
  });
  test('a cell without shown decimals takes the sheet\'s', () => {
    const kpi = kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' } });
    kpi.printedRates.set(2019, parseRate(0.69, null), 5);
    const [f] = check(kpi, { mode: 'half-up', decimals: 2 });
    expect(f.message).toContain('計算値 68.89%');
  });
  test('a sheet of two decimals judges "68.9%" at one', () => {
    expect(check(kpiOf({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.9%' } }), { mode: 'half-up', decimals: 2 })).toEqual([]);
  });
});

describe('what reproduces the printed figure', () => {
  const how = (spec: KpiSpec, rounding = HALF_UP, lang: 'ja' | 'en' = 'ja') => {
    const found = check(kpiOf(spec), rounding, lang);
    expect(found).toHaveLength(1);
    return found[0].message;
  };

  test('the other rounding: truncation on a half-up sheet, half-up on a truncating one', () => {
    // 31 ÷ 45 = 68.888…: half-up 68.9 %, truncated 68.8 %
    expect(how({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.8%' } })).toContain('印刷値は「切り捨て」で再現できます。');
    expect(how({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.8%' } }, HALF_UP, 'en')).toContain('The printed figure is reproduced by truncating. ');
    const t = how({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.9%' } }, TRUNCATE);
    expect(t).toContain('計算値 68.8%');
    expect(t).toContain('「四捨五入」');
    expect(how({ baseline: '26件', target: '45件', actuals: { 2019: '31件' }, rates: { 2019: '68.9%' } }, TRUNCATE, 'en')).toContain('rounding half-up');
  });

  test('actual ÷ baseline', () => {
    const m = how({ baseline: '360人', target: '380人', actuals: { 2019: '259人' }, rates: { 2019: '71.9%' } });
    expect(m).toBe('達成率 71.9% は計算値 68.2%（259人 ÷ 380人）と合いません。印刷値は「実績÷基準値（259人 ÷ 360人）」で再現できます。68.2% に直してください。');
    expect(how({ baseline: '360人', target: '380人', actuals: { 2019: '259人' }, rates: { 2019: '71.9%' } }, HALF_UP, 'en')).toContain('actual ÷ baseline (259人 ÷ 360人)');
  });

  test('the progress rate of a ratio KPI', () => {
    // (30 − 10) ÷ (50 − 10) = 50 %; the rate is 30 ÷ 50 = 60 %
    expect(how({ baseline: '10件', target: '50件', actuals: { 2019: '30件' }, rates: { 2019: '50.0%' } })).toContain('「進捗率（(30件 − 10件) ÷ (50件 − 10件)）」');
    expect(how({ baseline: '10件', target: '50件', actuals: { 2019: '30件' }, rates: { 2019: '50.0%' } }, HALF_UP, 'en')).toContain('the progress rate ((30件 − 10件) ÷ (50件 − 10件))');
  });

  test('actual ÷ target for a gap KPI', () => {
    // 120 → 60, actual 90: gap (120 − 90) ÷ 60 = 50 %; 90 ÷ 60 = 150 %
    const m = how({ baseline: '120件', target: '60件', actuals: { 2019: '90件' }, rates: { 2019: '150.0%' } });
    expect(m).toContain('計算値 50.0%（(120件 − 90件) ÷ (120件 − 60件)）');
    expect(m).toContain('「実績÷目標（90件 ÷ 60件）」');
    expect(how({ baseline: '120件', target: '60件', actuals: { 2019: '90件' }, rates: { 2019: '150.0%' } }, HALF_UP, 'en')).toContain('actual ÷ target (90件 ÷ 60件)');
  });

  test('another year\'s rate, named as the table labels the year', () => {
    const spec = { baseline: '0件', target: '50件', actuals: { 2019: '20件', 2020: '30件' }, rates: { 2019: '40.0%', 2020: '40.0%' } };
    expect(how(spec)).toContain('「R1の実績値で計算した値」');
    expect(how(spec, HALF_UP, 'en')).toContain('the rate of R1');
  });

  test('a KPI without a baseline offers no baseline formulas, and still the others', () => {
    // 40 ÷ 50 = 80 %; 50 ÷ 40 = 125 %
    const m = how({ baseline: '-', target: '50件', actuals: { 2019: '40件' }, rates: { 2019: '125.0%' } });
    expect(m).toBe('達成率 125.0% は計算値 80.0%（40件 ÷ 50件）と合いません。印刷値は「目標÷実績（50件 ÷ 40件）」で再現できます。80.0% に直してください。');
  });

  test('target ÷ actual', () => {
    const spec = { baseline: '0件', target: '50件', actuals: { 2019: '40件' }, rates: { 2019: '125.0%' } };
    expect(how(spec)).toContain('「目標÷実績（50件 ÷ 40件）」');
    expect(how(spec, HALF_UP, 'en')).toContain('target ÷ actual (50件 ÷ 40件)');
  });

  test('the actual itself, for a percentage KPI', () => {
    const spec = { baseline: '0%', target: '50%', actuals: { 2019: '40%' }, rates: { 2019: '40.0%' } };
    expect(how(spec)).toContain('「実績値（40%）そのもの」');
    expect(how(spec, HALF_UP, 'en')).toContain('the actual itself (40%)');
    // not for a count: 40件 is no 40 %
    expect(how({ baseline: '0件', target: '50件', actuals: { 2019: '40件' }, rates: { 2019: '40.0%' } })).not.toContain('そのもの');
  });

  test('nothing reproduces it: no explanation', () => {
    const m = how({ baseline: '10件', target: '50件', actuals: { 2019: '30件' }, rates: { 2019: '12.3%' } });
    expect(m).toBe('達成率 12.3% は計算値 60.0%（30件 ÷ 50件）と合いません。60.0% に直してください。');
  });

  test('a formula that divides by zero reproduces nothing, not even a printed 0 %', () => {
    // baseline 0: actual ÷ baseline has no value; 10 ÷ 50 = 20 %, printed 0.0 %
    const m = how({ baseline: '0件', target: '50件', actuals: { 2019: '10件' }, rates: { 2019: '0.0%' } });
    expect(m).toBe('達成率 0.0% は計算値 20.0%（10件 ÷ 50件）と合いません。20.0% に直してください。');
  });

  test('the first candidate that fits is named (rounding before the baseline)', () => {
    // 45 ÷ 100 = 45 %; baseline 45 → 100 %; truncation also 45.0 % — printed 100.0 % only by the baseline
    expect(how({ baseline: '45件', target: '100件', actuals: { 2019: '45件' }, rates: { 2019: '100.0%' } })).toContain('実績÷基準値');
  });

  test('figures without text are shown by their values', () => {
    const kpi = kpiOf({ baseline: '120件', target: '60件', actuals: { 2019: '90件' }, rates: { 2019: '150.0%' } });
    const bare = { ...kpi, baseline: { ...kpi.baseline, parsed: null }, target: { ...kpi.target, parsed: null } };
    const [f] = check(bare);
    expect(f.message).toContain('計算値 50.0%（(120 − 90件) ÷ (120 − 60)）');
    expect(f.message).toContain('「実績÷目標（90件 ÷ 60）」');
  });
});

describe('definitions and per-year targets', () => {
  test('the KPI定義 row decides the method and the figures the rule uses', () => {
    const kpi = kpiOf({ baseline: '10件', target: '50件', actuals: { 2019: '30件' }, rates: { 2019: '60.0%' } });
    const defs: KpiDefinitions = { sheet: 'KPI定義', kpis: [makeDef({ method: 'gap' })], bands: DEFAULT_BANDS, problems: [] };
    const [f] = check(kpi, HALF_UP, 'ja', defs);
    expect(f.message).toContain('計算値 50.0%（(10件 − 30件) ÷ (10件 − 50件)）');
    expect(f.message).toContain('「実績÷目標（30件 ÷ 50件）」');
  });

  test('a year with its own printed target is shown against it', () => {
    const kpi = { ...kpiOf({ baseline: '10件', target: '50件', actuals: { 2019: '30件' }, rates: { 2019: '60.0%' } }), targets: ByYear.from({ 2019: parseValue('40件') }) };
    const [f] = check(kpi);
    expect(f.message).toContain('計算値 75.0%（30件 ÷ 40件）');
    const noText = { ...kpi, targets: ByYear.from({ 2019: parseValue('x') }) };
    expect(check(noText)).toEqual([]);
  });
});
