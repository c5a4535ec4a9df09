/** Bugs the fuzz test found, pinned as plain tests on real files. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../src/xlsx/host';
import { loadWorkbook } from '../../src/app';
import { planAddYear } from '../../src/core/plans/add-year';
import { planFill } from '../../src/core/plans/fill';
import { runCommand, undoLast } from '../../src/core/session';
import { buildWorkbook, mutatedGrid } from './mutate';
import { loadSampleGrid, runCase } from './properties';
import { recheckKpi } from '../../src/core/recheck';
import { sampleSnapshots } from '../support/sample';
import { recognise } from '../../src/core/recognise';
import { analyse } from '../../src/core/analyse';
import { parseRate } from '../../src/core/values';
import { readFast } from '../../src/xlsx/fast/read';
import { setHyperlinkValue } from '../../src/xlsx/cell-io';

/** A saved workbook whose cell holds only a location link (no value), as Excel writes it. */
async function withLinkOnEmptyCell(wb: ExcelJS.Workbook, sheet: string, address: string): Promise<Uint8Array> {
  wb.getWorksheet(sheet)!.getCell(address).value = { text: 'link', hyperlink: "#'01'!A1" };
  const zip = await JSZip.loadAsync(await XlsxHost.fromWorkbook(wb).toBuffer());
  const part = `xl/worksheets/sheet${wb.getWorksheet(sheet)!.id}.xml`;
  const xml = (await zip.file(part)!.async('string')).replace(new RegExp(`<c r="${address}"[^>]*>.*?</c>`), '');
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

test('a link on an empty cell is not written back as the text {"text":"","hyperlink":…} (open + save)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').value = 'x';
  wb.addWorksheet('01');
  const host = await XlsxHost.fromBuffer(await withLinkOnEmptyCell(wb, '表', 'B2'));
  const again = await XlsxHost.fromBuffer(await host.toBuffer());
  const cell = again.workbook.getWorksheet('表')!.getCell('B2');
  expect(cell.type).toBe(ExcelJS.ValueType.Hyperlink);
  expect(cell.value).toEqual({ text: '', hyperlink: "#'01'!A1" });
});

test('add-year moves a link on an empty cell right of the new column as a link, and undo puts it back', async () => {
  const sample = await loadSampleGrid();
  const wb = buildWorkbook(mutatedGrid(sample, { window: { from: 0, count: 1 }, mutations: [], management: ['01'] }), ['01']);
  const host = await XlsxHost.fromBuffer(await withLinkOnEmptyCell(wb, '進捗状況一覧表', 'L1'));
  await runCommand(host, planAddYear(await loadWorkbook(host)));
  const moved = host.workbook.getWorksheet('進捗状況一覧表')!.getCell('M1');
  expect(moved.value).toEqual({ text: '', hyperlink: "#'01'!A1" });
  await undoLast(host);
  expect(host.workbook.getWorksheet('進捗状況一覧表')!.getCell('L1').value).toEqual({ text: '', hyperlink: "#'01'!A1" });
});

test('undo of link puts back a link written without quotes exactly (other.xlsx#Sheet1!B2, not #\'Sheet1\'!B2)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getCell('N7').value = { text: '08', hyperlink: 'other.xlsx#Sheet1!B2', tooltip: '古いリンク' } as ExcelJS.CellHyperlinkValue;
  const host = XlsxHost.fromWorkbook(wb);
  const done = await host.applyPlan({ command: 'link', summary: '', notices: [], edits: [{ kind: 'setHyperlink', sheet: '表', row: 7, col: 14, link: { sheet: '08', cell: 'A1' } }] });
  expect((ws.getCell('N7').value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#'08'!A1");
  await host.applyPlan({ command: 'undo', summary: '', notices: [], edits: done.inverse });
  expect(ws.getCell('N7').value).toEqual({ text: '08', hyperlink: 'other.xlsx#Sheet1!B2', tooltip: '古いリンク' });
});

test('a huge actual (1.37e308, target 0.1) never makes analyse throw "not a finite number: Infinity"; rates stay finite or none', async () => {
  const [snap] = await sampleSnapshots();
  const values = snap.values.map((line) => line.slice());
  values[10][3] = 0.1; // D11, the target of 新規創業件数
  values[10][4] = 1.36624678249536e308; // E11, its R1 actual: the ratio overflows
  const model = recognise([{ ...snap, values }]);
  const analysis = analyse(model);
  for (const rate of analysis.kpis[`${snap.sheet}!11`].rates.values) expect(rate === null || Number.isFinite(rate)).toBe(true);
});

test('a printed rate of 309 digits (what fill writes for a 1.8e306 ratio) is text, not a rate of Infinity that made analyse throw', () => {
  const text = `1797693134862316${'0'.repeat(293)}.0%`;
  const p = parseRate(text, null);
  expect(p.kind).toBe('text');
  expect(parseRate('68.9%').value).toBe(0.689);
});

test('add-year wrote two columns, the user typed over the second one\'s header: undo keeps both columns and the typed text in place', async () => {
  // row-years family: add-year inserts column 10 twice (R3実績 ends in J, R3達成率 in K); the inverse
  // deletes column 10 twice, the second time what was K. Undo used to check J twice and delete K.
  const sample = await loadSampleGrid();
  const host = XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(sample, { window: { from: 0, count: 1 }, mutations: [], management: [], family: 'row-years' }), []));
  const sheet = host.workbook.worksheets[0];
  await runCommand(host, planAddYear(await loadWorkbook(host)));
  expect([sheet.getCell(3, 10).value, sheet.getCell(3, 11).value]).toEqual(['R3実績', 'R3達成率']);
  const right = sheet.getCell(3, 12).value;
  await host.applyPlan({ command: 'fill', summary: 'the user', edits: [{ kind: 'setCell', sheet: sheet.name, row: 3, col: 11, expect: null, content: { value: '入力' } }], notices: [] });
  const u = await undoLast(host);
  expect(u.partial).toBe(true);
  expect(u.skipped.filter((s) => s.edit.kind === 'deleteColumn')).toHaveLength(2);
  expect(u.skipped.some((s) => /K: the column is no longer the one inserted: K3/.test(s.detail))).toBe(true);
  expect([sheet.getCell(3, 10).value, sheet.getCell(3, 11).value, sheet.getCell(3, 12).value]).toEqual(['R3実績', '入力', right]);
});

test('a live re-check of a KPI whose 実績値 label is gone agrees with a full re-read', async () => {
  // B5 (実績値) holds 0: the whole sheet reads row 5 as a one-row KPI, its rows alone (A5:A6 merged)
  // as a pair with row 6. The re-check used to report row 6's 達成率 against the edited E5; now it
  // reads the whole one-row table, and a KPI that still takes other rows is left to a full re-read.
  const c = { window: { from: 27955, count: 1 }, mutations: [{ op: 'setCell' as const, row: 99460, col: 1, cell: { kind: 'number' as const, value: 0 } }], management: [], edit: { kpi: 0, year: 0, rateRow: false, cell: { kind: 'number' as const, value: 0 } } };
  const sample = await loadSampleGrid();
  expect((await runCase(sample, c)).problems).toEqual([]);
  const host = XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(sample, c), []));
  const input = await loadWorkbook(host);
  const [snap] = input.snapshots;
  const kpi = input.model.sheets[0].kpis[0];
  expect([kpi.row, kpi.rateRow]).toEqual([5, 5]);
  // re-checked in place with the rows the whole sheet gives it, or (null) left to a full re-read
  const again = recheckKpi(input.model, snap, kpi.id, { analysis: input.analysis });
  expect(again === null || again.kpi.rateRow === kpi.rateRow).toBe(true);
});

test('a live re-check in a table of one row per KPI reads the narrative row under the KPI as its 備考, as the full read does', async () => {
  // the 達成率 row moved to the top: the sheet reads as one row per KPI, and the 施策 row under the KPI
  // is its narrative. Read from its own rows, the KPI had no 備考 and missing-remark fired.
  const c = { window: { from: 61580, count: 1 }, mutations: [{ op: 'swapRows' as const, a: 36065, b: 0 }], management: [], edit: { kpi: 0, year: 770, rateRow: false, cell: { kind: 'text' as const, text: '-' } } };
  const sample = await loadSampleGrid();
  expect((await runCase(sample, c)).problems).toEqual([]);
  const input = await loadWorkbook(XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(sample, c), [])));
  const kpi = input.model.sheets[0].kpis[0];
  expect(kpi.remark).toBe('施 策：移住・定住支援');
  expect(recheckKpi(input.model, input.snapshots[0], kpi.id, { analysis: input.analysis })?.kpi.remark).toBe('施 策：移住・定住支援');
});

test('fill writes a rate formula over an empty cell holding a web link: undo puts the link back (exceljs drops it with the formula)', async () => {
  const c = { window: { from: 0, count: 1 }, mutations: [{ op: 'decorate' as const, row: 46887, col: 90077, link: 'https://example.jp/kpi' }, { op: 'setCell' as const, row: 23501, col: 16833, cell: { kind: 'empty' as const } }], management: [], family: 'block' as const };
  const sample = await loadSampleGrid();
  expect((await runCase(sample, c)).problems).toEqual([]);
  const host = XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(sample, c), []));
  const f6 = () => host.workbook.getWorksheet('KPI2')!.getCell('F6');
  expect(f6().value).toEqual({ text: '', hyperlink: 'https://example.jp/kpi' });
  // with its screen tip too
  setHyperlinkValue(f6(), '', 'https://example.jp/kpi', '進行管理シート');
  await runCommand(host, planFill(await loadWorkbook(host)));
  expect(f6().formula).toMatch(/^IF\(F5=/);
  await undoLast(host);
  expect(f6().value).toEqual({ text: '', hyperlink: 'https://example.jp/kpi', tooltip: '進行管理シート' });
});

test('undo puts back a cell holding "" and the saved file keeps it "" (an empty inline string read back as an empty cell)', async () => {
  const c = { window: { from: 6, count: 1 }, mutations: [{ op: 'setCell' as const, row: 42452, col: 16174, cell: { kind: 'text' as const, text: '' } }], management: [], roundTrip: true };
  expect((await runCase(await loadSampleGrid(), c)).problems).toEqual([]);
  // a workbook whose shared strings hold no empty entry: one is appended, and both readers read ""
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').value = 'x';
  const host = await XlsxHost.fromBuffer(await XlsxHost.fromWorkbook(wb).toBuffer());
  await host.applyPlan({ command: 'fill', summary: 'test', edits: [{ kind: 'setCell', sheet: '表', row: 1, col: 2, expect: null, content: { value: '' } }], notices: [] });
  const saved = await host.toBuffer();
  const sst = await (await JSZip.loadAsync(saved)).file('xl/sharedStrings.xml')!.async('string');
  expect(sst).toMatch(/uniqueCount="2"/);
  const reopened = await XlsxHost.fromBuffer(saved);
  expect(reopened.workbook.getWorksheet('表')!.getCell('B1').value).toBe('');
  expect(readFast(saved).snapshot('表')).toEqual(await reopened.readSnapshot('表', { extras: false }));
});
