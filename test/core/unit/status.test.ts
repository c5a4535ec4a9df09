/**
 * Every decision of src/core/status.ts on hand-made KPIs (fast; `npm run mutation` runs these).
 * Plan period: baseline 2018 → target 2024 unless said otherwise.
 */
import { ByYear } from '../../../src/core/by-year';
import type { GradeLegend, LegendEntry } from '../../../src/core/model';
import { assessStatus, DEFAULT_GRADING, gradeOf, isAchieved, legendMethod, planStart, readableActuals } from '../../../src/core/status';
import { parseValue } from '../../../src/core/values';
import { makeKpi } from '../support/make-kpi';
import { makeDef } from './support';

const PATH = { method: 'path' } as const;

describe('readableActuals', () => {
  test('numeric actuals in the KPI\'s unit, by year ascending; unitless ones count', () => {
    const kpi = makeKpi({ baseline: '1件', target: '9件', actuals: { 2021: '5件', 2019: '3', 2020: '4人', 2022: '-', 2023: '(6件)' } });
    expect(readableActuals(kpi).map((a) => [a.year, a.value])).toEqual([[2019, 3], [2021, 5]]);
    expect(readableActuals(kpi)[1].cell).toBe(kpi.actuals.get(2021));
    // the definition's unit decides
    expect(readableActuals(kpi, makeDef({ unit: '人' })).map((a) => a.year)).toEqual([2019, 2020]);
    // a KPI without unit takes every number
    const bare = { ...kpi, unit: null, target: { ...kpi.target, parsed: parseValue('9') }, baseline: { ...kpi.baseline, parsed: parseValue('1') } };
    expect(readableActuals(bare).map((a) => a.year)).toEqual([2019, 2020, 2021]);
  });

  test('years sort as numbers', () => {
    const kpi = makeKpi({ baseline: '1', target: '9', actuals: { 999: '1', 2019: '2', 10000: '3' } });
    expect(readableActuals(kpi).map((a) => a.year)).toEqual([999, 2019, 10000]);
  });
});

describe('planStart', () => {
  test('the baseline and its year, the definition overriding', () => {
    const kpi = makeKpi({ baseline: '26件', target: '45件', actuals: {} });
    expect(planStart(kpi)).toEqual({ value: 26, year: 2018 });
    expect(planStart(kpi, makeDef({ baseline: { value: 20, year: 2016 } }))).toEqual({ value: 20, year: 2016 });
  });

  test('no baseline: a count starts from 0 in the baseline year', () => {
    expect(planStart(makeKpi({ baseline: '-', target: '10件', actuals: {} }))).toEqual({ value: 0, year: 2018 });
  });

  test('no baseline: a percentage stays unknown unless cumulative', () => {
    const pct = makeKpi({ baseline: '-', target: '50%', actuals: {} });
    expect(planStart(pct)).toEqual({ value: null, year: 2018 });
    expect(planStart({ ...pct, cumulative: true })).toEqual({ value: 0, year: 2018 });
    expect(planStart(pct, makeDef({ cumulative: true }))).toEqual({ value: 0, year: 2018 });
    expect(planStart({ ...pct, cumulative: true }, makeDef({ cumulative: false }))).toEqual({ value: null, year: 2018 });
  });

  test('a cumulation that starts later than the baseline year starts the year before it', () => {
    const kpi = makeKpi({ baseline: '-', target: '10件', actuals: {}, cumulative: true, cumulativeFrom: 2020 });
    expect(planStart(kpi)).toEqual({ value: 0, year: 2019 });
    expect(planStart({ ...kpi, cumulativeFrom: 2018 })).toEqual({ value: 0, year: 2018 });
    expect(planStart({ ...kpi, cumulativeFrom: 2019 })).toEqual({ value: 0, year: 2018 });
    expect(planStart({ ...kpi, cumulativeFrom: 2015 })).toEqual({ value: 0, year: 2018 });
    expect(planStart({ ...kpi, baseline: { ...kpi.baseline, year: null } })).toEqual({ value: 0, year: 2019 });
    expect(planStart({ ...kpi, baseline: { ...kpi.baseline, year: null }, cumulativeFrom: null })).toEqual({ value: 0, year: null });
    // with a baseline the plan starts there, whenever the cumulation starts
    const given = makeKpi({ baseline: '3件', target: '10件', actuals: {}, cumulative: true, cumulativeFrom: 2020 });
    expect(planStart(given)).toEqual({ value: 3, year: 2018 });
  });
});

describe('isAchieved', () => {
  const up = makeKpi({ baseline: '1件', target: '10件', actuals: {} });
  const down = makeKpi({ baseline: '10件', target: '1件', actuals: {} });
  test('up: at or above the target; "超" only above', () => {
    expect(isAchieved(up, 10, 10)).toBe(true);
    expect(isAchieved(up, 9.9, 10)).toBe(false);
    const over = makeKpi({ baseline: '1件', target: '10件超', actuals: {} });
    expect(isAchieved(over, 10, 10)).toBe(false);
    expect(isAchieved(over, 10.1, 10)).toBe(true);
  });
  test('down: at or below the target; "未満" only below', () => {
    expect(isAchieved(down, 1, 1)).toBe(true);
    expect(isAchieved(down, 1.1, 1)).toBe(false);
    const under = makeKpi({ baseline: '10件', target: '1件未満', actuals: {} });
    expect(isAchieved(under, 1, 1)).toBe(false);
    expect(isAchieved(under, 0.9, 1)).toBe(true);
    expect(isAchieved(up, 1, 1, makeDef({ direction: 'down' }))).toBe(true);
    expect(isAchieved(up, 2, 1, makeDef({ direction: 'down' }))).toBe(false);
  });
});

test('gradeOf: each band from its lower bound', () => {
  expect([1, 0.99999, 0.8, 0.79999, 0.5, 0.49999].map((r) => gradeOf(r))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
  const bands = { A: 0.9, B: 0.6, C: 0.3 };
  expect([0.9, 0.89, 0.6, 0.59, 0.3, 0.29].map((r) => gradeOf(r, bands))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
});

test('grades rest on the achievement rate (達成率) unless told otherwise', () => {
  expect(DEFAULT_GRADING).toBe('rate');
});

test('legendMethod: a legend about 期待値 or 見込 bands the path value', () => {
  const legend = (text: string): GradeLegend => ({ kind: 'grade', entries: [], row: 1, col: 1, text });
  expect(legendMethod(legend('「実績値」が「期待値」以上'))).toBe('path');
  expect(legendMethod(legend('見込みを上回る'))).toBe('path');
  expect(legendMethod(legend('達成率 100%以上'))).toBe('rate');
  // the answer for the legend asked last is kept: each legend still gets its own
  const path = legend('見込みを上回る');
  const rate = legend('達成率 100%以上');
  expect([path, path, rate, rate, path].map(legendMethod)).toEqual(['path', 'path', 'rate', 'rate', 'path']);
});

describe('assessStatus', () => {
  test('no rate method or no target: qualitative with nothing else', () => {
    const none = { grade: null, progress: null, year: null, pathValue: null, elapsed: null, pathRatio: null, basis: null };
    const kpi = makeKpi({ baseline: '1件', target: '10件', actuals: { 2020: '5件' } });
    expect(assessStatus(kpi, makeDef({ method: 'none' }))).toEqual({ status: 'qualitative', ...none });
    expect(assessStatus(makeKpi({ baseline: '1件', target: '未定', actuals: { 2020: '5件' } }))).toEqual({ status: 'qualitative', ...none });
    expect(assessStatus(makeKpi({ baseline: '1件', target: '10件', actuals: { 2020: '集計中' } }))).toEqual({ status: 'no-data', ...none });
    // one shared result per status, not an object per KPI (results are read only)
    const noData = makeKpi({ baseline: '2件', target: '20件', actuals: { 2021: '-' } });
    expect(assessStatus(noData)).toBe(assessStatus(makeKpi({ baseline: '1件', target: '10件', actuals: { 2020: '集計中' } })));
    expect(assessStatus(makeKpi({ baseline: '1件', target: '未定', actuals: {} }))).toBe(assessStatus(kpi, makeDef({ method: 'none' })));
    expect(assessStatus(noData)).not.toBe(assessStatus(kpi, makeDef({ method: 'none' })));
  });

  test('up-type behind: every figure', () => {
    // 10 → 40, 2020: 15 → progress 5/30, elapsed 2/6, path value 20, 達成率 15/40
    const s = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2019: '12件', 2020: '15件' } }));
    expect(s).toEqual({
      status: 'behind', grade: 'D', progress: 5 / 30, year: 2020, pathValue: 20, elapsed: 2 / 6, pathRatio: 0.5,
      basis: { method: 'rate', formula: 'ratio', value: 0.375, year: 2020, actual: 15, reference: 40, baseline: null, unit: '件' },
    });
    const p = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2019: '12件', 2020: '15件' } }), undefined, PATH);
    expect(p.grade).toBe('C'); // 15 ÷ 20 = 75 %
    expect(p.basis).toEqual({ method: 'path', formula: 'ratio', value: 0.75, year: 2020, actual: 15, reference: 20, baseline: null, unit: '件' });
  });

  test('exactly on the path is on-track; just under is behind', () => {
    const on = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '20件' } }));
    expect(on).toMatchObject({ status: 'on-track', pathRatio: 1 });
    const under = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '19.99件' } }));
    expect(under.status).toBe('behind');
  });

  test('down-type: the gap rate, the inverse against the path value', () => {
    // 120 → 60, 2020: 95; path value 100
    const kpi = makeKpi({ baseline: '120件', target: '60件', actuals: { 2020: '95件' } });
    const s = assessStatus(kpi);
    expect(s.basis).toEqual({ method: 'rate', formula: 'gap', value: 25 / 60, year: 2020, actual: 95, reference: 60, baseline: 120, unit: '件' });
    expect(s.grade).toBe('D');
    const p = assessStatus(kpi, undefined, PATH);
    expect(p.basis).toEqual({ method: 'path', formula: 'inverse', value: 100 / 95, year: 2020, actual: 95, reference: 100, baseline: null, unit: '件' });
    expect(p.grade).toBe('A');
  });

  test('the path grade falls back to the rate when it would be negative or there is no path', () => {
    // an actual below 0 against a positive path value: no path figure
    const neg = assessStatus(makeKpi({ baseline: '10', target: '40', actuals: { 2020: '▲5' } }), undefined, PATH);
    expect(neg.basis?.method).toBe('rate');
    const noYears = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '30件' }, targetYear: 2018 });
    const s = assessStatus(noYears, undefined, PATH);
    expect(s).toMatchObject({ elapsed: null, pathValue: null, pathRatio: null, status: 'behind' });
    expect(s.basis).toMatchObject({ method: 'rate', value: 0.75 });
  });

  test('graded against the path: an actual of 0 is a path figure of 0; a path value of 0 gives no path figure', () => {
    const zero = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '0件' } }), undefined, PATH);
    expect(zero.basis).toMatchObject({ method: 'path', formula: 'ratio', value: 0, reference: 20 });
    expect(zero.grade).toBe('D');
    // 2018 is the baseline year: path value 0, so 5 ÷ 0 has no figure and the rate is used
    const start = assessStatus(makeKpi({ baseline: '0件', target: '40件', actuals: { 2018: '5件' } }), undefined, PATH);
    expect(start.basis).toMatchObject({ method: 'rate', formula: 'ratio', value: 5 / 40, reference: 40 });
  });

  test('a printed 目安値 of the year is the expected value graded against', () => {
    const kpi = { ...makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '15件' } }), expected: ByYear.from({ 2020: parseValue('30件'), 2019: parseValue('x') }) };
    expect(assessStatus(kpi, undefined, PATH).basis).toMatchObject({ value: 0.5, reference: 30 });
    const textual = { ...kpi, expected: ByYear.from({ 2020: parseValue('未定') }) };
    expect(assessStatus(textual, undefined, PATH).basis).toMatchObject({ value: 0.75, reference: 20 });
  });

  test('elapsed is clamped to the plan period', () => {
    const before = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2016: '12件' } }));
    expect(before).toMatchObject({ elapsed: 0, pathValue: 10, pathRatio: 1, status: 'on-track' });
    const falling = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2016: '8件' } }));
    expect(falling).toMatchObject({ elapsed: 0, pathRatio: 0, status: 'behind' });
    const after = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2030: '30件' } }));
    expect(after).toMatchObject({ elapsed: 1, pathValue: 40 });
    expect(after.pathRatio).toBeCloseTo(2 / 3, 11);
    const same = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2024: '30件' }, baselineYear: 2024 }));
    expect(same).toMatchObject({ elapsed: null, pathValue: null });
    // still at the baseline before the plan starts: on the path
    const waiting = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2016: '10件' } }));
    expect(waiting).toMatchObject({ elapsed: 0, progress: 0, pathRatio: 1, status: 'on-track' });
  });

  test('without a baseline year there is no path, whatever the target year', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '30件' } });
    const s = assessStatus({ ...kpi, baseline: { ...kpi.baseline, year: null } });
    expect(s).toMatchObject({ elapsed: null, pathValue: null, pathRatio: null, status: 'behind', progress: 20 / 30 });
    const noTargetYear = assessStatus({ ...kpi, target: { ...kpi.target, year: null } });
    expect(noTargetYear).toMatchObject({ elapsed: null, pathValue: null, pathRatio: null, status: 'behind' });
  });

  test('a figure that cannot be told has no path ratio (a KPI kept at 0)', () => {
    // baseline = target = 0: 5 ÷ 0 is no ratio
    const s = assessStatus(makeKpi({ baseline: '0件', target: '0件', actuals: { 2020: '5件' } }));
    expect(s).toMatchObject({ status: 'achieved', progress: null, pathRatio: null });
  });

  test('a KPI kept at its level is judged by its ratio to the target, fully due', () => {
    const keepUp = assessStatus(makeKpi({ baseline: '10件', target: '10件', actuals: { 2020: '9件' } }));
    expect(keepUp).toMatchObject({ status: 'behind', progress: 0.9, pathRatio: 0.9 });
    const keepPct = assessStatus(makeKpi({ baseline: '-', target: '50%', actuals: { 2020: '60%' } }));
    expect(keepPct).toMatchObject({ status: 'achieved', grade: 'A', progress: 1.2 });
    const keepDown = assessStatus(makeKpi({ baseline: '10件', target: '10件以下', actuals: { 2020: '20件' } }));
    expect(keepDown).toMatchObject({ status: 'behind', progress: 0.5, grade: 'C' });
    expect(keepDown.basis).toEqual({ method: 'rate', formula: 'inverse', value: 0.5, year: 2020, actual: 20, reference: 10, baseline: null, unit: '件' });
    // an inverse below 0 is no grade
    const negative = assessStatus(makeKpi({ baseline: '10', target: '10以下', actuals: { 2020: '▲20' } }));
    expect(negative).toMatchObject({ status: 'achieved', grade: 'A', basis: null });
    // kept at 0 and above it: 0 ÷ 5 = 0 is a figure, grade D
    const atZero = assessStatus(makeKpi({ baseline: '0件', target: '0件以下', actuals: { 2020: '5件' } }));
    expect(atZero).toMatchObject({ status: 'behind', grade: 'D' });
    expect(atZero.basis).toMatchObject({ method: 'rate', formula: 'inverse', value: 0, reference: 0 });
    // up-type without a rate has no basis: graded only because achieved
    const noRate = assessStatus(makeKpi({ baseline: '5件', target: '0件', actuals: { 2020: '5件' } }), makeDef({ method: 'ratio', baseline: { value: 0, year: 2018 } }));
    expect(noRate).toMatchObject({ basis: null, grade: 'A', status: 'achieved' });
    const noRateBehind = assessStatus(makeKpi({ baseline: '5件', target: '0件', actuals: { 2020: '▲5件' } }), makeDef({ method: 'ratio', direction: 'up', baseline: { value: 0, year: 2018 } }));
    expect(noRateBehind).toMatchObject({ basis: null, grade: null, status: 'behind' });
  });

  test('achieved is grade A whatever the figure', () => {
    const s = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '40件' } }));
    expect(s).toMatchObject({ status: 'achieved', grade: 'A' });
    const over = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '80件' } }), undefined, { A: 5, B: 4, C: 3 });
    expect(over.grade).toBe('A');
  });

  test('grades compared at 12 significant digits: 0.8 is B', () => {
    // 0.4 of 0.5: 0.8000000000000002 in binary
    const s = assessStatus(makeKpi({ baseline: '0', target: '0.5', actuals: { 2020: '0.4' } }), undefined, { A: 1, B: 0.8, C: 0.5 });
    expect(s.grade).toBe('B');
    const low = assessStatus(makeKpi({ baseline: '0', target: '0.5', actuals: { 2020: '0.4' } }), undefined, { A: 1, B: 0.8000000000001, C: 0.5 });
    expect(low.grade).toBe('C');
  });

  test('bands and method given together as options', () => {
    const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '15件' } });
    expect(assessStatus(kpi, undefined, { bands: { A: 0.3, B: 0.2, C: 0.1 } }).grade).toBe('A');
    expect(assessStatus(kpi, undefined, { method: 'path', bands: { A: 0.8, B: 0.7, C: 0.1 } }).grade).toBe('B');
    expect(assessStatus(kpi, undefined, {}).grade).toBe('D');
  });
});

describe('a printed grade legend', () => {
  const entry = (symbol: string, min: number | null, max: number | null = null): LegendEntry => ({ symbol, label: `${symbol}の説明`, min, max });
  const legend = (entries: LegendEntry[], text = '達成率'): GradeLegend => ({ kind: 'grade', entries, row: 1, col: 1, text });
  const kpi = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '30件' } }); // 達成率 75 %, path 150 %

  test('lettered symbols are their grade; the entry shows in the basis', () => {
    const l = legend([entry('A', 1), entry('B+', 0.7), entry('C', 0.5), entry('D', null, 0.5)]);
    const s = assessStatus(kpi, undefined, { legend: l });
    expect(s.grade).toBe('B');
    expect(s.basis?.legend).toEqual({ symbol: 'B+', label: 'B+の説明' });
  });

  test('a legend without an A: a lettered symbol is its own grade, not its rank', () => {
    const l = legend([entry('B', 0.7), entry('C', 0.5), entry('D', null)]);
    expect(assessStatus(kpi, undefined, { legend: l }).grade).toBe('B');
  });

  test('only a leading letter names the grade: "○(A)" in second place ranks B', () => {
    const l = legend([entry('◎', 1), entry('○(A)', 0.7), entry('△', null)]);
    const s = assessStatus(kpi, undefined, { legend: l });
    expect(s.basis?.legend?.symbol).toBe('○(A)');
    expect(s.grade).toBe('B');
  });

  test('other symbols grade by their rank, the fourth and later as D', () => {
    const l = legend([entry('◎', 1), entry('○', 0.8), entry('△', 0.5), entry('×', 0.3), entry('－', null)]);
    const at = (actual: string) => assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: actual } }), undefined, { legend: l }).grade;
    expect([at('35件'), at('25件'), at('14件'), at('5件')]).toEqual(['B', 'C', 'D', 'D']);
  });

  test('its wording picks the path figure; an achieved KPI falls in the top entry', () => {
    const l = legend([entry('A', 1), entry('B', 0.5), entry('C', null)], '実績値が期待値以上');
    expect(assessStatus(kpi, undefined, { legend: l, method: 'rate' }).basis).toMatchObject({ method: 'path', legend: { symbol: 'A' } });
    const achieved = assessStatus(makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '40件' } }), undefined, { legend: legend([entry('◎', 1.5), entry('○', 1), entry('△', null)]) });
    expect(achieved.grade).toBe('B'); // ◎ ranks first (A); the achieved 100 % falls in ○, the second → B
    expect(achieved.basis?.legend?.symbol).toBe('○');
    // an achieved KPI whose figure is under 100 % (a path figure) still counts as 100 %
    const ahead = makeKpi({ baseline: '10件', target: '40件', actuals: { 2020: '40件' } });
    const printed = { ...ahead, expected: ByYear.from({ 2020: parseValue('50件') }) };
    expect(assessStatus(printed, undefined, { legend: legend([entry('◎', 1), entry('△', null)], '期待値') }).basis?.legend?.symbol).toBe('◎');
  });

  test('a legend without bands leaves the grade to the bands', () => {
    const s = assessStatus(kpi, undefined, { legend: legend([{ symbol: '◎', label: '順調', min: null, max: null }]) });
    expect(s.grade).toBe('C');
    expect(s.basis?.legend).toBeUndefined();
  });
});
