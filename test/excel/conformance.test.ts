/**
 * Excel as documented, rule by rule: each double rule against its source, and each defect the
 * stricter double revealed in src/excel (a test that failed on the code before its fix).
 */
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { ExcelHost } from '../../src/excel/host';
import { FakeExcel, FakeModel, linkTarget as fakeLinkTarget, type FakeLink } from '../support/fake-excel';
import { runCommand, undoLast } from '../../src/core/session';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';
import { loadWorkbook, normaliseSettings } from '../../src/app';
import { recheckAfterEdit, type CellChange } from '../../src/taskpane/live';
import { saveCommandStatus, takeCommandStatus, WorkbookSettingsStore } from '../../src/excel/settings';
import { FakeDocument } from '../support/fake-settings';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from '../support/sample';
import { closeAfterMs } from '../../src/commands/show-status';

const plan = (edits: CellEdit[]): EditPlan => ({ command: 'fill', summary: 't', edits, notices: [] });

/** 表: B2:C3 merged (a name over two rows and two columns), D1:D4 merged, values around. */
function merged(api?: string) {
  const model = FakeModel.fromSnapshot({
    sheet: '表',
    origin: { row: 1, col: 1 },
    values: [
      ['a', 'b', 'c', 'd', 'e'],
      ['f', '名前', null, 'x', 'g'],
      ['h', null, null, null, 'i'],
      ['j', 'k', 'l', null, 'm'],
    ],
    merges: [
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 1, left: 4, bottom: 4, right: 4 },
    ],
  });
  const excel = new FakeExcel(model, { api });
  return { excel, host: new ExcelHost(excel.env()) };
}

describe('merged-area queries (office-js#3611)', () => {
  test('double: only areas whose top-left cell lies inside the queried range are returned', async () => {
    const { excel } = merged();
    const found = await excel.env().run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      const inside = ws.getRange('C3:D4').getMergedAreasOrNullObject();
      const all = ws.getRange('A1:E4').getMergedAreasOrNullObject();
      inside.load('address');
      all.load('address');
      await context.sync();
      return { inside: inside.isNullObject, all: all.address };
    });
    // C3 is inside B2:C3 and D3:D4 inside D1:D4, but neither area starts in C3:D4.
    expect(found.inside).toBe(true);
    expect(found.all).toBe("'表'!B2:C3, '表'!D1:D4");
  });

  test('a write into a merged area reaching in from above or the left is skipped, not sent to Excel', async () => {
    const { excel, host } = merged();
    const result = await host.applyPlan(
      plan([
        { kind: 'setCell', sheet: '表', row: 3, col: 3, expect: null, content: { value: 'hidden' } },
        { kind: 'setCell', sheet: '表', row: 4, col: 4, expect: null, content: { value: 'hidden too' } },
        { kind: 'setCell', sheet: '表', row: 4, col: 5, expect: null, content: { value: 'free' } },
      ]),
    );
    expect(result.skipped.map((s) => s.reason)).toEqual(['unsupported', 'unsupported']);
    expect(excel.model.sheet('表')!.cell(4, 5).value).toBe('free');
  });

  test('a merge over an area reaching in from above is skipped', async () => {
    const { excel, host } = merged();
    const result = await host.applyPlan(plan([{ kind: 'merge', sheet: '表', range: { top: 3, left: 3, bottom: 4, right: 3 } }]));
    expect(result.skipped.map((s) => s.reason)).toEqual(['exists']);
    expect(excel.model.sheet('表')!.merges).toHaveLength(2);
  });
});

describe('copyFrom onto a column under a horizontal merge (office-js#4800)', () => {
  /** 表: a header "実績値" merged over B1:D1 (years below), values in B2:D3; insert after D. */
  function headed() {
    const model = FakeModel.fromSnapshot({
      sheet: '表',
      origin: { row: 1, col: 1 },
      values: [
        ['KPI', '実績値', null, null],
        ['x', 1, 2, 3],
        ['y', 4, 5, 6],
      ],
      numberFormats: [
        ['General', 'General', 'General', 'General'],
        ['General', '0', '0', '#,##0"件"'],
        ['General', '0', '0', '#,##0"件"'],
      ],
      merges: [{ top: 1, left: 2, bottom: 1, right: 4 }],
    });
    const excel = new FakeExcel(model);
    return { excel, host: new ExcelHost(excel.env()) };
  }

  test('double: copyFrom into part of a merged area is refused like a paste in the UI', async () => {
    const { excel } = headed();
    await expect(
      excel.env().run({}, async (context) => {
        const ws = context.workbook.worksheets.getItem('表');
        ws.getRange('C:C').copyFrom(ws.getRange('E:E'), 'Formats');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('inserting a column inside the merge copies formats around it and the batch goes through', async () => {
    const { excel, host } = headed();
    const result = await host.applyPlan({ command: 'add-year', summary: 't', notices: [], edits: [{ kind: 'insertColumn', sheet: '表', col: 4, formatFrom: 3 }] });
    expect(result.skipped).toEqual([]);
    const sheet = excel.model.sheet('表')!;
    // Excel widens the header merge over the new column; the rows below took column C's formats.
    expect(sheet.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 5 }]);
    expect(sheet.cell(2, 4).numberFormat).toBe('0');
    expect(sheet.cell(2, 5).value).toBe(3);
  });

  test('an empty merged area below the used range (which need not count it) is not cut either (found by the fuzz test)', async () => {
    const { excel, host } = headed();
    excel.model.sheet('表')!.merges.push({ top: 6, left: 1, bottom: 6, right: 4 });
    const result = await host.applyPlan({ command: 'add-year', summary: 't', notices: [], edits: [{ kind: 'insertColumn', sheet: '表', col: 4, formatFrom: 3 }] });
    expect(result.skipped).toEqual([]);
    expect(excel.model.sheet('表')!.merges).toContainEqual({ top: 6, left: 1, bottom: 6, right: 5 });
  });
});

describe('change events: co-authors and Ctrl+Z (excel-add-ins-events, coauthoring)', () => {
  const ctx = { lang: 'ja' as const, settings: normaliseSettings(null) };
  const tick = () => new Promise((r) => setTimeout(r, 20));

  async function live() {
    const fake = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { reportTriggerSource: true });
    const host = new ExcelHost(fake.env());
    const wb = await loadWorkbook(host, ctx);
    const kpi = wb.model.sheets[0].kpis[0];
    const changes: CellChange[] = [];
    const off = await host.changeSource().subscribe((c) => changes.push(c));
    return { fake, host, wb, kpi, changes, off };
  }

  test('double: a co-author\'s edit arrives with source "Remote"; an add-in column insert as ColumnInserted', async () => {
    const fake = new FakeExcel(FakeModel.fromSnapshot({ sheet: 'A', origin: { row: 1, col: 1 }, values: [['a']] }));
    const seen: { source: string; changeType: string }[] = [];
    await fake.env().run({}, async (context) => {
      context.workbook.worksheets.getItem('A').onChanged.add(async (e) => void seen.push(e as { source: string; changeType: string }));
      await context.sync();
    });
    fake.remoteEdit('A', 'B2', 'x');
    await fake.env().run({}, async (context) => {
      context.workbook.worksheets.getItem('A').getRange('B:B').insert('Right');
      await context.sync();
    });
    await tick();
    expect(seen.map((e) => [e.source, e.changeType])).toEqual([
      ['Remote', 'RangeEdited'],
      ['Local', 'ColumnInserted'],
    ]);
  });

  test('a co-author\'s edit is not reported to live checking (their own pane checks it)', async () => {
    const { fake, kpi, changes, off } = await live();
    fake.remoteEdit(SAMPLE_SHEET, `H${kpi.row}`, '40件');
    await tick();
    expect(changes).toEqual([]);
    fake.userEdit(SAMPLE_SHEET, `H${kpi.row}`, '41件');
    await tick();
    expect(changes).toHaveLength(1);
    await off();
  });

  test('the user\'s Ctrl+Z of a live rate write is reported and not written again', async () => {
    const { fake, host, wb, kpi, changes, off } = await live();
    const sheet = fake.model.sheet(SAMPLE_SHEET)!;
    fake.userEdit(SAMPLE_SHEET, `H${kpi.row}`, '40件');
    await tick();
    const first = await recheckAfterEdit(host, wb, changes[0], ctx);
    expect(first.written).toBe(1);
    expect(sheet.cell(kpi.rateRow, 8).value).toBe('88.9%');
    // Within the add-in's echo window: Excel's triggerSource says it is not the add-in's write.
    fake.userUndo(SAMPLE_SHEET, `H${kpi.rateRow}`, null);
    await tick();
    expect(changes.map((c) => c.address)).toEqual([`H${kpi.row}`, `H${kpi.rateRow}`]);
    const second = await recheckAfterEdit(host, first.workbook, changes[1], ctx);
    expect(second.written).toBe(0);
    expect(sheet.cell(kpi.rateRow, 8).value).toBeNull();
    await off();
  });
});

describe('document settings: one copy per runtime (persisting-add-in-state-and-settings)', () => {
  test('double: a runtime sees what another saved only after refreshAsync; a save stores the whole copy', async () => {
    const doc = new FakeDocument();
    const pane = doc.runtime();
    const ribbon = doc.runtime();
    pane.set('a', 1);
    await new Promise<void>((r) => pane.saveAsync(() => r()));
    expect(ribbon.get('a')).toBeNull();
    await new Promise<void>((r) => ribbon.saveAsync(() => r()));
    expect(doc.stored).toEqual({});
  });

  test('the ribbon\'s status save does not undo the pane\'s settings save, nor the other way round', async () => {
    const doc = new FakeDocument();
    const pane = doc.runtime();
    const ribbon = doc.runtime();
    await new WorkbookSettingsStore<{ lang: string }>(pane).save({ lang: 'en' });
    await saveCommandStatus(ribbon, 'チェックしました');
    expect(await new WorkbookSettingsStore<{ lang: string }>(doc.runtime()).load()).toEqual({ lang: 'en' });
    // The pane, open since before, takes the ribbon's status and then saves settings again.
    expect((await takeCommandStatus(pane))?.text).toBe('チェックしました');
    await new WorkbookSettingsStore<{ lang: string }>(ribbon).save({ lang: 'ja' });
    expect(await new WorkbookSettingsStore<{ lang: string }>(pane).load()).toEqual({ lang: 'ja' });
    expect(await takeCommandStatus(doc.runtime())).toBeNull();
  });
});

describe('ribbon function commands and their dialog (Add-in commands, Dialog API pages)', () => {
  test('the status dialog page calls no Office API but messageParent / isSetSupported (nor imports code that does)', () => {
    const source = readFileSync(join(ROOT, 'src', 'commands', 'status.ts'), 'utf8');
    const officeUses = [...source.matchAll(/Office\.[\w.]+/g)].map((m) => m[0]);
    expect(officeUses.filter((u) => !['Office.context.ui.messageParent', 'Office.context.requirements.isSetSupported', 'Office.onReady'].includes(u))).toEqual([]);
    expect(source).not.toMatch(/from '\.\.\/taskpane\/office'/);
  });

  test('a command holds its status dialog seconds, not a minute, before event.completed()', () => {
    expect(closeAfterMs).toBeLessThanOrEqual(10_000);
  });
});

describe('hidden sheets', () => {
  test('going to a cell of a hidden sheet neither throws nor unhides it', async () => {
    const model = FakeModel.fromSnapshot({ sheet: 'A', origin: { row: 1, col: 1 }, values: [['a']] });
    const hidden = FakeModel.fromSnapshot({ sheet: 'B', origin: { row: 1, col: 1 }, values: [['b']] }).sheets[0];
    hidden.visibility = 'Hidden';
    model.sheets.push(hidden);
    const excel = new FakeExcel(model);
    const host = new ExcelHost(excel.env());
    await expect(host.selectCell('B', 'A1')).resolves.toBeUndefined();
    expect(hidden.visibility).toBe('Hidden');
    await host.selectCell('A', 'A1');
    expect(excel.model.selection).toEqual({ sheet: 'A', address: 'A1' });
  });
});

describe('hyperlinks: address and documentReference (Excel.RangeHyperlink; office-scripts-docs-reference#323)', () => {
  /** 表!A1 holds a sheet number; its link, when given, is stored as Excel stores it. */
  function linked(link: FakeLink | null) {
    const model = FakeModel.fromSnapshot({ sheet: '表', origin: { row: 1, col: 1 }, values: [['01', 'x']] });
    model.sheets[0].put(1, 1, { hyperlink: link });
    const excel = new FakeExcel(model);
    return { excel, host: new ExcelHost(excel.env()) };
  }
  const setLink = (excel: FakeExcel, link: Excel.RangeHyperlink) =>
    excel.env().run({}, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('B1').hyperlink = link;
      await context.sync();
    });

  test('double: "file#place" written as an address comes back split; a place written as an address, or both parts, are refused', async () => {
    const { excel } = linked(null);
    await setLink(excel, { address: "管理.xlsx#'01'!A1" });
    const read = await excel.env().run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('B1').load('hyperlink');
      await context.sync();
      return range.hyperlink;
    });
    expect(read).toMatchObject({ address: '管理.xlsx', documentReference: "'01'!A1" });
    await expect(setLink(excel, { address: "#'01'!A1" })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(setLink(excel, { address: '管理.xlsx', documentReference: "'01'!A1" })).rejects.toMatchObject({ code: 'InvalidArgument' });
    // Without "#" an address is a file or a web page, even one that reads like a sheet: no place in this workbook.
    await setLink(excel, { address: "'01'!A1" });
    expect(fakeLinkTarget(excel.model.sheet('表')!.cell(1, 2).hyperlink!)).toBe("'01'!A1");
    await setLink(excel, { documentReference: "'01'!A1" });
    expect(fakeLinkTarget(excel.model.sheet('表')!.cell(1, 2).hyperlink!)).toBe("#'01'!A1");
  });

  test("a link to a management sheet in another file is read as that file's link, not as one inside this workbook", async () => {
    const { host } = linked({ address: '管理.xlsx', documentReference: "'01'!A1" });
    const extras = await host.readExtras([{ sheet: '表', row: 1, col: 1 }]);
    expect(extras['表']['1,1'].hyperlink).toBe("管理.xlsx#'01'!A1");
  });

  test('a link to another file replacing a link to a defined name: written, and undone, in the parts Excel keeps', async () => {
    const { excel, host } = linked({ documentReference: '進行管理01' });
    const external: CellEdit = { kind: 'setHyperlink', sheet: '表', row: 1, col: 1, link: { sheet: '01', cell: 'A1', file: '管理.xlsx' } };
    const done = await runCommand(host, plan([external]));
    expect(done.skipped).toEqual([]);
    expect(excel.model.sheet('表')!.cell(1, 1).hyperlink).toEqual({ address: '管理.xlsx', documentReference: "'01'!A1" });
    const undone = await undoLast(host);
    expect(undone.skipped).toEqual([]);
    expect(excel.model.sheet('表')!.cell(1, 1).hyperlink).toEqual({ documentReference: '進行管理01' });
  });
});
