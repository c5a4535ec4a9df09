/**
 * add-year widens what spans the table on the Excel host (issue #16), over the strict double, which
 * moves names and print areas with inserted columns as Excel does (test/support/fake-excel-ranges.ts).
 * Inside the table (the sample: R7 inserted at L, before 担当課), Excel widens by itself: print area
 * A1:N412 → A1:O412, シート No. stays in print. A range ending at the newest year (D:K) would stay in
 * Excel; the plan's `widen` has the host take R7 in (WIDEN in src/core/plan.ts). Undo narrows back.
 */
import { loadWorkbook } from '../../src/app';
import { planAddYear } from '../../src/core/plans/add-year';
import { ExcelHost } from '../../src/excel/host';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { unavailableFeatureIds } from '../../src/core/capabilities';
import { autoFilterOf, formatsOf, namesOf, printAreaOf, setAutoFilterOf, setPrintAreaOf, validationAt, validationsOf } from '../support/fake-excel-ranges';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';

const S = SAMPLE_SHEET;

async function sample(api?: string) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api });
  const sheet = excel.model.sheet(S)!;
  setPrintAreaOf(sheet, '$A$1:$N$412');
  namesOf(excel.model).push({ name: 'KPI表', formula: `=${S}!$A$10:$N$412` }, { name: '年度列', formula: `=${S}!$D$12:$K$412` }, { name: '他', formula: `=${S}!$B$2` });
  return { excel, sheet, host: new ExcelHost(excel.env()) };
}

test('the double moves names and print areas as Excel does: inside an insert they widen, at their right they stay', async () => {
  const { excel, sheet } = await sample();
  excel.shiftFormulas({ sheet: S, col: 12, delta: 1 });
  expect(printAreaOf(sheet)).toBe('$A$1:$O$412');
  expect(namesOf(excel.model).map((n) => n.formula)).toEqual([`=${S}!$A$10:$O$412`, `=${S}!$D$12:$K$412`, `=${S}!$B$2`]);
  excel.shiftFormulas({ sheet: S, col: 12, delta: -1 });
  expect(printAreaOf(sheet)).toBe('$A$1:$N$412');
});

test('add-year widens the print area and names over the table, the year columns too; undo gives them back', async () => {
  const { excel, sheet, host } = await sample();
  const plan = planAddYear(await loadWorkbook(host));
  excel.resetCounts();
  const r = await host.applyPlan(plan);
  expect(r.skipped).toEqual([]);
  // no sync of its own: read in the verify sync, written with the plan's writes (2: the merged areas
  // around the new column ride in the verify too, the host having read the sheet)
  expect(excel.syncCount).toBe(2);
  expect(sheet.cell(10, 12).value).toBe('R7');
  expect(printAreaOf(sheet)).toBe('$A$1:$O$412');
  expect(namesOf(excel.model).map((n) => n.formula)).toEqual([`=${S}!$A$10:$O$412`, `=${S}!$D$12:$L$412`, `=${S}!$B$2`]);
  const undo = await host.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
  expect(undo.skipped).toEqual([]);
  expect(printAreaOf(sheet)).toBe('$A$1:$N$412');
  expect(namesOf(excel.model).map((n) => n.formula)).toEqual([`=${S}!$A$10:$N$412`, `=${S}!$D$12:$K$412`, `=${S}!$B$2`]);
});

test('a print area ending at the newest year takes the new year (set by the host); undo narrows it', async () => {
  const { sheet, host } = await sample();
  setPrintAreaOf(sheet, 'A10:K412');
  const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
  expect(printAreaOf(sheet)).toBe('A10:L412');
  await host.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
  expect(printAreaOf(sheet)).toBe('A10:K412');
});

test('before ExcelApi 1.9 the print area is left to Excel (no PageLayout); names still widen', async () => {
  const { sheet, excel, host } = await sample('1.8');
  setPrintAreaOf(sheet, 'A10:K412');
  const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
  expect(r.applied).toBeGreaterThan(0);
  expect(printAreaOf(sheet)).toBe('A10:K412');
  expect(namesOf(excel.model)[1].formula).toBe(`=${S}!$D$12:$L$412`);
});

test('a sheet name holding a comma and a quote: its print area is still read and widened', async () => {
  const { excel, sheet, host } = await sample();
  const name = "進捗, R6's";
  sheet.name = name;
  setPrintAreaOf(sheet, 'A10:K412');
  namesOf(excel.model).splice(0, 3, { name: '年度列', formula: `='進捗, R6''s'!$D$12:$K$412` });
  const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
  expect(r.skipped).toEqual([]);
  expect(printAreaOf(sheet)).toBe('A10:L412');
  expect(namesOf(excel.model)[0].formula).toBe(`='進捗, R6''s'!$D$12:$L$412`);
});

describe('autofilter and conditional formats at the right edge (Worksheet.autoFilter 1.9, ConditionalFormat.setRanges 1.17)', () => {
  async function withRanges(api?: string) {
    const s = await sample(api);
    // a filter over the table ending at the newest year (K), its 区分 column (B, index 1) filtered
    setAutoFilterOf(s.sheet, { range: 'A10:K412', criteria: Array.from({ length: 11 }, (_, i) => (i === 1 ? { filterOn: 'Values', values: ['A'] } : null)) });
    formatsOf(s.sheet).push({ id: 'years', ranges: ['D12:K412'] }, { id: 'other', ranges: ['B2:B5'] }, { id: 'split', ranges: ['D12:K100', 'D200:K412'] });
    return s;
  }
  const ranges = (sheet: Parameters<typeof formatsOf>[0]) => formatsOf(sheet).map((f) => `${f.id} ${f.ranges.join(',')}`);

  test('the double moves them as Excel does: inside an insert they widen (a filtered column keeps its criteria), at their right they stay', async () => {
    const { excel, sheet } = await withRanges();
    excel.shiftFormulas({ sheet: S, col: 2, delta: 1 });
    expect(autoFilterOf(sheet)!.range).toBe('A10:L412');
    expect(autoFilterOf(sheet)!.criteria.map((c) => !!c)).toEqual([false, false, true, false, false, false, false, false, false, false, false, false]);
    expect(ranges(sheet)).toEqual(['years E12:L412', 'other C2:C5', 'split E12:L100,E200:L412']);
    excel.shiftFormulas({ sheet: S, col: 13, delta: 1 });
    expect(autoFilterOf(sheet)!.range).toBe('A10:L412');
    expect(ranges(sheet)[0]).toBe('years E12:L412');
  });

  /** The syncs of add-year on a sample (its workbook read before counting). */
  async function addYear(s: Awaited<ReturnType<typeof sample>>) {
    const plan = planAddYear(await loadWorkbook(s.host));
    s.excel.resetCounts();
    const r = await s.host.applyPlan(plan);
    return { r, syncs: s.excel.syncCount };
  }

  test('add-year widens them to the new year; the filtered column stays filtered; undo narrows them back', async () => {
    const without = await addYear(await sample());
    const { excel, sheet, host } = await withRanges();
    const { r, syncs } = await addYear({ excel, sheet, host });
    expect(r.skipped).toEqual([]);
    // the formats' ranges need them listed first: one sync more than without formats
    expect(syncs).toBe(without.syncs + 1);
    expect(sheet.cell(10, 12).value).toBe('R7');
    expect(autoFilterOf(sheet)!.range).toBe('A10:L412');
    expect(autoFilterOf(sheet)!.criteria[1]).toEqual({ filterOn: 'Values', values: ['A'] });
    expect(autoFilterOf(sheet)!.criteria.filter(Boolean)).toHaveLength(1);
    expect(ranges(sheet)).toEqual(['years D12:L412', 'other B2:B5', 'split D12:L100,D200:L412']);
    await host.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
    expect(autoFilterOf(sheet)!.range).toBe('A10:K412');
    expect(autoFilterOf(sheet)!.criteria[1]).toEqual({ filterOn: 'Values', values: ['A'] });
    expect(ranges(sheet)).toEqual(['years D12:K412', 'other B2:B5', 'split D12:K100,D200:K412']);
  });

  test('before ExcelApi 1.17 the formats stay where Excel leaves them and the pane says so; the filter still widens', async () => {
    const { sheet, host } = await withRanges('1.16');
    await host.applyPlan(planAddYear(await loadWorkbook(host)));
    expect(autoFilterOf(sheet)!.range).toBe('A10:L412');
    expect(ranges(sheet)[0]).toBe('years D12:K412');
    const ids = unavailableFeatureIds(host.capabilities());
    expect(ids).toContain('capability.widen-formats');
    expect(ids).not.toContain('capability.widen-filters');
  });

  test('before ExcelApi 1.9 neither is touched (no AutoFilter object) and the pane says so', async () => {
    const { sheet, host } = await withRanges('1.8');
    const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
    expect(r.applied).toBeGreaterThan(0);
    expect(autoFilterOf(sheet)!.range).toBe('A10:K412');
    expect(ranges(sheet)[0]).toBe('years D12:K412');
    expect(unavailableFeatureIds(host.capabilities())).toEqual(expect.arrayContaining(['capability.widen-filters', 'capability.widen-formats']));
    expect(unavailableFeatureIds(new ExcelHost(new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook())).env()).capabilities())).not.toContain('capability.widen-formats');
  });
});

describe('data validation of the previous year column (Range.dataValidation, ExcelApi 1.8)', () => {
  const rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  const alert = { showAlert: true, style: 'Stop', title: '入力エラー', message: '0以上の整数を入力してください' };
  const prompt = { showPrompt: true, title: '実績値', message: '整数で入力' };
  async function withRule(api?: string, split = false) {
    const s = await sample(api);
    const seed = (ranges: string[], r: Record<string, unknown>) => validationsOf(s.sheet).push({ ranges, rule: r, errorAlert: alert, prompt, ignoreBlanks: false });
    if (split) {
      seed(['K11:K200'], rule);
      seed(['K201:K412'], { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    } else seed(['K11:K412'], rule);
    return s;
  }

  test('the double: a rule at the right edge of an insert stays; the types read as the enum says; a rule is not set over another', async () => {
    const { excel, sheet } = await withRule();
    excel.shiftFormulas({ sheet: S, col: 12, delta: 1 });
    expect(validationAt(sheet, 12, 12)).toBeNull();
    const types = await excel.env().run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem(S);
      const vs = ['K12:K412', 'K10:K412', 'J12:K412', 'L12:L412'].map((a) => ws.getRange(a).dataValidation.load('type,rule'));
      await context.sync();
      return vs.map((v) => `${v.type} ${v.rule === null ? 'null' : Object.keys(v.rule)[0]}`);
    });
    expect(types).toEqual(['WholeNumber wholeNumber', 'MixedCriteria null', 'MixedCriteria null', 'None null']);
    await expect(
      excel.env().run({}, async (context) => {
        context.workbook.worksheets.getItem(S).getRange('K12:K20').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
  });

  test("add-year gives the new year column the previous year's rule, alert, prompt and ignoreBlanks on the table rows, in no extra sync; undo takes it away", async () => {
    const plain = await sample();
    const plan0 = planAddYear(await loadWorkbook(plain.host));
    plain.excel.resetCounts();
    await plain.host.applyPlan(plan0);
    const { excel, sheet, host } = await withRule();
    const plan = planAddYear(await loadWorkbook(host));
    excel.resetCounts();
    const r = await host.applyPlan(plan);
    expect(r.skipped).toEqual([]);
    expect(excel.syncCount).toBe(plain.excel.syncCount);
    // each table's rows (the sample: one table per measure, each with its year header row)
    for (const row of [11, 27, 29, 200, 412]) expect(validationAt(sheet, row, 12)).toMatchObject({ rule, errorAlert: alert, prompt, ignoreBlanks: false });
    expect(validationAt(sheet, 10, 12)).toBeNull();
    expect(validationAt(sheet, 28, 12)).toBeNull();
    expect(validationAt(sheet, 413, 12)).toBeNull();
    expect(validationAt(sheet, 12, 11)).toMatchObject({ rule });
    await host.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
    expect(validationAt(sheet, 12, 12)).toBeNull();
    expect(validationAt(sheet, 12, 11)).toMatchObject({ rule });
  });

  test('different rules down one table of the previous year column (Inconsistent): nothing is copied there', async () => {
    const { sheet, host } = await withRule(undefined, true);
    const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
    expect(r.skipped).toEqual([]);
    expect(validationAt(sheet, 200, 12)).toBeNull();
    expect(validationAt(sheet, 201, 12)).toBeNull();
    expect(validationAt(sheet, 12, 12)).toMatchObject({ rule });
    expect(validationAt(sheet, 300, 12)!.rule).toHaveProperty('decimal');
  });

  test('before ExcelApi 1.8 nothing is copied and the pane says so', async () => {
    const { sheet, host } = await withRule('1.7');
    const r = await host.applyPlan(planAddYear(await loadWorkbook(host)));
    expect(r.applied).toBeGreaterThan(0);
    expect(validationAt(sheet, 12, 12)).toBeNull();
    expect(unavailableFeatureIds(host.capabilities())).toContain('capability.widen-validations');
    expect(unavailableFeatureIds((await sample('1.8')).host.capabilities())).not.toContain('capability.widen-validations');
  });
});
