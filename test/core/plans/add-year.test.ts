import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/xlsx/host';
import { loadWorkbook } from '../../../src/app';
import { nextYearLabel, planAddYear } from '../../../src/core/plans/add-year';
import { planFill } from '../../../src/core/plans/fill';
import { runCommand, undoLast } from '../../../src/core/session';
import { listMerges } from '../../../src/xlsx/columns';
import { parseYearLabel } from '../../../src/core/years';
import { diffWorkbooks } from '../../support/workbook-diff';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../../support/sample';
import { twoRowHeaders, westernYearHeaders } from '../../support/variants';

async function addYear(host: XlsxHost, year?: number) {
  const plan = planAddYear(await loadWorkbook(host), { year });
  const result = await runCommand(host, plan);
  return { plan, result, reopened: await XlsxHost.fromBuffer(await host.toBuffer()) };
}

test('labels continue in the sheet style, Heisei into Reiwa', () => {
  const style = (l: string) => parseYearLabel(l)!.style;
  expect(nextYearLabel(2025, style('R6'))).toBe('R7');
  expect(nextYearLabel(2025, style('2024年度'))).toBe('2025年度');
  expect(nextYearLabel(2025, style('令和6年度'))).toBe('令和7年度');
  expect(nextYearLabel(2020, style('H31'))).toBe('R2');
  expect(nextYearLabel(2019, style('平成30年度'))).toBe('令和元年度');
  expect(nextYearLabel(2025, style('Ｒ６'))).toBe('Ｒ７');
});

describe('add-year on the sample', () => {
  test('every table gets an R7 column after R6 with the neighbour formats; check finds 38 tables, 84 KPIs with 2025; fill works', async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
    const { plan, result, reopened } = await addYear(host);
    expect(result.skipped).toEqual([]);
    expect(plan.edits.filter((e) => e.kind === 'insertColumn')).toEqual([{ kind: 'insertColumn', sheet: SAMPLE_SHEET, col: 12, formatFrom: 11, widen: true, about: { year: 'R7', field: 'year-column' } }]);
    const input = await loadWorkbook(reopened);
    const sheet = input.model.sheets[0];
    expect(sheet.tables).toHaveLength(38);
    expect(sheet.kpis).toHaveLength(84);
    const ws = reopened.workbook.getWorksheet(SAMPLE_SHEET)!;
    for (const table of sheet.tables) {
      const last = table.columns.years[table.columns.years.length - 1];
      expect([table.headerRow, last.year, last.col, last.label]).toEqual([table.headerRow, 2025, 12, 'R7']);
      expect(table.columns.department).toBe(13);
      expect(table.columns.sheetNo).toBe(15);
      expect(ws.getCell(table.headerRow, 12).style).toEqual(ws.getCell(table.headerRow, 11).style);
      expect(ws.getCell(table.firstRow, 12).border).toEqual(ws.getCell(table.firstRow, 11).border);
    }
    for (const kpi of sheet.kpis) expect(kpi.actuals.years).toContain(2025);
    const merges = listMerges(ws).map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`);
    expect(merges).toContain('1,1:1,15'); // the title widens with the tables
    expect(merges).toContain('13,15:14,15'); // シートNo. pair merges move right
    expect(ws.getColumn(12).width).toBe(ws.getColumn(11).width);
    expect(ws.getColumn(14).width).toBe(26); // 備考 keeps its width

    // fill on the result: an R7 actual gets its rate
    ws.getCell('L11').value = '40件';
    reopened.modelEdited(); // typed into the model directly, as a user would in Excel
    const again = await XlsxHost.fromBuffer(await reopened.toBuffer());
    const fill = planFill(await loadWorkbook(again));
    expect(fill.edits).toEqual([expect.objectContaining({ row: 12, col: 12, content: { value: '88.9%' } })]);
  });

  test('asking for a year that exists changes nothing and says so; undo restores the input exactly', async () => {
    const bytes = readFileSync(SAMPLE_PROGRESS);
    const host = await XlsxHost.fromBuffer(bytes);
    const { reopened } = await addYear(host);
    const again = planAddYear(await loadWorkbook(reopened), { year: 2025 });
    expect(again.edits).toEqual([]);
    expect(again.notices).toHaveLength(38);
    expect(again.notices[0]).toContain('2025年度の列が既にあります');
    await undoLast(reopened);
    expect(await diffWorkbooks(bytes, await reopened.toBuffer())).toEqual([]);
  });
});

describe('add-year on other layouts', () => {
  test('西暦 headers: 2024年度 → 2025年度', async () => {
    const host = XlsxHost.fromWorkbook(await westernYearHeaders());
    const { reopened } = await addYear(host);
    const sheet = (await loadWorkbook(reopened)).model.sheets[0];
    expect(sheet.tables).toHaveLength(38);
    for (const t of sheet.tables) expect(t.columns.years.map((y) => y.label).slice(-2)).toEqual(['2024年度', '2025年度']);
  });

  test('two-row headers: the year goes under the 実績値 group, which widens over it', async () => {
    const host = XlsxHost.fromWorkbook(await twoRowHeaders());
    const { result, reopened } = await addYear(host);
    expect(result.skipped).toEqual([]);
    const sheet = (await loadWorkbook(reopened)).model.sheets[0];
    const t = sheet.tables[0];
    expect(t.columns.years.map((y) => y.year).slice(-2)).toEqual([2024, 2025]);
    const ws = reopened.workbook.getWorksheet(SAMPLE_SHEET)!;
    expect(ws.getCell(t.headerRow + 1, 12).value).toBe(2025);
    expect(listMerges(ws)).toContainEqual({ top: t.headerRow, left: 8, bottom: t.headerRow, right: 12 });
  });

  test('the new rate cell is prepared: a formula of the neighbour year moves over with its format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.addRow(['重要業績評価指標 (KPI)', '', '基準値 (H30)', '目標値 (R6)', 'R5', 'R6', '担当課']);
    ws.addRow(['移住者数', '実績値', 10, 40, 30, 36, '企画課']);
    ws.addRow(['', '達成率', null, null, { formula: 'IFERROR(E2/$D2,"")', result: 0.75 }, { formula: 'IFERROR(F2/$D2,"")', result: 0.9 }, null]);
    ws.getCell('E3').numFmt = '0.0%';
    ws.getCell('F3').numFmt = '0.0%';
    ws.mergeCells('A2:A3');
    const { plan, reopened } = await addYear(XlsxHost.fromWorkbook(wb));
    expect(plan.edits).toContainEqual(expect.objectContaining({ kind: 'setCell', row: 3, col: 7, content: { formula: '=IFERROR(G2/$D2,"")' } }));
    const out = reopened.workbook.getWorksheet('進捗')!;
    expect(out.getCell('G1').value).toBe('R7');
    expect(out.getCell('G3').formula).toBe('IFERROR(G2/$D2,"")');
    expect(out.getCell('G3').numFmt).toBe('0.0%');
    expect(out.getCell('H1').value).toBe('担当課');
  });

  test('tables laid out differently on one sheet: a column that would split another table is not inserted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.addRow(['重要業績評価指標 (KPI)', '', '基準値 (H30)', '目標値 (R6)', 'R5', 'R6', '担当課']);
    ws.addRow(['移住者数', '実績値', '10人', '40人', '30人', '36人', '企画課']);
    ws.addRow(['', '達成率', '', '', '75.0%', '90.0%', '']);
    ws.addRow([]);
    ws.addRow(['重要業績評価指標 (KPI)', '', '基準値 (H30)', '目標値 (R6)', 'R4', 'R5', 'R6', '担当課']);
    ws.addRow(['観光客数', '実績値', '100万人', '120万人', '101万人', '104万人', '110万人', '観光課']);
    ws.addRow(['', '達成率', '', '', '84.2%', '86.7%', '91.7%', '']);
    const input = await loadWorkbook(XlsxHost.fromWorkbook(wb));
    expect(input.model.sheets[0].tables).toHaveLength(2);
    const plan = planAddYear(input);
    expect(plan.edits.filter((e) => e.kind === 'insertColumn')).toEqual([{ kind: 'insertColumn', sheet: '進捗', col: 8, formatFrom: 7, widen: true, about: { year: 'R7', field: 'year-column' } }]);
    expect(plan.notices.join('\n')).toContain('G列に年度を挿入すると列の配置が違う表 2（5行）が崩れるため、1 個の表に追加しませんでした');
  });

  test('a table whose years end at H31 gets R2', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.addRow(['重要業績評価指標 (KPI)', '', '基準値 (H27)', '目標値 (R1)', 'H29', 'H30', 'H31', '担当課', '備考']);
    ws.addRow(['移住者数', '実績値', '10人', '40人', '15人', '22人', '31人', '企画課', '']);
    ws.addRow(['', '達成率', '', '', '37.5%', '55.0%', '77.5%', '', '']);
    ws.addRow(['観光入込客数', '実績値', '100万人', '120万人', '101万人', '104万人', '110万人', '観光課', '']);
    ws.addRow(['', '達成率', '', '', '84.2%', '86.7%', '91.7%', '', '']);
    ws.mergeCells('A2:A3');
    ws.mergeCells('A4:A5');
    const host = XlsxHost.fromWorkbook(wb);
    const { plan, reopened } = await addYear(host);
    expect(plan.edits).toContainEqual(expect.objectContaining({ kind: 'setCell', row: 1, col: 8, content: { value: 'R2' } }));
    const t = (await loadWorkbook(reopened)).model.sheets[0].tables[0];
    expect(t.columns.years.map((y) => `${y.label}=${y.year}`)).toEqual(['H29=2017', 'H30=2018', 'H31=2019', 'R2=2020']);
    expect(t.columns.department).toBe(9);
  });
});
