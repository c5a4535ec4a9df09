/**
 * The same table as other offices lay it out: every variant must give the sample's 38 tables and
 * 84 KPIs with the same figures, links and places in the structure.
 */
import type ExcelJS from 'exceljs';
import type { Kpi, ProgressModel } from '../../src/core/model';
import { recognise } from '../../src/core/recognise';
import { sampleSnapshots, workbookSnapshots } from '../support/sample';
import * as v from '../support/variants';

let base: ProgressModel;

beforeAll(async () => {
  base = recognise(await sampleSnapshots());
});

const all = (m: ProgressModel): Kpi[] => m.sheets.flatMap((s) => s.kpis);

/** What must not change with the layout; ids are replaced by names so sheets and rows may move. */
function signature(m: ProgressModel) {
  const kpis = all(m);
  const nameOf = (id: string | null) => (id ? kpis.find((k) => k.id === id)?.name.normalize('NFKC') ?? `?${id}` : null);
  return kpis.map((k) => ({
    name: k.name.normalize('NFKC'),
    baseline: k.baseline.value,
    target: [k.target.value, k.target.qualifier],
    unit: k.unit,
    direction: k.direction,
    actuals: Object.fromEntries(k.actuals.entries().map(([y, a]) => [y, a.kind === 'number' ? a.value : a.kind])),
    rates: Object.fromEntries(k.printedRates.entries().map(([y, r]) => [y, r.kind === 'rate' ? Math.round(r.value! * 1000) / 1000 : r.kind])),
    sheetNo: k.sheetNo,
    department: k.department,
    breakdownOf: nameOf(k.breakdownOf),
    relistedFrom: nameOf(k.relistedFrom),
    path: k.path.slice(1).join('>').normalize('NFKC'),
  }));
}

async function recogniseVariant(wb: Promise<ExcelJS.Workbook>): Promise<ProgressModel> {
  return recognise(await workbookSnapshots(await v.roundTrip(await wb)));
}

test.each([
  ['columns reordered', () => v.reorderedColumns()],
  ['西暦 headers (2019年度)', () => v.westernYearHeaders()],
  ['現状値 / 所管課 / シート番号 / 令和元年度 headers', () => v.otherHeaderWords()],
  ['full-width brackets and digits', () => v.fullWidthText()],
  ['tables starting at column B below a title', () => v.offsetTables(3, 1)],
  ['numbers with unit number formats, percentages as numbers', () => v.numbersWithFormats()],
  ['rates as formulas', () => v.ratesAsFormulas()],
  ['merges removed', () => v.mergesRemoved(false)],
  ['merges removed, name repeated in the 達成率 row', () => v.mergesRemoved(true)],
  ['no 実績値/達成率 label column', () => v.noLabelColumn()],
  ['two-row headers, years as numbers under 実績値', () => v.twoRowHeaders()],
  ['"H31/R1" for the year the era changed', () => v.transitionYearLabel()],
  ['a 目安値 row before every pair', () => v.expectedRows()],
])('%s: 38 tables, 84 KPIs, same figures', async (_name, make) => {
  const m = await recogniseVariant(make());
  expect(m.unrecognised).toEqual([]);
  expect(m.sheets.reduce((n, s) => n + s.tables.length, 0)).toBe(38);
  expect(all(m)).toHaveLength(84);
  expect(signature(m)).toEqual(signature(base));
});

test('one sheet per goal: tables split over five sheets, re-listed KPIs linked across sheets', async () => {
  const m = await recogniseVariant(v.sheetPerGoal());
  expect(m.sheets.map((s) => [s.sheet, s.tables.length, s.kpis.length])).toEqual([
    ['全体目標', 4, 13],
    ['個別目標①', 11, 22],
    ['個別目標②', 11, 26],
    ['個別目標③', 5, 12],
    ['個別目標④', 7, 11],
  ]);
  const marriage = m.sheets[3].kpis.find((k) => k.name.startsWith('婚活支援事業'))!;
  expect(marriage.relistedFrom).toMatch(/^全体目標!\d+$/);
  // The goal sheets carry no ■個別目標 heading: paths start at the goal.
  expect(m.sheets[1].kpis[0].path).toEqual(['基本目標①', 'i 人材育成、技術能力向上支援', '施策：キャリア教育の推進']);
  const sig = signature(m).map((s) => ({ ...s, path: undefined }));
  expect(sig).toEqual(signature(base).map((s) => ({ ...s, path: undefined })));
});

test('rates as formulas keep the formula and the cached result', async () => {
  const m = await recogniseVariant(v.ratesAsFormulas());
  const k = all(m)[0];
  expect(k.printedRates.get(2019)).toMatchObject({ storage: 'formula', kind: 'rate', decimals: 1 });
  expect(k.printedRates.get(2019)!.value).toBeCloseTo(0.689, 10);
  expect(k.actuals.get(2019)).toMatchObject({ kind: 'number', value: 31, unit: '件', text: '31件' });
  const pct = all(m).find((x) => x.name === '市内高校卒業生のうち市内事業所への就職率')!;
  expect(pct.baseline).toMatchObject({ value: 40.4 });
  expect(pct.unit).toBe('%');
});

test('header styles are kept so a new year can be written the same way', async () => {
  const western = await recogniseVariant(v.westernYearHeaders());
  expect(western.sheets[0].tables[0].columns.years[0]).toMatchObject({ year: 2019, label: '2019年度', style: { template: '{y}年度', era: null } });
  expect(western.sheets[0].tables[0].baselineYear).toBe(2018);
  const words = await recogniseVariant(v.otherHeaderWords());
  expect(words.sheets[0].tables[0].columns.years[0]).toMatchObject({ year: 2019, label: '令和元年度', style: { template: '令和{n}年度', gannen: true } });
  const full = await recogniseVariant(v.fullWidthText());
  expect(full.sheets[0].tables[0].columns.years[0]).toMatchObject({ year: 2019, label: 'Ｒ１', style: { fullWidth: true } });
  expect(all(full)[0].cumulativeFrom).toBe(2015);
});

test('a two-row header is one header of two rows; a new year would follow 2019-style labels', async () => {
  const m = await recogniseVariant(v.twoRowHeaders());
  const t = m.sheets[0].tables[0];
  expect(t.headerRows).toBe(2);
  expect(t.firstRow).toBe(t.headerRow + 2);
  expect(t.baselineYear).toBe(2018);
  expect(t.columns.years.map((y) => [y.year, y.style.template])).toEqual([2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, '{y}']));
});

test('tables side by side on the same rows are all found', async () => {
  const m = await recogniseVariant(v.sideBySide());
  expect(m.sheets[0].tables).toHaveLength(38);
  expect(all(m)).toHaveLength(84);
  const right = m.sheets[0].tables.filter((t) => t.firstCol === 17);
  expect(right).toHaveLength(34);
  expect(right[0].columns).toMatchObject({ kpi: 17, rowLabel: 18, baseline: 19, sheetNo: 30 });
  const names = (xs: Kpi[]) => xs.map((k) => k.name).sort();
  expect(names(all(m))).toEqual(names(all(base)));
  const marriage = all(m).filter((k) => k.name.startsWith('婚活支援事業'));
  expect(marriage.map((k) => k.relistedFrom)).toEqual([null, marriage[0].id]);
});

test('目安値 rows are kept with their KPI', async () => {
  const m = await recogniseVariant(v.expectedRows());
  const k = all(m)[0];
  expect(k.expectedRow).toBe(k.row - 1);
  expect(k.nameCell).toEqual({ row: k.row - 1, col: 1 });
  expect(k.expected?.get(2024)).toMatchObject({ kind: 'number', value: 45, unit: '件' });
  expect(k.expected?.get(2019)!.kind).toBe('empty');
  expect(m.sheets[0].tables[0].firstRow).toBe(k.row - 1);
  expect(all(base)[0].expectedRow).toBeUndefined();
});

test('a table continued on a second sheet without its header: the reason says to copy the header', async () => {
  const wb = await v.sheetPerGoal();
  const ws = wb.getWorksheet('個別目標④')!;
  ws.eachRow((row, r) => {
    if (String(row.getCell(1).value ?? '').startsWith('重要業績評価指標')) ws.spliceRows(r, 1, []);
  });
  const m = await recogniseVariant(Promise.resolve(wb));
  const u = m.unrecognised.find((x) => x.sheet === '個別目標④')!;
  expect(u.reason).toMatch(/行目から実績値・達成率の行がありますが、その上に見出し行.*見出し行をこのシートの先頭にもコピーしてください/);
  expect(u.reasonEn).toMatch(/copy that header row/);
});
