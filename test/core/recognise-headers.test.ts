/** Header words by meaning, and header layouts other offices use. */
import { classifyHeader } from '../../src/core/recognise/headers';
import { isUnrecognised, recogniseSheet } from '../../src/core/recognise';
import type { CellValue, GridSnapshot } from '../../src/core/snapshot';

test.each([
  ['重要業績評価指標 (KPI)', 'kpi'],
  ['重要業績評価指標(KPI)', 'kpi'],
  ['KPI（重要業績評価指標）', 'kpi'],
  ['成果指標', 'kpi'],
  ['基準値 (H30)', 'baseline'],
  ['現状値（H30）', 'baseline'],
  ['策定時', 'baseline'],
  ['目標値 (R6)', 'target'],
  ['R6目標', 'target'],
  ['数値目標', 'target'],
  ['目標値\n(令和6年度)', 'target'],
  ['事業費 (千円)', 'cost'],
  ['担当課', 'department'],
  ['所管課', 'department'],
  ['備考', 'remark'],
  ['備 考', 'remark'],
  ['備　考', 'remark'],
  ['シートNo.', 'sheetNo'],
  ['シート No.', 'sheetNo'],
  ['シート番号', 'sheetNo'],
  ['ｼｰﾄNo', 'sheetNo'],
  ['R1', 'year'],
  ['令和元年度', 'year'],
  ['2019年度', 'year'],
  ['R1実績', 'year'],
  ['H31/R1', 'year'],
  ['区分', 'rowLabel'],
  ['No.', null],
  ['評価', null],
  ['', null],
])('%s → %s', (text, role) => {
  expect(classifyHeader(text)).toBe(role);
});

function grid(rows: CellValue[][]): GridSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return { sheet: 's', origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
}

/** Recognises a grid that must hold a table. */
function recognised(rows: CellValue[][]) {
  const m = recogniseSheet(grid(rows));
  if (isUnrecognised(m)) throw new Error(m.reason);
  return m;
}

test('a KPI-number column ("No.") before the name stays an extra column', () => {
  const m = recognised([
    ['No.', '指標名', '区分', '現状値', '目標値', '2019年度', '2020年度', '所管課', 'シート番号'],
    [1, '新規創業件数', '実績値', '26件', '45件', '31件', '34件', '商工振興課', '08'],
    [null, null, '達成率', null, null, '68.9%', '75.6%', null, null],
  ]);
  expect(m.tables[0].columns).toMatchObject({ kpi: 2, rowLabel: 3, baseline: 4, target: 5, department: 8, sheetNo: 9, extra: [{ col: 1, label: 'No.' }] });
  expect(m.kpis[0]).toMatchObject({ name: '新規創業件数', sheetNo: '08', department: '商工振興課', baseline: { value: 26 }, target: { value: 45 } });
});

test('a target named "R6目標" carries its year', () => {
  const m = recognised([
    ['KPI', '', 'H30', 'R6目標', 'R1', 'R2'],
    ['転入者数', '実績', '705人', '750人', '684人', '598人'],
    ['', '達成率', '', '', '91.2%', '79.7%'],
  ]);
  expect(m.tables[0]).toMatchObject({ targetYear: 2024, columns: { target: 4 } });
  // "H30" alone is a year column here (no 基準値 word): kept as the 2018 year column.
  expect(m.tables[0].columns.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
  expect(m.kpis[0].printedRates.get(2019)!.value).toBeCloseTo(0.912);
});

test('a KPI to bring down, negatives, 延べ and 累積 counts', () => {
  const m = recognised([
    ['指標', '', '基準値(H30)', '目標値(R6)', 'R1', 'R2'],
    ['ごみ排出量', '実績値', '12,500t', '11,000t', '12,100t', '▲12,050t'],
    ['', '達成率', '', '', '90.9%', '-'],
    ['待機児童数', '実績値', '5人', '0人以下', '3人', '0人'],
    ['', '達成率', '', '', '-', '-'],
    ['延べ利用者数(R1～)', '実績値', '-', '5,000人', '1,200人', '2,500人'],
    ['', '達成率', '', '', '24.0%', '50.0%'],
    ['植樹本数（H27～累積）', '実績値', '100本', '300本', '150本', '180本'],
    ['', '達成率', '', '', '50.0%', '60.0%'],
  ]);
  const [waste, waiting, visits, trees] = m.kpis;
  expect(waste).toMatchObject({ direction: 'down', unit: 't', baseline: { value: 12500 }, target: { value: 11000 } });
  expect(waste.actuals.get(2020)).toMatchObject({ kind: 'number', value: -12050 });
  expect(waiting).toMatchObject({ direction: 'down', target: { value: 0, qualifier: 'atMost' } });
  expect(visits).toMatchObject({ direction: 'up', cumulative: true, cumulativeFrom: 2019 });
  expect(trees).toMatchObject({ cumulative: true, cumulativeFrom: 2015 });
});

test('a (再掲) listing shown before its original points to the original', () => {
  const rows: CellValue[][] = [['重要業績評価指標', '', '基準値', '目標値', 'R1']];
  for (const name of ['錦鯉の海外展示出展数(再掲)', '錦鯉の海外展示出展数', '錦鯉の海外展示出展数（再掲）']) rows.push([name, '実績値', '1か国', '1か国', '1か国'], ['', '達成率', '', '', '100.0%']);
  const m = recognised(rows);
  expect(m.kpis.map((k) => k.relistedFrom)).toEqual(['s!4', null, 's!4']);
});
