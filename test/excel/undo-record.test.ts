/**
 * The undo record on Excel across platforms: the Undo capabilities page's unsupported APIs in undo
 * groups (double rules), and the add-in's record surviving grouped batches on web, Windows and Mac
 * (this file runs in each platform project; see jest.config.js).
 */
import { planAddYear } from '../../src/core/plans/add-year';
import { loadWorkbook } from '../../src/app';
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { cleanUndoRecord, readUndoRecord, runCommand, undoLast } from '../../src/core/session';
import { UNDO_SHEET } from '../../src/core/undo';
import { ExcelHost } from '../../src/excel/host';
import { excelError } from '../support/fake-excel-base';
import { defaultPlatform, FakeExcel, FakeModel, type FakePlatform } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';

const S = SAMPLE_SHEET;
const platforms: FakePlatform[] = ['web', 'windows', 'mac'];

async function sample(budgetBytes?: number) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
  return { excel, host: new ExcelHost(excel.env(), { budgetBytes }) };
}

describe('double: APIs without undo support in an undo group (Undo capabilities page)', () => {
  const twoSheets = () => {
    const model = FakeModel.fromSnapshot({ sheet: 'A', origin: { row: 1, col: 1 }, values: [['a']] });
    model.sheets.push(new (model.sheets[0].constructor as new (n: string) => (typeof model.sheets)[0])('B'));
    return model;
  };
  test.each(platforms)('%s: Worksheet.delete throws UndoNotSupported when grouped, works ungrouped', async (platform) => {
    const excel = new FakeExcel(twoSheets(), { platform });
    const env = excel.env();
    await expect(
      env.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem('B').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'UndoNotSupported' });
    expect(excel.model.sheet('B')).toBeDefined();
    await env.run({}, async (context) => {
      context.workbook.worksheets.getItem('B').delete();
      await context.sync();
    });
    expect(excel.model.sheet('B')).toBeUndefined();
  });

  test.each(platforms)('%s: setting Worksheet.visibility in a group is refused on Windows and Mac only', async (platform) => {
    const excel = new FakeExcel(twoSheets(), { platform });
    const hide = excel.env().run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem('B').visibility = 'VeryHidden';
      await context.sync();
    });
    if (platform === 'web') await expect(hide).resolves.toBeUndefined();
    else await expect(hide).rejects.toMatchObject({ code: 'UndoNotSupported' });
  });

  test('the error comes at sync, after the batch\'s earlier operations took effect (the stricter reading)', async () => {
    const excel = new FakeExcel(twoSheets(), { platform: 'windows' });
    await expect(
      excel.env().run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem('A').getRange('B1').values = [['written']];
        context.workbook.worksheets.getItem('B').visibility = 'Hidden';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'UndoNotSupported' });
    expect(excel.model.sheet('A')!.cell(1, 2).value).toBe('written');
  });

  test('objects of a finished Excel.run cannot be used in another', async () => {
    const excel = new FakeExcel(twoSheets());
    const env = excel.env();
    const ws = await env.run({}, async (context) => context.workbook.worksheets.getItem('A'));
    await env.run({}, async () => {
      expect(() => (ws.getRange('A1').values = [['x']])).toThrow(/InvalidRequestContext/);
    });
  });
});

describe(`undo record on Excel (${defaultPlatform()})`, () => {
  test('add-year with its record, undo, clean: grouped writes throughout, record veryHidden, sample restored', async () => {
    const { excel, host } = await sample();
    const original = excel.model.sheet(S)!.cell(10, 11).value;
    const plan = planAddYear(await loadWorkbook(host));
    excel.resetCounts();
    const done = await runCommand(host, plan);
    expect(done.entry).toBe(1);
    expect(done.skipped).toEqual([]);
    // verify with the record sheet created ahead of it (the host's read saw none; ungrouped run:
    // visibility) and the merged areas around the new column; writes with the record (grouped)
    expect(excel.syncCount).toBe(2);
    expect(excel.runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    expect(excel.model.sheet(UNDO_SHEET)!.visibility).toBe('VeryHidden');
    expect((await readUndoRecord(host)).entries.map((e) => e.command)).toEqual(['add-year']);

    const undone = await undoLast(host);
    expect(undone.undone?.command).toBe('add-year');
    expect(undone.skipped).toEqual([]);
    expect(excel.model.sheet(S)!.cell(10, 11).value).toBe(original);
    expect((await readUndoRecord(host)).entries).toEqual([]);
    // An empty record is written as cells, never a sheet deletion inside a group.
    expect(excel.model.sheet(UNDO_SHEET)).toBeDefined();

    expect(await cleanUndoRecord(host)).toBe(0);
    expect(excel.model.sheet(UNDO_SHEET)).toBeUndefined();
  });

  test('a second command writes its record in the same grouped run (2 syncs)', async () => {
    const { excel, host } = await sample();
    const edit = (row: number, value: string): CellEdit => ({ kind: 'setCell', sheet: S, row, col: 2, expect: null, content: { value } });
    const plan = (edits: CellEdit[]): EditPlan => ({ command: 'fill', summary: 't', edits, notices: [] });
    await runCommand(host, plan([edit(500, 'a')]));
    excel.resetCounts();
    await runCommand(host, plan([edit(501, 'b')]));
    expect(excel.syncCount).toBe(2);
    expect(excel.runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    expect((await readUndoRecord(host)).entries.map((e) => e.id)).toEqual([1, 2]);
  });

  test('a write block Excel refuses part-way leaves the record of what it wrote: undo restores it', async () => {
    const { excel, host } = await sample(3000);
    const edits: CellEdit[] = [];
    for (let row = 500; row < 560; row++) edits.push({ kind: 'setCell', sheet: S, row, col: 2, expect: null, content: { value: `説明${row}`.repeat(8) } });
    // The last rows are refused (as a protected range would be), after earlier blocks were written.
    excel.refuseWrite = (sheet, row) => (sheet === S && row >= 550 ? excelError('AccessDenied', 'The cell you are trying to change is protected.') : null);
    await expect(runCommand(host, { command: 'fill', summary: 't', edits, notices: [] })).rejects.toThrow();
    expect(excel.model.sheet(S)!.cell(500, 2).value).toBe('説明500'.repeat(8));
    excel.refuseWrite = undefined;
    const record = await readUndoRecord(host);
    expect(record.entries).toHaveLength(1);
    const undone = await undoLast(host);
    expect(undone.undone).not.toBeNull();
    for (let row = 500; row < 560; row++) expect(excel.model.sheet(S)!.cell(row, 2).value).toBeNull();
  });
});
