import { assessStatus, gradeOf, legendMethod } from '../../src/core/status';
import { gradeLine } from '../../src/core/grade-line';
import { parseLegendText } from '../../src/core/legend';
import type { KpiDefinition } from '../../src/core/definitions';
import { makeKpi } from './support/make-kpi';

// Plan period in these tests: baseline H30 (2018) → target R6 (2024); R2 (2020) is 2/6 of the way.
// Status compares progress with that path; the grade is banded on the 達成率 (actual ÷ target) by
// default, or on the actual against the expected value with { method: 'path' }.
const EXPECTED = { method: 'path' } as const;

describe('status', () => {
  test('cumulative KPI on track: progress from baseline ≥ share of the period elapsed', () => {
    // 新規創業件数 (H27～累計): 26 → 45; R2 34 is (34−26)/19 = 42 % of the way at 33 % of the time.
    const kpi = makeKpi({ baseline: '26件', target: '45件', actuals: { 2019: '31件', 2020: '34件', 2021: '' }, cumulative: true, cumulativeFrom: 2015 });
    const s = assessStatus(kpi);
    // 達成率 34 ÷ 45 = 75.6 % → C; against the expected 32.3 it is 105 % → A.
    expect(s).toMatchObject({ status: 'on-track', grade: 'C', year: 2020 });
    expect(gradeLine(s.basis!, s.grade, 'ja')).toBe('達成率 75.6%（34件 ÷ 目標 45件）→ C');
    expect(assessStatus(kpi, undefined, EXPECTED).grade).toBe('A');
    expect(s.progress).toBeCloseTo(8 / 19, 12);
    expect(s.pathValue).toBeCloseTo(26 + (19 * 2) / 6, 12);
  });

  test('behind: behind the path; grades banded on the 達成率, or on the actual against the expected value', () => {
    // 技能士合格者数: 163 → 220, R2 176: progress 13/57 = 22.8 % vs 33.3 % expected (68 % of the path).
    // 達成率 176 ÷ 220 = 80 % → B; against the expected 182: 96.7 % → B.
    const kpi = makeKpi({ baseline: '163人', target: '220人', actuals: { 2019: '172人', 2020: '176人' }, cumulative: true });
    expect(assessStatus(kpi)).toMatchObject({ status: 'behind', grade: 'B' });
    expect(assessStatus(kpi).pathRatio).toBeCloseTo(0.684, 3);
    const e = assessStatus(kpi, undefined, EXPECTED);
    expect(gradeLine(e.basis!, e.grade, 'ja')).toBe('見込み値に対する実績 96.7%（176人 ÷ 見込み 182人）→ B');
    // 空き店舗開業: 8 → 15, R2 10: 達成率 66.7 % → C; 10 of the expected 10.3 → B.
    const b = makeKpi({ baseline: '8件', target: '15件', actuals: { 2019: '10件', 2020: '10件' }, cumulative: true });
    expect(assessStatus(b)).toMatchObject({ status: 'behind', grade: 'C' });
    expect(assessStatus(b, undefined, EXPECTED).grade).toBe('B');
    // Below the baseline: 達成率 598 ÷ 750 = 79.7 % → C; progress is negative but never shown.
    const d = makeKpi({ baseline: '705人', target: '750人', actuals: { 2019: '684人', 2020: '598人' } });
    expect(assessStatus(d)).toMatchObject({ status: 'behind', grade: 'C' });
    // A decrease-type KPI worse than its baseline: the gap rate is negative, said in words.
    const worse = makeKpi({ baseline: '120件', target: '60件', actuals: { 2019: '110件', 2020: '130件' } });
    const w = assessStatus(worse);
    expect(w.grade).toBe('D');
    expect(gradeLine(w.basis!, w.grade, 'ja')).toBe('基準値を上回っています（実績 130件、基準値 120件）→ D');
    expect(gradeLine(w.basis!, w.grade, 'en')).toBe('Above the baseline (actual 130件, baseline 120件) → D');
    expect(gradeLine(w.basis!, w.grade, 'ja')).not.toMatch(/-\d/);
  });

  test('the grade line of 屋根雪処理対応家屋棟数: 2,796 ÷ 3,119 → B', () => {
    const kpi = makeKpi({ baseline: '2,500棟', target: '3,119棟', actuals: { 2019: '2,700棟', 2020: '2,796棟' }, cumulative: true });
    const s = assessStatus(kpi);
    expect(gradeLine(s.basis!, s.grade, 'ja')).toBe('達成率 89.6%（2,796棟 ÷ 目標 3,119棟）→ B');
    expect(gradeLine(s.basis!, s.grade, 'en')).toBe('Achievement rate 89.6% (2,796棟 ÷ target 3,119棟) → B');
  });

  test('achieved: target reached in the KPI direction; "以上" reached at the figure', () => {
    const up = makeKpi({ baseline: '2経営体', target: '6経営体', actuals: { 2019: '2経営体', 2020: '6経営体' } });
    expect(assessStatus(up)).toMatchObject({ status: 'achieved', grade: 'A', progress: 1 });
    const atLeast = makeKpi({ baseline: '3日', target: '3日以上', actuals: { 2019: '3日' } });
    expect(assessStatus(atLeast)).toMatchObject({ status: 'achieved', grade: 'A' });
    const down = makeKpi({ baseline: '12人', target: '0人', actuals: { 2019: '5人', 2020: '0人' } });
    expect(assessStatus(down)).toMatchObject({ status: 'achieved', grade: 'A', progress: 1 });
  });

  test('down-type on track: falling at least as fast as the plan', () => {
    const kpi = makeKpi({ baseline: '120件', target: '60件', actuals: { 2019: '110件', 2020: '95件' } });
    // Expected at R2: 120 − 60 × 2/6 = 100; 95 is better. 達成率 (120 − 95) ÷ (120 − 60) = 41.7 % → D;
    // against the expected value 100 ÷ 95 = 105 % → A.
    const s = assessStatus(kpi);
    expect(s).toMatchObject({ status: 'on-track', grade: 'D', pathValue: 100 });
    expect(gradeLine(s.basis!, s.grade, 'ja')).toBe('達成率 41.7%（(基準 120件 − 95件) ÷ (基準 120件 − 目標 60件)）→ D');
    expect(assessStatus(kpi, undefined, EXPECTED).grade).toBe('A');
  });

  test('single-year KPIs are never summed: the latest year is judged alone', () => {
    // /年: 30 and 30 are two years of 30, not 60 towards a target of 50.
    const kpi = makeKpi({ baseline: '20件', target: '50件', actuals: { 2019: '30件', 2020: '30件' } });
    const s = assessStatus(kpi);
    expect(s.progress).toBeCloseTo(1 / 3, 12);
    expect(s.status).toBe('on-track');
  });

  test('the latest readable actual is used; unreadable or other-unit years are skipped', () => {
    const kpi = makeKpi({ baseline: '48件', target: '50件', actuals: { 2019: '50件', 2020: '57人', 2021: '集計中' } });
    expect(assessStatus(kpi)).toMatchObject({ status: 'achieved', year: 2019 });
  });

  test('no-data and qualitative', () => {
    expect(assessStatus(makeKpi({ baseline: '-', target: '10回', actuals: { 2019: '-', 2020: '' } })).status).toBe('no-data');
    expect(assessStatus(makeKpi({ baseline: '-', target: '見直し完了', actuals: { 2019: '-', 2020: 'R6着手予定' } }))).toMatchObject({ status: 'qualitative', grade: null });
  });

  test('a cumulative KPI without baseline counts from 0 where its cumulation starts', () => {
    // スマート農業 (R2～累計): 0 at the end of R1, 10 by R6; R2 3件 is 30 % at 1/5 of the period.
    const kpi = makeKpi({ baseline: '-', target: '10件', actuals: { 2019: '-', 2020: '3件' }, cumulative: true, cumulativeFrom: 2020 });
    expect(assessStatus(kpi)).toMatchObject({ status: 'on-track', grade: 'D', elapsed: 0.2 }); // 達成率 30 %
    expect(assessStatus(kpi, undefined, EXPECTED).grade).toBe('A'); // 3 of the expected 2
  });

  test('a definition overrides direction, figures and years', () => {
    const kpi = makeKpi({ baseline: '26件', target: '45件', actuals: { 2020: '34件' } });
    const def: KpiDefinition = {
      name: 'テストKPI', unit: '件', direction: null, cumulative: true, method: null,
      baseline: { value: 26, year: 2018 }, target: { value: 30, year: 2020 }, min: null, max: null,
      sheetNo: null, department: null, row: 4,
    };
    expect(assessStatus(kpi).status).toBe('on-track');
    expect(assessStatus(kpi, def)).toMatchObject({ status: 'achieved' });
  });

  test('grade bands are configurable', () => {
    expect(gradeOf(0.79)).toBe('C');
    expect(gradeOf(0.8)).toBe('B');
    expect(gradeOf(0.49)).toBe('D');
    expect(gradeOf(0.79, { A: 1, B: 0.7, C: 0.4 })).toBe('B');
    const kpi = makeKpi({ baseline: '163人', target: '220人', actuals: { 2020: '176人' } });
    // 達成率 176 ÷ 220 = 80 %: B by default, A when A starts at 80 %.
    expect(assessStatus(kpi).grade).toBe('B');
    expect(assessStatus(kpi, undefined, { A: 0.8, B: 0.6, C: 0.3 }).grade).toBe('A');
  });
});

test('a count without baseline ("-") starts from 0; a percentage without baseline is judged by its ratio', () => {
  // 5 of 10 at 2/6 of the period: ahead of the path from 0.
  const count = makeKpi({ baseline: '-', target: '10回', actuals: { 2019: '-', 2020: '5回' } });
  expect(assessStatus(count)).toMatchObject({ status: 'on-track', grade: 'C', progress: 0.5 });
  const share = makeKpi({ baseline: '-', target: '50%', actuals: { 2020: '25%' } });
  expect(assessStatus(share)).toMatchObject({ status: 'behind', grade: 'C', progress: 0.5, pathValue: null });
});

test('a decrease-type KPI kept at its level is judged downwards', () => {
  // 事故件数 at most 10 (baseline 10, target 10以下): 12 is worse, 8 is achieved.
  const worse = makeKpi({ baseline: '10件', target: '10件以下', actuals: { 2020: '12件' } });
  expect(assessStatus(worse)).toMatchObject({ status: 'behind', grade: 'B' });
  expect(gradeLine(assessStatus(worse).basis!, 'B', 'ja')).toBe('達成率 83.3%（目標 10件 ÷ 実績 12件）→ B');
  expect(assessStatus(worse).progress).toBeCloseTo(10 / 12, 12);
  const better = makeKpi({ baseline: '10件', target: '10件以下', actuals: { 2020: '8件' } });
  expect(assessStatus(better).status).toBe('achieved');
});

test('a printed legend wins: its own figure (期待値 here) and its own symbols', () => {
  const [legend] = parseLegendText('A:順調(「実績値」が「期待値」以上), B+:概ね順調(「実績値」が「期待値」の80~99%), B:やや遅れ(「実績値」が「期待値」の50~79%), C:遅れ(「実績値」が「期待値」の50%未満)');
  expect(legendMethod(legend)).toBe('path');
  // 技能士合格者数: 176 of the expected 182 = 96.7 % → B+ 概ね順調, counted as B.
  const kpi = makeKpi({ baseline: '163人', target: '220人', actuals: { 2019: '172人', 2020: '176人' }, cumulative: true });
  const s = assessStatus(kpi, undefined, { legend, method: 'rate' });
  expect(s.grade).toBe('B');
  expect(gradeLine(s.basis!, s.grade, 'ja')).toBe('見込み値に対する実績 96.7%（176人 ÷ 見込み 182人）→ B+（概ね順調）');
});
