/** ExcelHost.readSnapshot on the strict double: same snapshot as the .xlsx reader, at most 2 syncs. */
import { translateError } from '../../src/core/catalogue';
import { recogniseSheet } from '../../src/core/recognise';
import { ExcelHost } from '../../src/excel/host';
import { PAYLOAD_LIMIT_BYTES, rowBlocks } from '../../src/excel/payload';
import { XlsxHost } from '../../src/xlsx/host';
import { snapshotFromWorksheet } from '../../src/xlsx/snapshot';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';
import { buildBigModel } from './big-sheet';
import { dateWorkbook } from './date-workbook';
import { loadWorkbook } from '../../src/app';
import { readNotes } from '../../src/taskpane/read-notes';
import { asExcelReads } from './compare';
import type { GridSnapshot } from '../../src/core/snapshot';

const byPosition = (s: GridSnapshot) => ({ ...s, merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left) });

async function sampleExcel(api?: string) {
  const wb = await loadSampleWorkbook();
  const excel = new FakeExcel(FakeModel.fromExcelJs(wb), { api });
  return { wb, excel, host: new ExcelHost(excel.env()) };
}

describe('ExcelHost.readSnapshot on the bundled sample', () => {
  test('every sheet reads as the .xlsx host reads it (notes too), in 2 syncs each; readExtras gives its fills and links', async () => {
    const { wb, excel, host } = await sampleExcel();
    const xlsx = XlsxHost.fromWorkbook(wb);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    for (const ws of wb.worksheets) {
      excel.resetCounts();
      const snap = await host.readSnapshot(ws.name);
      expect(excel.syncCount).toBe(2);
      const theirs = byPosition(await xlsx.readSnapshot(ws.name));
      expect(asExcelReads(snap)).toEqual(asExcelReads(theirs));
      // Formats of numbers and formulas are read as they are (the sample has 0.0% and date formats).
      expect(snap.numberFormats.flat().filter(Boolean).length).toBe(asExcelReads(theirs).numberFormats.flat().filter(Boolean).length);
      // Fills and links, asked for the cells that have them, in one sync.
      const wanted = Object.entries(theirs.extras ?? {}).filter(([, e]) => e.fill || e.hyperlink);
      const cells = wanted.map(([k]) => ({ sheet: ws.name, row: Number(k.split(',')[0]), col: Number(k.split(',')[1]) }));
      excel.resetCounts();
      const found = await host.readExtras([...cells, { sheet: ws.name, row: 1, col: 1 }]);
      expect(excel.syncCount).toBe(1);
      const strip = (e: { note?: string; fill?: string; hyperlink?: string }) => ({ ...(e.fill ? { fill: e.fill } : {}), ...(e.hyperlink ? { hyperlink: e.hyperlink } : {}) });
      expect(found[ws.name] ?? {}).toEqual(Object.fromEntries(wanted.map(([k, e]) => [k, strip(e)])));
    }
    const main = await host.readSnapshot(SAMPLE_SHEET);
    expect(main.merges.length).toBeGreaterThan(100);
    const model = recogniseSheet(main);
    expect('kpis' in model && model.kpis.length).toBe(84);
  });

  test('ExcelApi 1.7 (no merged-area query): same values, no merges, no exception, 2 syncs', async () => {
    const { excel, host } = await sampleExcel('1.7');
    const snap = await host.readSnapshot(SAMPLE_SHEET);
    expect(excel.syncCount).toBe(2);
    expect(snap.merges).toEqual([]);
    expect(snap.values.length).toBeGreaterThan(400);
    expect(host.capabilities()).toEqual({ notes: false, hyperlinks: true, merges: false, undoGroup: false, changeEvents: true, printLayout: false, widenFilters: false, widenFormats: false, widenValidations: false });
  });

  test('a band with more merged areas than Excel allows: retried in smaller bands, merges complete', async () => {
    const wb = await loadSampleWorkbook();
    const excel = new FakeExcel(FakeModel.fromExcelJs(wb), { mergedAreaLimit: 60 });
    const snap = await new ExcelHost(excel.env()).readSnapshot(SAMPLE_SHEET);
    expect(excel.syncCount).toBe(3);
    expect(asExcelReads(byPosition(snap))).toEqual(asExcelReads(byPosition(await XlsxHost.fromWorkbook(wb).readSnapshot(SAMPLE_SHEET))));
  });

  test('merges beyond any band: read without merges and say so', async () => {
    const wb = await loadSampleWorkbook();
    const excel = new FakeExcel(FakeModel.fromExcelJs(wb), { mergedAreaLimit: 3 });
    const host = new ExcelHost(excel.env());
    const snap = await host.readSnapshot(SAMPLE_SHEET);
    expect(snap.merges).toEqual([]);
    expect(snap.values).toEqual(snapshotFromWorksheet(wb.getWorksheet(SAMPLE_SHEET)!).values);
    expect(snap.readWarnings).toEqual(['merges-unread']);
    // …and the task pane says so, in the message bar where truncation notes go (catalogue, ja and en).
    const input = await loadWorkbook(host);
    const read = input.snapshots.find((s) => s.sheet === SAMPLE_SHEET)!;
    expect(readNotes([read], 'ja')).toEqual([`シート「${SAMPLE_SHEET}」は結合セルが多すぎて、結合の範囲を読み取れませんでした。結合を考えずに点検しています。`]);
    expect(readNotes([read], 'en')).toEqual([`Sheet "${SAMPLE_SHEET}" has too many merged areas for Excel to list them; it was checked without its merges.`]);
  });

  test('a missing sheet is one clear message in either language, not a stack of Excel errors', async () => {
    const { host } = await sampleExcel();
    const error = await host.readSnapshot('ない').then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ id: 'error.sheet-not-found', params: [{ sheet: 'ない' }] });
    expect(translateError('ja', error)).toMatch(/^シート「ない」が見つかりません/);
    expect(translateError('en', error)).toMatch(/^Sheet "ない" was not found/);
  });

  test('an empty sheet gives an empty snapshot', async () => {
    const excel = new FakeExcel(FakeModel.fromSnapshot({ sheet: '空', origin: { row: 1, col: 1 }, values: [] }));
    const snap = await new ExcelHost(excel.env()).readSnapshot('空');
    expect(snap.values).toEqual([]);
    expect(excel.syncCount).toBe(1);
  });

  test('text that looks like a formula or number reads back as the same text', async () => {
    const values = [["'=SUM(A1)", "'68.9%", '26件', 0.689, true]];
    const excel = new FakeExcel(FakeModel.fromSnapshot({ sheet: 'S', origin: { row: 2, col: 2 }, values: [[null]] }));
    const s = excel.model.sheet('S')!;
    s.put(2, 2, { value: '=SUM(A1)' });
    s.put(2, 3, { value: '68.9%' });
    s.put(2, 4, { value: 0.5, formula: '=1/2', numberFormat: '0.0%' });
    const snap = await new ExcelHost(excel.env()).readSnapshot('S');
    expect(snap.origin).toEqual({ row: 1, col: 1 });
    expect(snap.values[1]).toEqual([null, '=SUM(A1)', '68.9%', 0.5]);
    expect(snap.formulas[1]).toEqual([null, null, null, '=1/2']);
    expect(snap.numberFormats[1]).toEqual([null, null, null, '0.0%']);
    expect(values.length).toBe(1);
  });
});

test('dates read as the .xlsx host reads them ("2024-04-01"), numbers with unit formats stay numbers', async () => {
  const wb = dateWorkbook();
  const excel = new FakeExcel(FakeModel.fromExcelJs(wb));
  expect(excel.model.sheet('日付')!.cell(1, 1).value).toBe(45383);
  const snap = await new ExcelHost(excel.env()).readSnapshot('日付');
  expect(asExcelReads(snap)).toEqual(asExcelReads(await XlsxHost.fromWorkbook(wb).readSnapshot('日付')));
  expect(snap.values[0]).toEqual(['2024-04-01', 26, '2025-03-31']);
});

describe('10,000-KPI sheet (20,010 rows, 40,000 merged areas)', () => {
  let model: FakeModel;
  beforeAll(async () => {
    model = await buildBigModel(10000);
  });

  test('desktop Excel: 2 syncs, row blocks under the payload budget, all 10,000 KPIs recognised', async () => {
    const excel = new FakeExcel(model);
    const snap = await new ExcelHost(excel.env()).readSnapshot(SAMPLE_SHEET);
    expect(excel.syncCount).toBe(2);
    expect(snap.values.length).toBe(20010);
    expect(snap.merges.length).toBe(40000 + model.sheet(SAMPLE_SHEET)!.merges.filter((m) => m.bottom <= 10).length);
    const recognised = recogniseSheet(snap);
    expect('kpis' in recognised && recognised.kpis.length).toBe(10000);
    // All blocks travel in one response; it is reported so the figure stays visible.
    console.log(`10,000 KPIs: sync sizes ${JSON.stringify(excel.syncs)}`);
  });

  test('Excel on the web (5 MB cap): still 2 syncs, every response under 5 MB (values, special cells, merges)', async () => {
    const excel = new FakeExcel(model, { payloadLimitBytes: PAYLOAD_LIMIT_BYTES });
    const host = new ExcelHost(excel.env());
    const snap = await host.readSnapshot(SAMPLE_SHEET);
    expect(snap).toEqual(await new ExcelHost(new FakeExcel(model).env()).readSnapshot(SAMPLE_SHEET));
    expect(excel.syncCount).toBe(2);
    const largest = Math.max(...excel.syncs.map((s) => s.responseBytes));
    expect(largest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    console.log(`5 MB cap: ${excel.syncCount} syncs, largest response ${largest} bytes`);
    expect(snap.readWarnings).toBeUndefined();
  });

  test('a cap the whole batch exceeds (2 MB): read again one row block per sync, each under the cap', async () => {
    const cap = 2 * 1024 * 1024;
    const excel = new FakeExcel(model, { payloadLimitBytes: cap });
    const host = new ExcelHost(excel.env(), { budgetBytes: cap * 0.8 });
    const snap = await host.readSnapshot(SAMPLE_SHEET);
    expect(snap).toEqual(await new ExcelHost(new FakeExcel(model).env()).readSnapshot(SAMPLE_SHEET));
    const ok = excel.syncs.filter((s) => s.responseBytes <= cap);
    expect(ok.length).toBe(excel.syncCount - 1);
    // dimensions, the refused batch, then one sync per row block
    expect(excel.syncCount).toBe(2 + rowBlocks(0, 20010, 14, cap * 0.8, false).length);
    // Read in more requests, nothing lost: nothing to warn about.
    expect(snap.readWarnings).toBeUndefined();
  });
});
