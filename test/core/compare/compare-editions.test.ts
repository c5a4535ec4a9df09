/**
 * compareEditions on editions built from the bundled sample: nothing found between unchanged editions
 * (R1 → R2 → R3, an edition with itself, the same edition in other layouts), and every planted change
 * found at its cell, with the right rule, severity and both values — nothing else.
 */
import ExcelJS from 'exceljs';
import { compareEditions, matchKpis } from '../../../src/core/compare';
import type { ChangeFinding } from '../../../src/core/compare';
import { loadSampleWorkbook } from '../../support/sample';
import { modelOf, plantChanges, r1Edition, r3Edition, type Planted } from '../../support/editions';
import { copySheet, roundTrip, sheetPerGoal, numbersWithFormats, mergesRemoved, noLabelColumn, COL } from '../../support/variants';

let sample: ExcelJS.Workbook;
let r1: ExcelJS.Workbook;
let r3: ExcelJS.Workbook;
let planted: ExcelJS.Workbook;
let plants: Planted[];

beforeAll(async () => {
  sample = await loadSampleWorkbook();
  r1 = await r1Edition();
  r3 = await r3Edition();
  planted = await r3Edition();
  plants = plantChanges(planted);
  planted = await roundTrip(planted);
});

const brief = (f: ChangeFinding) => `${f.rule} ${f.cell} ${f.kpiName}`;

test('the R1 and R3 editions are real editions: R2 empty in one, R3 filled in the other', () => {
  const k1 = modelOf(r1).sheets[0].kpis.find((k) => k.row === 11)!;
  const k3 = modelOf(r3).sheets[0].kpis.find((k) => k.row === 11)!;
  expect(k1.actuals.get(2020)!.kind).toBe('empty');
  expect(k1.actuals.get(2019)!.text).toBe('31件');
  expect(k3.actuals.get(2021)!.text).toBe('35件');
  expect(k3.printedRates.get(2021)!.text).toBe('77.8%');
  expect(modelOf(r3).sheets[0].kpis.filter((k) => k.actuals.get(2021)?.kind === 'number').length).toBeGreaterThan(50);
});

test.each([
  ['R1 → R2', () => r1, () => sample],
  ['R2 → R3', () => sample, () => r3],
  ['R1 → R3', () => r1, () => r3],
  ['R2 with itself', () => sample, () => sample],
  ['R3 with itself', () => r3, () => r3],
])('no findings between unchanged editions: %s', (_name, prev, cur) => {
  const c = compareEditions(modelOf(prev()), modelOf(cur()));
  expect(c.findings.map(brief)).toEqual([]);
  expect(c.matches).toHaveLength(84);
  expect(c.matches.every((m) => m.how === 'name')).toBe(true);
});

test('every planted change is found at its cell, and nothing else', () => {
  const c = compareEditions(modelOf(sample), modelOf(planted));
  const found = c.findings.map((f) => `${f.rule} ${f.cell} ${f.kpiName}`).sort();
  expect(found).toEqual(plants.map((p) => `${p.rule} ${p.cell} ${p.kpi}`).sort());
  for (const p of plants.filter((x) => x.severity)) {
    expect(c.findings.find((f) => f.rule === p.rule && f.cell === p.cell)!.severity).toBe(p.severity);
  }
});

test('each finding carries both values and names what changed', () => {
  const c = compareEditions(modelOf(sample), modelOf(planted));
  const at = (rule: string, cell: string) => c.findings.find((f) => f.rule === rule && f.cell === cell)!;
  expect(at('actual-revised', 'E17')).toMatchObject({ severity: 'error', year: 2019, previousValue: '406人', currentValue: '410人', previousCell: '進捗状況一覧表!E17' });
  expect(at('actual-revised', 'E17').message).toContain('R1 の実績値が前年度版の「406人」から「410人」');
  expect(at('actual-revised', 'E37').message).toContain('備考: R1実績値を確定値に修正');
  expect(at('kpi-renamed', 'A11')).toMatchObject({ previousValue: '新規創業件数 (H27～累計)', currentValue: '新規創業件数 (平成27年度からの累計)' });
  expect(at('rate-revised', 'E12')).toMatchObject({ previousValue: '68.9%', currentValue: '69.0%' });
  expect(at('baseline-changed', 'C29')).toMatchObject({ previousValue: '705人', currentValue: '700人' });
  expect(at('target-changed', 'D31')).toMatchObject({ previousValue: '120万人', currentValue: '125万人' });
  expect(at('target-changed', 'D402')).toMatchObject({ previousValue: '17.0km', currentValue: '17.0km以上' });
  expect(at('target-changed', 'D395').message).toContain('年度');
  expect(at('target-changed', 'D395')).toMatchObject({ previousValue: '15区画 (R6)', currentValue: '15区画 (R7)' });
  expect(at('unit-changed', 'D39')).toMatchObject({ previousValue: '組', currentValue: '件' });
  expect(at('department-changed', 'L21')).toMatchObject({ previousValue: '農林課', currentValue: '農林振興課' });
  expect(at('sheet-number-changed', 'N13')).toMatchObject({ previousValue: '08', currentValue: '09' });
  expect(at('kpi-removed', 'A411')).toMatchObject({ kpi: '進捗状況一覧表!411', previousValue: '高齢者対応型投雪口整備（累計）', currentValue: null });
  const en = compareEditions(modelOf(sample), modelOf(planted), { lang: 'en' });
  expect(en.findings.find((f) => f.cell === 'E17')!.message).toContain('The R1 actual changed from "406人"');
});

test('the renamed KPI is matched by figures and place, with a confidence and reasons', () => {
  const { matches, removed, added } = matchKpis(modelOf(sample), modelOf(planted));
  const renamed = matches.find((m) => m.current === '進捗状況一覧表!11')!;
  expect(renamed).toMatchObject({ previous: '進捗状況一覧表!11', how: 'renamed' });
  expect(renamed.confidence).toBeGreaterThanOrEqual(0.55);
  expect(renamed.confidence).toBeLessThan(1);
  expect(renamed.reasons).toEqual(expect.arrayContaining(['path', 'position', 'baseline', 'target', 'actuals']));
  expect(removed.map((k) => k.name).sort()).toEqual(['企業見学交流バスツアーの実施回数/年', '高齢者対応型投雪口整備（累計）']);
  expect(added.map((k) => k.name)).toEqual(['オンライン企業説明会の参加企業数/年']);
  // Re-listed KPIs (same name twice) pair with their own listing, not the first one.
  const relisted = matches.find((m) => m.previous === '進捗状況一覧表!238')!;
  expect(relisted.current).toBe('進捗状況一覧表!238');
});

test.each([
  ['one sheet per basic goal', () => sheetPerGoal()],
  ['numbers with unit formats', () => numbersWithFormats()],
  ['merges removed, names repeated', () => mergesRemoved(true)],
  ['no 実績値/達成率 label column', () => noLabelColumn()],
])('the same edition in another layout (%s) has no changes, and the planted ones are found against it', async (_name, build) => {
  const other = await roundTrip(await build());
  expect(compareEditions(modelOf(other), modelOf(sample)).findings.map(brief)).toEqual([]);
  expect(compareEditions(modelOf(sample), modelOf(other)).findings.map(brief)).toEqual([]);
  const c = compareEditions(modelOf(other), modelOf(planted));
  // Cells are the current edition's; kpi-removed names the previous edition's KPI.
  expect(c.findings.filter((f) => f.rule !== 'kpi-removed').map(brief).sort())
    .toEqual(plants.filter((p) => p.rule !== 'kpi-removed').map((p) => `${p.rule} ${p.cell} ${p.kpi}`).sort());
  expect(c.findings.filter((f) => f.rule === 'kpi-removed').map((f) => f.kpiName).sort()).toEqual(['企業見学交流バスツアーの実施回数/年', '高齢者対応型投雪口整備（累計）']);
});

test('the current edition in another column order: cells are where that edition has them', async () => {
  const order = [COL.name, COL.label, COL.sheetNo, COL.department, COL.r1, COL.r2, COL.r3, COL.r4, COL.r5, COL.r6, COL.baseline, COL.target, COL.cost, COL.remark];
  const wb = new ExcelJS.Workbook();
  copySheet(planted.worksheets[0], wb.addWorksheet(planted.worksheets[0].name), (row, col) => ({ row, col: order.indexOf(col) + 1 }));
  const moved = await roundTrip(wb);
  const c = compareEditions(modelOf(sample), modelOf(moved));
  const letter = (n: number) => String.fromCharCode(64 + n);
  const expected = plants.map((p) => {
    if (p.rule === 'kpi-removed') return `${p.rule} ${p.cell} ${p.kpi}`;
    const col = p.cell.charCodeAt(0) - 64;
    return `${p.rule} ${letter(order.indexOf(col) + 1)}${p.cell.slice(1)} ${p.kpi}`;
  });
  expect(c.findings.map(brief).sort()).toEqual(expected.sort());
});
