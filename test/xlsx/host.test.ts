import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../src/xlsx/host';
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { cleanUndoRecord, readUndoRecord, runCommand, undoLast } from '../../src/core/session';
import { CHUNK, UNDO_SHEET } from '../../src/core/undo';
import { diffWorkbooks } from '../support/workbook-diff';

const plan = (edits: CellEdit[], command: EditPlan['command'] = 'fill'): EditPlan => ({ command, summary: 'test', edits, notices: [] });

async function smallHost(): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  wb.addWorksheet('01');
  ws.getCell('A1').value = 'KPI';
  ws.getCell('B1').value = 0.5;
  ws.getCell('B1').numFmt = '0.0%';
  ws.getCell('C1').value = '08';
  ws.getCell('D1').value = 'メモ付き';
  ws.getCell('D1').note = '元のメモ';
  ws.getCell('E1').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.4 } } as ExcelJS.Fill;
  return XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** A host over the file of a workbook changed directly in exceljs (a host opened from bytes saves only the edits it applied). */
async function reopen(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await XlsxHost.fromWorkbook(wb).toBuffer());
}

async function sheetXml(bytes: Uint8Array, n = 1): Promise<{ sheet: string; rels: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    sheet: await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string'),
    rels: (await zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`)?.async('string')) ?? '',
  };
}

describe('XlsxHost.applyPlan', () => {
  test('setCell checks the expectation: a changed cell is skipped and reported, nothing written', async () => {
    const host = await smallHost();
    const r = await host.applyPlan(plan([
      { kind: 'setCell', sheet: '表', row: 1, col: 2, expect: { value: 0.7, formula: null }, content: { value: 0.9 } },
      { kind: 'setCell', sheet: '表', row: 1, col: 6, expect: { value: null, formula: null }, content: { value: '68.9%' } },
    ]));
    expect(r.applied).toBe(1);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].reason).toBe('changed');
    expect(r.skipped[0].detail).toContain('B1');
    const ws = host.workbook.getWorksheet('表')!;
    expect(ws.getCell('B1').value).toBe(0.5);
    expect(ws.getCell('F1').value).toBe('68.9%');
  });

  test('text that looks like a formula is stored as text, never as a formula', async () => {
    const host = await smallHost();
    await host.applyPlan(plan([
      { kind: 'setCell', sheet: '表', row: 2, col: 1, expect: null, content: { value: '=SUM(B1:B9)' } },
      { kind: 'setCell', sheet: '表', row: 2, col: 2, expect: null, content: { value: '+81-90' } },
      { kind: 'setNote', sheet: '表', row: 2, col: 3, note: '=HYPERLINK("http://x")' },
      { kind: 'addSheet', sheet: '新', visibility: 'visible', rows: [['@cmd', '-1+2']] },
    ]));
    const bytes = await host.toBuffer();
    const { sheet } = await sheetXml(bytes);
    expect(sheet).not.toMatch(/<f>/);
    const back = await XlsxHost.fromBuffer(bytes);
    expect(back.workbook.getWorksheet('表')!.getCell('A2').value).toBe('=SUM(B1:B9)');
    expect(back.workbook.getWorksheet('新')!.getCell('A1').value).toBe('@cmd');
  });

  test('internal links are real internal links (location only), external ones file + location', async () => {
    const host = await smallHost();
    await host.applyPlan(plan([
      { kind: 'setHyperlink', sheet: '表', row: 1, col: 3, link: { sheet: '01', cell: 'A1', tooltip: '進行管理シート 08' } },
      { kind: 'setHyperlink', sheet: '表', row: 1, col: 1, link: { sheet: "No.08 'a'", cell: 'B2', file: '../管理/management-sheets.xlsx' } },
    ], 'link'));
    const bytes = await host.toBuffer();
    const { sheet, rels } = await sheetXml(bytes);
    const tags = (sheet.match(/<hyperlink\b[^>]*>/g) ?? []).map((tag) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")])));
    expect(tags).toContainEqual({ ref: 'C1', location: "'01'!A1", tooltip: '進行管理シート 08' });
    const ext = /<hyperlink ref="A1" r:id="(rId\d+)"/.exec(sheet);
    expect(tags).toContainEqual({ ref: 'A1', 'r:id': ext![1], location: "'No.08 ''a'''!B2" });
    expect(rels).toContain(`Id="${ext![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="../管理/management-sheets.xlsx" TargetMode="External"`);
    expect(rels).not.toContain('#');
    // read back: exceljs alone loses location-only links; the host restores them
    const back = await XlsxHost.fromBuffer(bytes);
    const ws = back.workbook.getWorksheet('表')!;
    expect(ws.getCell('C1').hyperlink).toBe("#'01'!A1");
    expect(ws.getCell('C1').value).toMatchObject({ text: '08' });
    expect(ws.getCell('A1').hyperlink).toBe("../管理/management-sheets.xlsx#'No.08 ''a'''!B2");
    const snap = await back.readSnapshot('表');
    expect(snap.extras?.['1,3']?.hyperlink).toBe("#'01'!A1");
  });

  test('a note on an empty cell survives save and reopen', async () => {
    const host = await smallHost();
    await host.applyPlan(plan([{ kind: 'setNote', sheet: '表', row: 5, col: 5, note: '空のセルのメモ' }], 'flag'));
    const back = await XlsxHost.fromBuffer(await host.toBuffer());
    expect(back.workbook.getWorksheet('表')!.getCell('E5').note).toBe('空のセルのメモ');
  });

  test('every kind applied then its inverse gives back the workbook exactly, across save/reopen', async () => {
    const host = await smallHost();
    const before = await host.toBuffer();
    const r = await host.applyPlan(plan([
      { kind: 'setCell', sheet: '表', row: 1, col: 2, expect: { value: 0.5, formula: null }, content: { formula: '=1/3', value: 0.333, numberFormat: '0.00%' } },
      { kind: 'setFill', sheet: '表', row: 1, col: 5, fill: '#FFC7CE' },
      { kind: 'setFill', sheet: '表', row: 1, col: 2, fill: '#FFC7CE' },
      { kind: 'setNote', sheet: '表', row: 1, col: 4, note: '新しいメモ' },
      { kind: 'setNote', sheet: '表', row: 1, col: 2, note: '追加' },
      { kind: 'setHyperlink', sheet: '表', row: 1, col: 3, link: { sheet: '01', cell: 'A1' } },
      { kind: 'insertColumn', sheet: '表', col: 2, formatFrom: 2 },
      { kind: 'merge', sheet: '表', range: { top: 3, left: 1, bottom: 3, right: 3 } },
      { kind: 'setColumnWidth', sheet: '表', col: 1, width: 30 },
      { kind: 'addSheet', sheet: '追加', visibility: 'hidden', rows: [['a', 1]] },
    ], 'add-year'));
    expect(r.skipped).toEqual([]);
    expect(r.applied).toBe(10);
    const changed = await XlsxHost.fromBuffer(await host.toBuffer());
    expect((await diffWorkbooks(before, changed)).length).toBeGreaterThan(5);
    const undo = await changed.applyPlan(plan(r.inverse, 'undo'));
    expect(undo.skipped).toEqual([]);
    expect(await diffWorkbooks(before, await changed.toBuffer())).toEqual([]);
  });
});

test('deleting a sheet and undoing puts back its cells, links, notes, fills, merges and widths', async () => {
  let host = await smallHost();
  const ws = host.workbook.addWorksheet('点検結果');
  ws.getCell('A1').value = '題';
  ws.mergeCells('A1:C1');
  ws.getCell('B2').value = { formula: 'LEN(A1)', result: 1 };
  ws.getCell('C2').value = { text: 'E5', hyperlink: "#'表'!E5" };
  ws.getCell('C3').value = 0.25;
  ws.getCell('C3').numFmt = '0.0%';
  ws.getCell('D4').note = '空セルのメモ';
  ws.getCell('A4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getColumn(3).width = 40;
  host = await reopen(host.workbook);
  const before = await host.toBuffer();
  const r = await host.applyPlan(plan([{ kind: 'deleteSheet', sheet: '点検結果' }], 'report'));
  expect((await host.listSheets()).map((x) => x.name)).toEqual(['表', '01']);
  const back = await XlsxHost.fromBuffer(await host.toBuffer());
  expect((await back.applyPlan(plan(r.inverse, 'undo'))).skipped).toEqual([]);
  expect(await diffWorkbooks(before, await back.toBuffer())).toEqual([]);
});

describe('undo record', () => {
  test('runCommand records inverses in a veryHidden sheet, chunked under the cell limit; undo restores; clean removes', async () => {
    const small = await smallHost();
    const long = 'あ'.repeat(20000);
    // long prior notes make a long inverse: the record must be split over several cells
    for (let i = 0; i < 4; i++) small.workbook.getWorksheet('表')!.getCell(10 + i, 1).note = long + i;
    const host = await reopen(small.workbook);
    const before = await host.toBuffer();
    const edits: CellEdit[] = [];
    for (let i = 0; i < 4; i++) edits.push({ kind: 'setNote', sheet: '表', row: 10 + i, col: 1, note: null });
    await runCommand(host, plan(edits, 'flag'));
    await runCommand(host, plan([{ kind: 'setCell', sheet: '表', row: 1, col: 2, expect: { value: 0.5, formula: null }, content: { value: 0.25 } }], 'fill'));
    const bytes = await host.toBuffer();
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(new RegExp(`<sheet name="${UNDO_SHEET}" sheetId="\\d+" state="veryHidden"`));
    const reopened = await XlsxHost.fromBuffer(bytes);
    const snap = await reopened.readSnapshot(UNDO_SHEET);
    const chunks = snap.values.slice(1).map((r) => r[0]).filter((v) => typeof v === 'string') as string[];
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(CHUNK + 1);
    const record = await readUndoRecord(reopened);
    expect(record.entries.map((e) => e.command)).toEqual(['flag', 'fill']);
    expect(record.entries[1].owned).toEqual([{ sheet: '表', row: 1, col: 2, value: 0.25, formula: null }]);

    const u1 = await undoLast(reopened);
    expect(u1.undone?.command).toBe('fill');
    expect(reopened.workbook.getWorksheet('表')!.getCell('B1').value).toBe(0.5);
    const again = await XlsxHost.fromBuffer(await reopened.toBuffer());
    expect((await readUndoRecord(again)).entries).toHaveLength(1);
    await undoLast(again);
    expect(await diffWorkbooks(before, await again.toBuffer())).toEqual([]);
    expect((await undoLast(again)).undone).toBeNull();

    await runCommand(reopened, plan([{ kind: 'setFill', sheet: '表', row: 1, col: 1, fill: '#FF0000' }], 'flag'));
    expect(await cleanUndoRecord(reopened)).toBe(2);
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(['表', '01']);
  });

  test('undo skips and reports a cell the user changed after the command', async () => {
    const host = await smallHost();
    await runCommand(host, plan([{ kind: 'setCell', sheet: '表', row: 1, col: 6, expect: { value: null, formula: null }, content: { value: '50.0%' } }], 'fill'));
    host.workbook.getWorksheet('表')!.getCell('F1').value = '利用者の入力';
    const r = await undoLast(host);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].reason).toBe('changed');
    expect(host.workbook.getWorksheet('表')!.getCell('F1').value).toBe('利用者の入力');
  });
});
