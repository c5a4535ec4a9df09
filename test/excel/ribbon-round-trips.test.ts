/**
 * Round trips of the ribbon's commands, end to end (click → workbook read → cells written → cell
 * selected), on the strict double: チェック at most 2 syncs, 年度列を追加 at most 3, over the bundled
 * sample and a 10,000-KPI workbook, per platform (Excel on the web refuses responses over 5 MB).
 * The ribbon runs in its own runtime (manifest FunctionFile, no SharedRuntime), so it reads the
 * workbook itself: at once (src/excel/read-workbook.ts), and the result must be what the task pane's
 * sheet-by-sheet read gives.
 */
import { loadWorkbook, loadWorkbookAtOnce, normaliseSettings, type PlanInput } from '../../src/app';
import { addNextYear, checkWorkbook } from '../../src/commands/ribbon-actions';
import { OTHER_SHEET_ROWS } from '../../src/excel/read-workbook';
import { ExcelHost } from '../../src/excel/host';
import { FakeExcel, FakeModel, FakeSheet, WEB_PAYLOAD_LIMIT_BYTES, defaultPlatform, type FakeExcelOptions } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';
import { buildBigModel } from './big-sheet';

const ctx = { lang: 'ja' as const, settings: normaliseSettings(null) };
const shown = (input: PlanInput) => ({ sheets: input.sheets, model: input.model, analysis: input.analysis, record: input.record });
/** Snapshots without the extras only the pane's read has (notes; fills and links are read for planners). */
const bare = (input: PlanInput) => input.snapshots.map((s) => ({ ...s, extras: undefined }));

async function sample(options: FakeExcelOptions = {}): Promise<FakeExcel> {
  return new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), options);
}

/** A sheet of formulas, numbers in several formats (a date serial, a percentage), text and a merge. */
function calcSheet(): FakeSheet {
  const s = new FakeSheet('計算');
  s.put(1, 1, { value: '項目', formula: null });
  s.put(1, 2, { value: 'R5', formula: null });
  s.put(1, 3, { value: 'R6', formula: null });
  s.put(2, 1, { value: '件数', formula: null });
  s.put(2, 2, { value: 120, formula: null, numberFormat: '#,##0"件"' });
  s.put(2, 3, { value: 150, formula: null, numberFormat: '#,##0"件"' });
  s.put(3, 1, { value: '達成率', formula: null });
  s.put(3, 2, { value: 0.8, formula: '=B2/150', numberFormat: '0.0%' });
  s.put(3, 3, { value: 1, formula: '=C2/150', numberFormat: '0.0%' });
  s.put(4, 1, { value: '更新日', formula: null });
  s.put(4, 2, { value: 45383, formula: null, numberFormat: 'yyyy/m/d' });
  s.put(4, 3, { value: '未定', formula: '=IF(C2>200,"済","未定")' });
  s.put(5, 1, { value: '備考', formula: null, numberFormat: '@' });
  s.merges = [{ top: 5, left: 1, bottom: 5, right: 3 }];
  return s;
}

async function mixed(options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const excel = await sample(options);
  excel.model.sheets.push(calcSheet(), new FakeSheet('空'));
  return excel;
}

describe('double: special cells as documented (ExcelApi 1.9)', () => {
  test('getSpecialCells throws ItemNotFound when no cell matches, the OrNullObject form gives a null object; areas load with the RangeAreas', async () => {
    const excel = new FakeExcel(new FakeModel());
    excel.model.sheets.push(calcSheet());
    await excel.env().run({}, async (context) => {
      const used = context.workbook.worksheets.getItem('計算').getUsedRange(true);
      const errors = used.getSpecialCellsOrNullObject('Constants', 'Logical');
      errors.load('address');
      const formulas = used.getSpecialCellsOrNullObject('Formulas');
      formulas.load('areas/items/address,areas/items/formulas,areas/items/numberFormat');
      await context.sync();
      expect(errors.isNullObject).toBe(true);
      expect(formulas.areas.items.map((a) => a.address)).toEqual(["'計算'!B3:C3", "'計算'!C4"]);
      expect(formulas.areas.items[0].formulas).toEqual([['=B2/150', '=C2/150']]);
      expect(formulas.areas.items[1].numberFormat).toEqual([['General']]);
      expect(() => formulas.areas.items[0].values).toThrow(/PropertyNotLoaded/);
      expect(() => formulas.address).toThrow(/PropertyNotLoaded/);
      used.getSpecialCells('Constants', 'Logical').load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('a query over the area limit fails the batch (the docs name none: the stricter reading)', async () => {
    const excel = new FakeExcel(new FakeModel(), { specialCellsAreaLimit: 1 });
    excel.model.sheets.push(calcSheet());
    await excel.env().run({}, async (context) => {
      context.workbook.worksheets.getItem('計算').getUsedRange(true).getSpecialCellsOrNullObject('Formulas').load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });
});

describe('the ribbon reads the workbook at once', () => {
  test('formulas, number formats (dates, percentages), text and an empty sheet: one sync, what the pane reads', async () => {
    const excel = await mixed();
    const host = new ExcelHost(excel.env());
    excel.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    expect(excel.syncCount).toBe(1);
    const pane = await loadWorkbook(host, ctx);
    expect(bare(once)).toEqual(bare(pane));
    expect(shown(once)).toEqual(shown(pane));
    const calc = once.snapshots.find((s) => s.sheet === '計算')!;
    expect(calc.formulas[2]).toEqual([null, '=B2/150', '=C2/150']);
    expect(calc.numberFormats[1]).toEqual([null, '#,##0"件"', '#,##0"件"']);
    expect(calc.numberFormats[4]).toEqual([null, null, null]); // text: no format, as readSheet
    expect(once.snapshots.find((s) => s.sheet === '空')!.values).toEqual([]);
  });

  test('a sheet taller than its bands, with formulas and numbers below them: one sync more, what the pane reads', async () => {
    const excel = await sample();
    const tall = new FakeSheet('集計');
    for (let r = 1; r <= OTHER_SHEET_ROWS + 150; r++) {
      tall.put(r, 1, { value: `行${r}`, formula: null });
      tall.put(r, 2, { value: r, formula: null, numberFormat: r % 2 ? '#,##0"件"' : 'yyyy/m/d' });
      if (r > OTHER_SHEET_ROWS) tall.put(r, 3, { value: r * 2, formula: `=B${r}*2`, numberFormat: '0.0' });
    }
    tall.merges = [{ top: OTHER_SHEET_ROWS + 20, left: 4, bottom: OTHER_SHEET_ROWS + 21, right: 5 }];
    tall.put(OTHER_SHEET_ROWS + 20, 4, { value: '結合', formula: null });
    excel.model.sheets.splice(1, 0, tall);
    const host = new ExcelHost(excel.env());
    excel.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    expect(excel.syncCount).toBe(2);
    const snap = once.snapshots.find((s) => s.sheet === '集計')!;
    expect(snap.formulas[OTHER_SHEET_ROWS + 99][2]).toBe(`=B${OTHER_SHEET_ROWS + 100}*2`);
    expect(snap.numberFormats[OTHER_SHEET_ROWS + 99][1]).toBe('yyyy/m/d');
    const pane = await loadWorkbook(host, ctx);
    expect(bare(once)).toEqual(bare(pane));
  });

  test('below ExcelApi 1.9 (no special cells) formulas and formats of every used cell, the same result', async () => {
    const excel = await mixed({ api: '1.8' });
    const host = new ExcelHost(excel.env());
    excel.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    expect(excel.syncCount).toBe(1);
    const pane = await loadWorkbook(host, ctx);
    expect(bare(once)).toEqual(bare(pane));
  });

  test('special cells Excel refuses: the ribbon reads sheet by sheet and gets the same workbook', async () => {
    const strict = await mixed({ specialCellsAreaLimit: 1 });
    const host = new ExcelHost(strict.env());
    strict.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    expect(strict.syncCount).toBeGreaterThan(1);
    const excel = await mixed();
    expect(bare(once)).toEqual(bare(await loadWorkbookAtOnce(new ExcelHost(excel.env()), ctx)));
  });

  test('sample: one sync, the same workbook as the task pane reads (2 syncs a sheet)', async () => {
    const excel = await sample();
    const host = new ExcelHost(excel.env());
    excel.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    const syncs = excel.syncCount;
    const request = excel.syncs[0].requestBytes;
    const response = excel.syncs[0].responseBytes;
    const pane = await loadWorkbook(host, ctx);
    expect(syncs).toBe(1);
    expect(shown(once)).toEqual(shown(pane));
    expect(bare(once)).toEqual(bare(pane));
    console.log(`ribbon read (sample): ${syncs} sync, request ${(request / 1e3).toFixed(0)} kB, response ${(response / 1e3).toFixed(0)} kB`);
  });

  test('more sheets than one batch walks, the record and KPI定義 among them: one sync more, same result', async () => {
    const excel = await sample();
    const host = new ExcelHost(excel.env());
    await addNextYear(host, 'ja'); // writes the undo record (very hidden sheet)
    for (let i = 1; i <= 40; i++) {
      const s = new FakeSheet(`管理${i}`);
      s.put(1, 1, { value: `シート ${i}`, formula: null });
      s.merges = [{ top: 1, left: 1, bottom: 1, right: 3 }];
      excel.model.sheets.push(s);
    }
    excel.resetCounts();
    const once = await loadWorkbookAtOnce(host, ctx);
    expect(excel.syncCount).toBe(2);
    expect(once.sheets).toHaveLength(42);
    expect(once.record.entries).toHaveLength(1);
    const pane = await loadWorkbook(host, ctx);
    expect(shown(once)).toEqual(shown(pane));
    expect(bare(once)).toEqual(bare(pane));
  });

  test('if Excel fails a chain of null objects, the ribbon reads sheet by sheet and checks the same', async () => {
    const strict = await sample({ nullChains: 'throw' });
    const text = await checkWorkbook(new ExcelHost(strict.env()), 'ja');
    const excel = await sample();
    expect(text).toBe(await checkWorkbook(new ExcelHost(excel.env()), 'ja'));
    expect(strict.model.selection).toEqual(excel.model.selection);
  });
});

describe('チェック from the ribbon: at most 2 syncs', () => {
  test('sample: read 1, select 1', async () => {
    const excel = await sample();
    excel.resetCounts();
    const text = await checkWorkbook(new ExcelHost(excel.env()), 'ja');
    expect(text).toContain('KPI 84 件');
    expect(excel.model.selection?.sheet).toBe(SAMPLE_SHEET);
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    console.log(`チェック (sample, ${defaultPlatform()}): ${excel.syncCount} syncs`);
  });
});

describe('年度列を追加 from the ribbon: at most 3 syncs', () => {
  test('sample, first command of the workbook: read 1, verify 1 (record sheet created ahead, merged areas around the new column), writes + selection 1', async () => {
    const excel = await sample();
    excel.resetCounts();
    const text = await addNextYear(new ExcelHost(excel.env()), 'ja');
    expect(text).toMatch(/^「R7」の列を追加しました: 38 個の表/);
    expect(excel.model.selection?.sheet).toBe(SAMPLE_SHEET);
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    // The write run is one undo group (ExcelApi 1.20), the selection in it.
    expect(excel.runs.filter((r) => r.mergeUndoGroup)).toHaveLength(1);
    console.log(`年度列を追加 (sample, ${defaultPlatform()}): ${excel.syncCount} syncs`);
  });
});

// Excel on the web refuses responses over 5 MB. The one batch reads values for every used cell and
// formulas and formats only of formula and number cells (special cells, ExcelApi 1.9), so a 10,000-KPI
// workbook fits the web too (it answered 8.8 MB with formulas and formats of every cell).
test('10,000 KPIs: チェック 2 syncs and 年度列を追加 3 on every platform, the one-batch read under the web\'s 5 MB', async () => {
  const excel = new FakeExcel(await buildBigModel(10000));
  excel.resetCounts();
  const checked = await checkWorkbook(new ExcelHost(excel.env()), 'ja');
  expect(checked).toContain('KPI 10000 件');
  const check = excel.syncCount;
  const read = excel.syncs[0];
  excel.resetCounts();
  const added = await addNextYear(new ExcelHost(excel.env()), 'ja');
  expect(added).toMatch(/^「R7」の列を追加しました/);
  expect(excel.model.selection?.sheet).toBe(SAMPLE_SHEET);
  const addYear = excel.syncCount;
  expect(check).toBeLessThanOrEqual(2);
  expect(addYear).toBeLessThanOrEqual(3);
  expect(read.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  expect(read.requestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  console.log(`10,000 KPIs (${defaultPlatform()}): チェック ${check} syncs, 年度列を追加 ${addYear}; first read request ${(read.requestBytes / 1e3).toFixed(0)} kB, response ${(read.responseBytes / 1e6).toFixed(2)} MB`);
});

// The same workbook with its figures as numbers (the sample keeps them as text): a special-cells query
// over the whole sheet would list over 12,000 number areas (the double refuses more than 8,192, the docs
// naming no limit); asked 100 rows at a time each query stays small and the read stays one sync.
test('10,000 KPIs with numeric figures: チェック still 2 syncs, the read under 5 MB', async () => {
  const model = await buildBigModel(10000);
  let numbers = 0;
  for (const cell of model.sheets[0].cells.values()) {
    if (typeof cell.value === 'string' && /^\d+(\.\d+)?$/.test(cell.value)) {
      cell.value = Number(cell.value);
      numbers++;
    }
  }
  expect(numbers).toBeGreaterThan(8192);
  const excel = new FakeExcel(model);
  excel.resetCounts();
  expect(await checkWorkbook(new ExcelHost(excel.env()), 'ja')).toContain('KPI 10000 件');
  expect(excel.syncCount).toBeLessThanOrEqual(2);
  const read = excel.syncs[0];
  expect(read.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  console.log(`10,000 KPIs, ${numbers} numbers (${defaultPlatform()}): チェック ${excel.syncCount} syncs; read request ${(read.requestBytes / 1e3).toFixed(0)} kB, response ${(read.responseBytes / 1e6).toFixed(2)} MB`);
});
