/**
 * Undo never destroys work done after the command (issue #16), on both hosts: the .xlsx host and the
 * Excel host on the strict double. The decision is the core's (src/core/undo.ts planUndo, guardInverse,
 * src/core/apply-rules.ts marksConflict); the hosts only read and write.
 */
import type { ProgressHost } from '../../src/core/host';
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { planAddYear } from '../../src/core/plans/add-year';
import { planFlag } from '../../src/core/plans/flag';
import { planDefinitions } from '../../src/core/plans/definitions';
import { loadWorkbook as readPlanInput } from '../../src/app';
import { readUndoRecord, runCommand, undoLast } from '../../src/core/session';
import { cellKey, valueAt } from '../../src/core/snapshot';
import { ExcelHost } from '../../src/excel/host';
import { XlsxHost } from '../../src/xlsx/host';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET as S } from '../support/sample';

const hosts: [string, () => Promise<ProgressHost>][] = [
  ['xlsx', async () => XlsxHost.fromWorkbook(await loadSampleWorkbook())],
  ['excel', async () => new ExcelHost(new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook())).env())],
];

/** The user's own edits, written through the host as typing would (not recorded). */
const user = (host: ProgressHost, edits: CellEdit[]) => host.applyPlan({ command: 'fill', summary: 'user', edits, notices: [] } as EditPlan);
const cell = async (host: ProgressHost, row: number, col: number) => valueAt(await host.readSnapshot(S), row, col);

async function marks(host: ProgressHost, row: number, col: number) {
  const snap = await host.readSnapshot(S);
  const read = host.readExtras ? (await host.readExtras([{ sheet: S, row, col }]))[S] ?? {} : {};
  return { ...snap.extras?.[cellKey(row, col)], ...read[cellKey(row, col)] };
}

describe.each(hosts)('%s host: undo keeps later work', (_name, make) => {
  test('add-year, then the user types R7 values: undo keeps the column and the values, says partly undone, the record keeps it', async () => {
    const host = await make();
    const done = await runCommand(host, planAddYear(await readPlanInput(host)));
    expect(done.entry).toBe(1);
    expect(await cell(host, 10, 12)).toBe('R7');
    await user(host, [{ kind: 'setCell', sheet: S, row: 11, col: 12, expect: null, content: { value: '40件' } }]);
    const u = await undoLast(host);
    expect(u.partial).toBe(true);
    expect(u.skipped.length).toBeGreaterThan(0);
    expect(u.skipped.some((s) => s.edit.kind === 'deleteColumn' && /L: holds what was entered later: L11/.test(s.detail))).toBe(true);
    expect([await cell(host, 10, 12), await cell(host, 11, 12), await cell(host, 10, 11)]).toEqual(['R7', '40件', 'R6']);
    const record = await readUndoRecord(host);
    expect(record.entries).toHaveLength(1);
    expect(record.entries[0]).toMatchObject({ command: 'add-year', partial: true });
    expect(record.entries[0].inverse.some((e) => e.kind === 'deleteColumn')).toBe(true);
    // once the user clears what they typed, undo finishes the job
    await user(host, [{ kind: 'setCell', sheet: S, row: 11, col: 12, expect: null, content: { value: null } }]);
    const again = await undoLast(host);
    expect([again.partial, again.skipped]).toEqual([false, []]);
    expect(await cell(host, 10, 12)).not.toBe('R7');
    expect((await readUndoRecord(host)).entries).toEqual([]);
  });

  test('add-year, then the user inserts a column before it: undo deletes neither R6 nor anything else', async () => {
    const host = await make();
    await runCommand(host, planAddYear(await readPlanInput(host)));
    const before = await host.readSnapshot(S);
    await user(host, [{ kind: 'insertColumn', sheet: S, col: 11, formatFrom: 10 }]);
    // R6 is now M... no: K is the new empty column, R6 moved to L, R7 to M
    expect([await cell(host, 10, 12), await cell(host, 10, 13)]).toEqual(['R6', 'R7']);
    const u = await undoLast(host);
    expect(u.partial).toBe(true);
    const after = await host.readSnapshot(S);
    expect([valueAt(after, 10, 12), valueAt(after, 10, 13)]).toEqual(['R6', 'R7']);
    // every R6 value is still there, one column to the right
    for (let r = 11; r < 60; r++) expect(valueAt(after, r, 12)).toEqual(valueAt(before, r, 11));
    expect((await readUndoRecord(host)).entries).toHaveLength(1);
  });

  test('flag, then the user appends to one note and recolours another cell: undo keeps both, undoes the rest', async () => {
    const host = await make();
    const plan = planFlag(await readPlanInput(host));
    await runCommand(host, plan);
    const notes = plan.edits.filter((e): e is Extract<CellEdit, { kind: 'setNote' }> => e.kind === 'setNote');
    const fills = plan.edits.filter((e): e is Extract<CellEdit, { kind: 'setFill' }> => e.kind === 'setFill');
    expect(notes.length).toBeGreaterThan(3);
    const [n, f, other] = [notes[0], fills[1], fills[2]];
    const appended = `${n.note}\n担当: 確認済み`;
    await user(host, [
      { kind: 'setNote', sheet: S, row: n.row, col: n.col, note: appended },
      { kind: 'setFill', sheet: S, row: f.row, col: f.col, fill: '#00B050' },
    ]);
    const u = await undoLast(host);
    expect(u.partial).toBe(true);
    expect(u.skipped.map((s) => [s.edit.kind, s.edit.sheet, 'row' in s.edit ? s.edit.row : 0])).toEqual(
      expect.arrayContaining([
        ['setNote', S, n.row],
        ['setFill', S, f.row],
      ]),
    );
    expect(u.skipped).toHaveLength(2);
    expect((await marks(host, n.row, n.col)).note).toBe(appended);
    expect((await marks(host, f.row, f.col)).fill).toBe('#00B050');
    expect((await marks(host, other.row, other.col)).fill).toBeUndefined();
    const record = await readUndoRecord(host);
    expect(record.entries[0].inverse).toHaveLength(2);
  });

  test('definitions, then the user types into KPI定義: undo keeps the sheet; untouched, undo removes it', async () => {
    const host = await make();
    await runCommand(host, planDefinitions(await readPlanInput(host)));
    await user(host, [{ kind: 'setCell', sheet: 'KPI定義', row: 2, col: 2, expect: null, content: { value: '人（確認済み）' } }]);
    const u = await undoLast(host);
    expect(u.partial).toBe(true);
    expect((await host.listSheets()).map((s) => s.name)).toContain('KPI定義');
    expect(valueAt(await host.readSnapshot('KPI定義'), 2, 2)).toBe('人（確認済み）');

    const fresh = await make();
    await runCommand(fresh, planDefinitions(await readPlanInput(fresh)));
    const v = await undoLast(fresh);
    expect([v.partial, v.skipped]).toEqual([false, []]);
    expect((await fresh.listSheets()).map((s) => s.name)).not.toContain('KPI定義');
  });
});

test('.xlsx host: flag, then the user inserts a row above the tables: undo clears no wrong cell and keeps the record', async () => {
  const host = XlsxHost.fromWorkbook(await loadSampleWorkbook());
  const plan = planFlag(await readPlanInput(host));
  await runCommand(host, plan);
  const ws = host.workbook.getWorksheet(S)!;
  ws.insertRow(5, []);
  const before = await host.readSnapshot(S);
  const flagged = plan.edits.filter((e): e is Extract<CellEdit, { kind: 'setFill' }> => e.kind === 'setFill');
  const u = await undoLast(host);
  expect(u.partial).toBe(true);
  expect(u.applied).toBe(0);
  const after = await host.readSnapshot(S);
  expect(after.extras).toEqual(before.extras);
  // the flags moved down a row with their cells and are still there
  for (const e of flagged.slice(0, 5)) expect(after.extras?.[cellKey(e.row + 1, e.col)]?.fill).toBe(e.fill);
  expect((await readUndoRecord(host)).entries[0].inverse.length).toBe(plan.edits.length);
});
