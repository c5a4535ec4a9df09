/** ExcelHost.applyPlan on the strict double: sync counts, skip-and-report, capability fallbacks. */
import { translateError } from '../../src/core/catalogue';
import { planAddYear } from '../../src/core/plans/add-year';
import { planFill } from '../../src/core/plans/fill';
import { planFlag } from '../../src/core/plans/flag';
import { loadWorkbook } from '../../src/app';
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { ExcelHost } from '../../src/excel/host';
import { PAYLOAD_LIMIT_BYTES } from '../../src/excel/payload';
import { XlsxHost } from '../../src/xlsx/host';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';
import { diffWithXlsx } from './compare';
import { buildBigModel } from './big-sheet';
import { dateWorkbook } from './date-workbook';

const S = SAMPLE_SHEET;
const plan = (edits: CellEdit[]): EditPlan => ({ command: 'fill', summary: 'test', edits, notices: [] });

async function sample(api?: string, payloadLimitBytes?: number) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api, payloadLimitBytes });
  return { excel, host: new ExcelHost(excel.env()) };
}

describe('sync counts', () => {
  test('sample: fill --fix takes 1 verify sync + 1 write sync; add-year too (the merged areas around the new column ride in the verify: the host read the sheet)', async () => {
    const { excel, host } = await sample();
    const planners: [(i: Parameters<typeof planFill>[0]) => EditPlan, number][] = [
      [(i) => planFill(i, { fix: true }), 2],
      [planAddYear, 2],
    ];
    for (const [planner, syncs] of planners) {
      const p = planner(await loadWorkbook(host));
      expect(p.edits.length).toBeGreaterThan(0);
      excel.resetCounts();
      const result = await host.applyPlan(p);
      expect(result.skipped).toEqual([]);
      expect(excel.syncCount).toBe(syncs);
      // The verify read runs ungrouped, the writes in one undo group.
      expect(excel.runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    }
  });

  test('add-year on a host that has not read the sheet: 1 more read after the verify (its used rows), same result', async () => {
    const { excel, host } = await sample();
    const plan = planAddYear(await loadWorkbook(host));
    const fresh = new ExcelHost(excel.env());
    excel.resetCounts();
    const result = await fresh.applyPlan(plan);
    expect(result.skipped).toEqual([]);
    expect(excel.syncCount).toBe(3);
    const other = await sample();
    await other.host.applyPlan(planAddYear(await loadWorkbook(other.host)));
    expect(excel.model.sheet(SAMPLE_SHEET)!.merges).toEqual(other.excel.model.sheet(SAMPLE_SHEET)!.merges);
    const cells = (m: FakeModel) => [...m.sheet(SAMPLE_SHEET)!.cells.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(cells(excel.model)).toEqual(cells(other.excel.model));
  });

  test('writes are cut into blocks under the payload budget, one sync each', async () => {
    const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
    const host = new ExcelHost(excel.env(), { budgetBytes: 4000 });
    const edits: CellEdit[] = [];
    for (let row = 500; row < 700; row++) edits.push({ kind: 'setCell', sheet: S, row, col: 2, expect: null, content: { value: `行${row}の説明文`.repeat(3) } });
    excel.resetCounts();
    const result = await host.applyPlan(plan(edits));
    expect(result.applied).toBe(200);
    const writes = excel.syncs.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.requestBytes).toBeLessThanOrEqual(4000);
    expect(excel.model.sheet(S)!.cell(699, 2).value).toBe('行699の説明文'.repeat(3));
  });

  test('a write block Excel refuses as too large (the estimate fell short) is sent again in halves: all written, once', async () => {
    const limit = 40_000;
    const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { payloadLimitBytes: limit });
    // A budget above Excel's real limit: the first block is refused, nothing of it runs, and the halves go through.
    const host = new ExcelHost(excel.env(), { budgetBytes: 400_000 });
    const edits: CellEdit[] = [];
    for (let row = 500; row < 700; row++) edits.push({ kind: 'setCell', sheet: S, row, col: 2, expect: null, content: { value: `行${row}の説明文`.repeat(20) } });
    excel.resetCounts();
    const result = await host.applyPlan(plan(edits));
    expect(result.applied).toBe(200);
    const refused = excel.syncs.filter((s) => s.requestBytes > limit);
    expect(refused.length).toBeGreaterThan(0);
    expect(excel.syncs.slice(1 + refused.length).every((s) => s.requestBytes <= limit)).toBe(true);
    for (let row = 500; row < 700; row++) expect(excel.model.sheet(S)!.cell(row, 2).value).toBe(`行${row}の説明文`.repeat(20));
    console.log(`refused-block fallback: ${excel.syncCount} syncs, ${refused.length} refused`);
  });

  describe('10,000-KPI sheet', () => {
    let model: FakeModel;
    beforeAll(async () => {
      model = await buildBigModel(10000);
      // Blank the R2 rates (column F of every 達成率 row) so fill has 10,000 cells to write.
      const sheet = model.sheet(S)!;
      for (const [k, c] of [...sheet.cells]) {
        const [row, col] = k.split(',').map(Number);
        if (col === 6 && sheet.cell(row, 2).value === '達成率') sheet.put(row, col, { ...c, value: null });
      }
    });

    test('fill: 1 verify sync + 1 write sync, every request under 5 MB', async () => {
      const excel = new FakeExcel(model, { payloadLimitBytes: PAYLOAD_LIMIT_BYTES });
      const host = new ExcelHost(excel.env());
      const p = planFill(await loadWorkbook(host));
      const cells = p.edits.filter((e) => e.kind === 'setCell').length;
      expect(cells).toBeGreaterThan(8000);
      excel.resetCounts();
      const result = await host.applyPlan(p);
      expect(result.skipped).toEqual([]);
      expect(result.applied).toBe(p.edits.length);
      expect(excel.syncCount).toBe(2);
      console.log(`fill of ${cells} cells on 10,000 KPIs: ${JSON.stringify(excel.syncs)}`);
    });
  });
});

describe('skip and report', () => {
  test('a cell the user changed after the plan was made is skipped as "changed"; the rest is applied', async () => {
    const { excel, host } = await sample();
    const p = planFill(await loadWorkbook(host), { fix: true });
    const target = p.edits.find((e): e is Extract<CellEdit, { kind: 'setCell' }> => e.kind === 'setCell' && e.expect !== null)!;
    excel.userEdit(S, `${String.fromCharCode(64 + target.col)}${target.row}`, '12.3%');
    const result = await host.applyPlan(p);
    expect(result.skipped).toEqual([expect.objectContaining({ reason: 'changed', edit: target })]);
    expect(result.applied).toBe(p.edits.length - 1);
    expect(excel.model.sheet(S)!.cell(target.row, target.col).value).toBe(0.123);
  });

  test('edits on a missing sheet are "missing", a sheet that exists is "exists"; nothing throws', async () => {
    const { excel, host } = await sample();
    const result = await host.applyPlan(
      plan([
        { kind: 'setCell', sheet: 'ない', row: 1, col: 1, expect: null, content: { value: 1 } },
        { kind: 'addSheet', sheet: S, visibility: 'visible' },
        { kind: 'setCell', sheet: S, row: 1, col: 20, expect: null, content: { value: 'ok' } },
      ]),
    );
    expect(result.skipped.map((s) => s.reason)).toEqual(['missing', 'exists']);
    expect(excel.model.sheet(S)!.cell(1, 20).value).toBe('ok');
  });

  test('a cell hidden by a merged area is skipped as "unsupported" like the .xlsx host does; the batch goes through', async () => {
    const { excel, host } = await sample();
    const xlsx = XlsxHost.fromWorkbook(await loadSampleWorkbook());
    const edits: CellEdit[] = [
      { kind: 'setCell', sheet: S, row: 12, col: 1, expect: null, content: { value: 'hidden' } },
      { kind: 'setCell', sheet: S, row: 12, col: 3, expect: null, content: { value: 'visible' } },
    ];
    const a = await host.applyPlan(plan(edits));
    const b = await xlsx.applyPlan(plan(edits));
    expect(a.skipped.map((x) => [x.reason, x.edit])).toEqual(b.skipped.map((x) => [x.reason, x.edit]));
    expect(a.skipped.map((x) => x.reason)).toEqual(['unsupported']);
    expect(excel.model.sheet(S)!.cell(12, 3).value).toBe('visible');
  });

  test('text is written as text: "=…", "68.9%", "1,234" stay strings', async () => {
    const { excel, host } = await sample();
    const texts = ['=SUM(A1:A3)', '68.9%', '1,234', 'TRUE', '@user', '-5'];
    await host.applyPlan(plan(texts.map((value, i) => ({ kind: 'setCell', sheet: S, row: 600, col: i + 1, expect: null, content: { value } }))));
    const sheet = excel.model.sheet(S)!;
    expect(texts.map((_, i) => sheet.cell(600, i + 1))).toEqual(texts.map((value) => expect.objectContaining({ value, formula: null })));
    const snap = await host.readSnapshot(S);
    expect(snap.values[599].slice(0, 6)).toEqual(texts);
  });
});

describe('capability fallbacks', () => {
  test.each([
    ['1.7', { notes: false, hyperlinks: true, merges: false, undoGroup: false, changeEvents: true, printLayout: false, widenFilters: false, widenFormats: false, widenValidations: false }],
    ['1.17', { notes: false, hyperlinks: true, merges: true, undoGroup: false, changeEvents: true, printLayout: true, widenFilters: true, widenFormats: true, widenValidations: true }],
    ['1.20', { notes: true, hyperlinks: true, merges: true, undoGroup: true, changeEvents: true, printLayout: true, widenFilters: true, widenFormats: true, widenValidations: true }],
  ])('ExcelApi %s: flag applies fills, notes are skipped as unsupported where missing, never an exception', async (api, caps) => {
    const { excel, host } = await sample(api);
    expect(host.capabilities()).toEqual(caps);
    const p = planFlag(await loadWorkbook(host));
    const notes = p.edits.filter((e) => e.kind === 'setNote').length;
    expect(notes).toBeGreaterThan(0);
    excel.resetCounts();
    const result = await host.applyPlan(p);
    const unsupported = result.skipped.filter((s) => s.reason === 'unsupported');
    expect(unsupported.length).toBe(caps.notes ? 0 : notes);
    expect(result.applied).toBe(p.edits.length - unsupported.length);
    expect(excel.runs[1]).toEqual(caps.undoGroup ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true });
    // Below 1.9 add-year also widens no autofilter and no conditional format (issue #16): two more;
    // below 1.8 it copies no data validation to the new year column: one more.
    expect(host.unavailable().length).toBe(caps.notes ? 0 : caps.merges ? 2 : caps.printLayout ? 3 : 7);
  });
});

describe('every edit kind matches the .xlsx host, and the inverse restores the original', () => {
  const edits: CellEdit[] = [
    { kind: 'setCell', sheet: S, row: 11, col: 8, expect: { value: null, formula: null }, content: { value: 40, numberFormat: '#,##0"件"' } },
    { kind: 'setCell', sheet: S, row: 12, col: 8, expect: { value: null, formula: null }, content: { formula: '=H11/D11', value: 0.889, numberFormat: '0.0%' } },
    { kind: 'setFill', sheet: S, row: 12, col: 5, fill: '#FFC7CE' },
    { kind: 'setNote', sheet: S, row: 12, col: 5, note: 'メモ\n2行目' },
    { kind: 'setHyperlink', sheet: S, row: 13, col: 14, link: { sheet: '08', cell: 'A1', file: 'management-sheets.xlsx', tooltip: '進行管理シート 08' } },
    { kind: 'setColumnWidth', sheet: S, col: 13, width: 30 },
    { kind: 'insertColumn', sheet: S, col: 8, formatFrom: 7 },
    { kind: 'setCell', sheet: S, row: 10, col: 8, expect: { value: null, formula: null }, content: { value: 'R2b' } },
    { kind: 'merge', sheet: S, range: { top: 500, left: 1, bottom: 500, right: 3 } },
    { kind: 'deleteColumn', sheet: S, col: 16 },
    { kind: 'addSheet', sheet: '新しい表', visibility: 'hidden', rows: [['見出し', 1], ['=not a formula', null, true]] },
    { kind: 'setCell', sheet: '新しい表', row: 3, col: 1, expect: null, content: { value: 'after add' } },
  ];

  test('apply, compare every cell, then apply the inverse and compare with the original', async () => {
    const { excel, host } = await sample();
    const xlsx = XlsxHost.fromWorkbook(await loadSampleWorkbook());
    const a = await host.applyPlan(plan(edits));
    const b = await xlsx.applyPlan(plan(edits));
    expect(a.skipped).toEqual([]);
    expect(b.skipped).toEqual([]);
    expect(await diffWithXlsx(excel, xlsx.workbook)).toEqual([]);

    const undoA = await host.applyPlan(plan(a.inverse));
    expect(undoA.skipped).toEqual([]);
    const pristine = await loadSampleWorkbook();
    expect(await diffWithXlsx(excel, pristine)).toEqual([]);
  });
});

describe('edits Excel would refuse are skipped like the .xlsx host skips them', () => {
  test('merge over a merged area → "exists"; link on a formula cell → "unsupported"; the rest applies', async () => {
    const { excel, host } = await sample();
    const xlsx = XlsxHost.fromWorkbook(await loadSampleWorkbook());
    const edits: CellEdit[] = [
      { kind: 'setCell', sheet: S, row: 600, col: 1, expect: null, content: { formula: '=1+1', value: 2 } },
      { kind: 'setHyperlink', sheet: S, row: 600, col: 1, link: { sheet: S, cell: 'A1' } },
      { kind: 'merge', sheet: S, range: { top: 11, left: 1, bottom: 11, right: 2 } },
      { kind: 'merge', sheet: S, range: { top: 601, left: 1, bottom: 601, right: 2 } },
    ];
    const a = await host.applyPlan(plan(edits));
    const b = await xlsx.applyPlan(plan(edits));
    expect(a.skipped.map((x) => [x.reason, x.edit])).toEqual(b.skipped.map((x) => [x.reason, x.edit]));
    expect(a.skipped.map((x) => x.reason)).toEqual(['unsupported', 'exists']);
    expect(await diffWithXlsx(excel, xlsx.workbook)).toEqual([]);
  });
});

test('a date cell matches the expectation a snapshot gives ("2024-04-01"), and undo puts the date back', async () => {
  const excel = new FakeExcel(FakeModel.fromExcelJs(dateWorkbook()));
  const host = new ExcelHost(excel.env());
  const snap = await host.readSnapshot('日付');
  const result = await host.applyPlan(plan([{ kind: 'setCell', sheet: '日付', row: 1, col: 1, expect: { value: snap.values[0][0], formula: null }, content: { value: '未定' } }]));
  expect(result.skipped).toEqual([]);
  expect(excel.model.sheet('日付')!.cell(1, 1).value).toBe('未定');
  await host.applyPlan(plan(result.inverse));
  expect(excel.model.sheet('日付')!.cell(1, 1)).toMatchObject({ value: 45383, numberFormat: 'yyyy/m/d' });
});

test('a web link replaced by a sheet link comes back verbatim on undo (url), as in the .xlsx host', async () => {
  const { excel, host } = await sample();
  const xlsx = XlsxHost.fromWorkbook(await loadSampleWorkbook());
  const web: CellEdit = { kind: 'setHyperlink', sheet: S, row: 13, col: 14, link: { sheet: '', cell: '', url: 'https://example.jp/kpi' } };
  const local: CellEdit = { kind: 'setHyperlink', sheet: S, row: 13, col: 14, link: { sheet: S, cell: 'A1', tooltip: 'ここ' } };
  for (const h of [host, xlsx]) await h.applyPlan(plan([web]));
  const a = await host.applyPlan(plan([local]));
  const b = await xlsx.applyPlan(plan([local]));
  expect(a.inverse).toEqual(b.inverse.filter((e) => e.kind === 'setHyperlink'));
  expect(await diffWithXlsx(excel, xlsx.workbook)).toEqual([]);
  await host.applyPlan(plan(a.inverse));
  await xlsx.applyPlan(plan(b.inverse));
  expect(await diffWithXlsx(excel, xlsx.workbook)).toEqual([]);
  expect(excel.model.sheet(S)!.cell(13, 14).hyperlink).toEqual({ address: 'https://example.jp/kpi' });
});

test('ExcelApi 1.7 cannot see merged areas: a write Excel refuses becomes one clear message in either language', async () => {
  const { host } = await sample('1.7');
  const p = plan([{ kind: 'setCell', sheet: S, row: 12, col: 1, expect: null, content: { value: 'hidden' } }]);
  const error = await host.applyPlan(p).then(() => null, (e: unknown) => e);
  expect(error).toMatchObject({ id: 'error.write-refused' });
  expect(translateError('ja', error)).toMatch(/Excelが書き込みを拒否しました.*Cannot change part of a merged cell/);
  expect(translateError('en', error)).toMatch(/Excel refused the writes.*Cannot change part of a merged cell/);
});
