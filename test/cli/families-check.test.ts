/**
 * Issue #11: the five layout families, written as real .xlsx files and checked through the CLI
 * (`check --json`): every KPI's fields, rates against per-year targets, printed grades and legends,
 * and each planted error found at its cell. The mixed workbook reads each sheet in its own family.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { familyBuffer, type FamilyName } from '../support/families/build';

const dir = mkdtempSync(join(tmpdir(), 'kpi-families-'));

/* eslint-disable @typescript-eslint/no-explicit-any */
async function check(name: FamilyName): Promise<{ code: number; doc: any }> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await familyBuffer(name));
  const out: string[] = [];
  const code = await main(['check', file, '--json'], { out: (l) => out.push(l), err: () => undefined });
  return { code, doc: JSON.parse(out.join('\n')) };
}

const findingsOf = (doc: any) => doc.sheets.flatMap((s: any) => s.findings.map((f: any) => [f.rule, f.sheet, f.cell]));
const kpi = (doc: any, sheet: string, row: number) => doc.sheets.find((s: any) => s.sheet === sheet).kpis.find((k: any) => k.row === row);

test('row-latest: name without its (単位), unit from the brackets or the cell, trend and grade columns, the narrative as remark', async () => {
  const { code, doc } = await check('row-latest');
  expect(code).toBe(1);
  const s = doc.sheets[0];
  expect(s.tables).toBe(1);
  expect(s.tableList).toEqual([{ index: 0, layout: 'row-latest', headerRow: 3, firstRow: 4, lastRow: 8, kpis: 4 }]);
  expect(s.legends.map((l: any) => [l.kind, l.cell, l.entries.map((e: any) => e.symbol)])).toEqual([['trend', 'A10', ['○', '△', '×']], ['grade', 'A10', ['A', 'B']]]);
  expect(s.kpis.map((k: any) => [k.name, k.unit, k.row, k.rateRow])).toEqual([
    ['有害鳥獣による農作物年間被害額', '千円', 4, null],
    ['新規就農者数', '人', 6, null],
    ['観光入込客数', '千人', 7, null],
    ['企業誘致件数', '件', 8, null],
  ]);
  expect(kpi(doc, '評価一覧', 4)).toMatchObject({
    direction: 'down',
    baseline: { year: 2014, value: 12000 },
    target: { year: 2019, value: 8000 },
    actuals: { 2015: 9500 },
    printedRates: {},
    rates: { 2015: 0.625 },
    printedGrades: { 2015: 'B' },
    printedTrends: { 2015: '○' },
    remark: '≪成果と見直し≫ 防護柵の設置が進み被害額は減少した。引き続き捕獲体制を強化する。',
    path: ['基本目標1'],
  });
  expect(kpi(doc, '評価一覧', 6)).toMatchObject({ cumulative: true, actuals: { 2015: 2 }, target: { value: 20 } });
  expect(findingsOf(doc)).toEqual([
    ['unit-mismatch', '評価一覧', 'C8'],
    ['grade-mismatch', '評価一覧', 'D7'],
  ]);
});

test('row-text: the KPI text repeated in the value cells gives the name; the rate column is the latest year', async () => {
  const { doc } = await check('row-text');
  const s = doc.sheets[0];
  expect(s.tableList[0]).toMatchObject({ layout: 'row-text', headerRow: 3, firstRow: 4, lastRow: 7, kpis: 4 });
  expect(s.kpis.map((k: any) => [k.name, k.unit, k.target.value, k.target.year, k.actuals[2015], k.printedRates[2015], k.rates[2015]])).toEqual([
    ['企業立地協定締結件数', '件', 10, 2019, 1, 0.1, 0.1],
    ['創業支援件数', '件', 50, 2019, 12, 0.25, 0.24],
    ['地産地消の実践割合', '%', 80, 2019, 62, 0.775, 0.775],
    ['移住相談件数', '件', 100, 2019, 40, '-', null],
  ]);
  expect(kpi(doc, 'KPI達成状況', 6).target).toMatchObject({ qualifier: 'atLeast', text: '地産地消の実践割合 80%以上' });
  expect(s.kpis.every((k: any) => k.rateRow === k.row)).toBe(true);
  expect(findingsOf(doc)).toEqual([
    ['rate-mismatch', 'KPI達成状況', 'E5'],
    ['unit-mismatch', 'KPI達成状況', 'D7'],
  ]);
});

test('block: one sheet per KPI, rates against each year\'s 期待値, truncation detected, the 評価 row checked against the printed legend', async () => {
  const { doc } = await check('block');
  expect(doc.unrecognised.map((u: any) => u.sheet)).toEqual(['表紙']);
  expect(doc.unrecognised[0].reason).toMatch(/目標値/);
  const k1 = kpi(doc, 'KPI1', 6);
  expect(doc.sheets[0].tableList[0]).toMatchObject({ layout: 'block', headerRow: 4, firstRow: 5, lastRow: 8 });
  expect(k1).toMatchObject({
    name: '観光入込客数', unit: '千人', row: 6, rateRow: 7,
    baseline: { value: 1000, year: 2014, text: '1,000 [H26]' },
    target: { value: 1400, year: 2019 },
    targets: { 2015: 1080, 2016: 1160, 2017: 1240, 2018: 1320 },
    actuals: { 2015: 1100, 2016: 1230, 2017: null, 2018: null },
    actualTexts: { 2016: '1,230 (速報値)', 2017: '調査中' },
    printedRates: { 2015: 1.018, 2016: 1.06, 2017: '-', 2018: null },
    printedGrades: { 2015: 'A', 2016: 'A', 2017: null, 2018: null },
  });
  expect(k1.rates[2015]).toBeCloseTo(1100 / 1080, 12);
  const k2 = kpi(doc, 'KPI2', 6);
  expect(k2.rates).toEqual({ 2015: 0.94, 2016: 0.9, 2017: null, 2018: null });
  expect(k2.printedGrades).toEqual({ 2015: 'B+', 2016: 'A', 2017: null, 2018: null });
  expect(doc.sheets[0].legends[0].entries).toEqual([
    { symbol: 'A', label: '順調', min: 1, max: null },
    { symbol: 'B+', label: '概ね順調', min: 0.8, max: 1 },
    { symbol: 'B', label: 'やや遅れ', min: 0.5, max: 0.8 },
    { symbol: 'C', label: '遅れ', min: null, max: 0.5 },
  ]);
  expect(findingsOf(doc)).toEqual([
    ['not-a-number', 'KPI1', 'F6'],
    ['rate-mismatch', 'KPI2', 'D7'],
    ['grade-mismatch', 'KPI2', 'E8'],
  ]);
  const rate = doc.sheets[1].findings.find((f: any) => f.rule === 'rate-mismatch');
  expect(rate.message).toContain('470 ÷ 500');
});

test('block: 101.8% for 1100 ÷ 1080 (101.85…) is read as truncation, not an error', async () => {
  const { doc } = await check('block');
  expect(doc.sheets[0].findings.filter((f: any) => f.rule === 'rate-mismatch')).toEqual([]);
});

test('side-by-side: 単位 column, per-year targets, no rate cells (rateRow null), 調査中 and annotated text kept', async () => {
  const { doc } = await check('side-by-side');
  const s = doc.sheets[0];
  expect(s.tableList[0]).toMatchObject({ layout: 'side-by-side', headerRow: 3, firstRow: 5, lastRow: 8, kpis: 4 });
  expect(s.kpis.map((k: any) => [k.name, k.unit, k.rateRow])).toEqual([
    ['転入者数', '人', null], ['観光消費額', '万円', null], ['農地集積面積', 'ha', null], ['年間イベント参加者数', '人/年', null],
  ]);
  const k = kpi(doc, '成果指標', 5);
  expect(k).toMatchObject({
    targets: { 2015: 4000, 2016: 4100, 2017: 4200, 2018: 4300, 2019: 4400 },
    target: { value: 4400, year: 2019 },
    actuals: { 2015: 3950, 2016: 4120, 2017: null, 2018: null, 2019: null },
    actualTexts: { 2017: '調査中', 2018: '-' },
    printedRates: {},
  });
  expect(k.rates[2015]).toBeCloseTo(3950 / 4000, 12);
  expect(k.rates[2016]).toBeCloseTo(4120 / 4100, 12);
  expect(kpi(doc, '成果指標', 8).actualTexts[2015]).toBe('2,211(H26)※調査時点変更により未公表');
  expect(findingsOf(doc)).toEqual([
    ['unit-mismatch', '成果指標', 'I7'],
    ['not-a-number', '成果指標', 'J5'],
    ['not-a-number', '成果指標', 'H8'],
  ]);
});

test('row-years: 実績 and 達成率 columns per year; a wrong printed rate found at its cell', async () => {
  const { doc } = await check('row-years');
  const s = doc.sheets[0];
  expect(s.tableList[0]).toMatchObject({ layout: 'row-years', headerRow: 3, firstRow: 4, lastRow: 7, kpis: 4 });
  expect(kpi(doc, 'KPI実績', 4)).toMatchObject({
    name: '新規創業件数', unit: '件', rateRow: 4, department: '商工振興課', path: ['基本目標①'],
    baseline: { value: 26, year: 2018 }, target: { value: 45, year: 2024 },
    actuals: { 2019: 31, 2020: 34 }, printedRates: { 2019: 0.689, 2020: 0.756 },
  });
  expect(findingsOf(doc)).toEqual([['rate-mismatch', 'KPI実績', 'I6']]);
});

test('mixed workbook: every sheet in its own family, the two-row sheet as before', async () => {
  const { doc } = await check('mixed');
  expect(doc.sheets.map((s: any) => [s.sheet, s.tableList.map((t: any) => t.layout)])).toEqual([
    ['進捗状況一覧表', ['two-row']],
    ['評価一覧', ['row-latest']],
    ['KPI達成状況', ['row-text']],
    ['KPI1', ['block']],
    ['KPI2', ['block']],
    ['成果指標', ['side-by-side']],
    ['KPI実績', ['row-years']],
  ]);
  expect(kpi(doc, '進捗状況一覧表', 5)).toMatchObject({ name: '新規創業件数', rateRow: 6, actuals: { 2019: 31, 2020: 34 }, printedRates: { 2019: 0.689, 2020: 0.756 } });
  expect(kpi(doc, '進捗状況一覧表', 5).targets).toBeUndefined();
  expect(findingsOf(doc).filter((f: any) => f[0] === 'grade-mismatch')).toEqual([['grade-mismatch', '評価一覧', 'D7'], ['grade-mismatch', 'KPI2', 'E8']]);
});
