/**
 * The yearly round (issue #17) done the way clerks do it: split the sample, fill copies (typed values,
 * a remark, a copy with an inserted row, one that also edits another department's KPI, two departments
 * that disagree on a shared KPI, one department that never answers, a renamed file), merge, undo.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { departments } from '../../src/core/compare';
import { planRound } from '../../src/core/compare/round';
import { XlsxHost } from '../../src/xlsx/host';
import { SAMPLE_PROGRESS, SAMPLE_SHEET, loadSampleWorkbook } from '../support/sample';
import { modelOf } from '../support/editions';
import { copySheet } from '../support/variants';

const dir = mkdtempSync(join(tmpdir(), 'kpi-round-'));
const copies = join(dir, 'copies');
const answers = join(dir, 'answers');
const copyOf = (d: string) => join(copies, `progress-sheet_${d}.xlsx`);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  return (await XlsxHost.fromBuffer(readFileSync(file))).workbook;
}

const value = (wb: ExcelJS.Workbook, cell: string) => wb.getWorksheet(SAMPLE_SHEET)!.getCell(cell).value;

/** A clerk opens the copy, types into open cells (as Excel would allow) and saves. */
async function answer(department: string, typed: Record<string, string | number>, as = `progress-sheet_${department}.xlsx`): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(copyOf(department));
  const ws = wb.getWorksheet(SAMPLE_SHEET)!;
  for (const [cell, v] of Object.entries(typed)) ws.getCell(cell).value = v;
  await wb.xlsx.writeFile(join(answers, as));
}

let master: ExcelJS.Workbook;
let depts: string[];
let split: { code: number; out: string };

beforeAll(async () => {
  master = await loadSampleWorkbook();
  depts = [...new Set(modelOf(master).sheets[0].kpis.flatMap((k) => departments(k.department)))];
  split = await run('split', SAMPLE_PROGRESS, '-o', copies, '--due', '2026-06-30', '--contact', '企画政策課 内線123');
  rmSync(answers, { recursive: true, force: true });
  mkdirSync(answers);
});

test('split: every 担当課 gets a protected copy with only its cells of the round open', async () => {
  expect(split.code).toBe(0);
  expect(split.out).toContain('R3（2021年度）の実績値を 10 課に配布します:');
  expect(readdirSync(copies).sort()).toEqual(depts.map((d) => `progress-sheet_${d}.xlsx`).sort());
  const round = planRound(modelOf(master));
  const masterSheet = master.getWorksheet(SAMPLE_SHEET)!;
  for (const d of depts) {
    const wb = await open(copyOf(d));
    expect(wb.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual(['記入のお願い:visible', `${SAMPLE_SHEET}:visible`, '_kpi_round:veryHidden']);
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const share = round.departments.find((x) => x.department === d)!;
    const expected = new Set(share.cells.map((c) => ws.getCell(c.row, c.col).address));
    const unlocked: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.protection?.locked === false && cell.type !== ExcelJS.ValueType.Merge) unlocked.push(cell.address);
      // The rest of the workbook is unchanged: every value as in the master.
      expect([cell.address, cell.value]).toEqual([cell.address, masterSheet.getCell(cell.address).value]);
    }));
    expect(new Set(unlocked)).toEqual(expected);
    const request = wb.getWorksheet('記入のお願い')!;
    expect(request.getCell('B3').value).toBe(d);
    expect(request.getCell('B5').value).toBe('2026-06-30');
    expect(request.getCell('B6').value).toBe('企画政策課 内線123');
    expect(request.getCell('B7').value).toBe(`progress-sheet/2021/${d}`);
    // The department's rows are highlighted, others not.
    const k = share.kpis[0];
    expect((ws.getCell(k.row, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
  }
  const shoko = await open(copyOf('商工振興課'));
  expect(shoko.getWorksheet(SAMPLE_SHEET)!.getCell('H11').protection?.locked).toBe(false);
  expect(shoko.getWorksheet(SAMPLE_SHEET)!.getCell('H29').protection?.locked).not.toBe(false);
  expect(shoko.getWorksheet(SAMPLE_SHEET)!.getCell('E11').protection?.locked).not.toBe(false);
});

test('merge: typed values land at their KPIs, foreign edits and disagreements are conflicts, the missing department is listed, undo restores', async () => {
  // 農林課: typed values and a remark; the file renamed by the clerk.
  await answer('農林課', { H21: '33人', M21: 'R3:新規就農者が増加', H82: '5経営体', H17: '460人' }, '回答_のうりん.xlsx');
  // 観光交流課: its own value, and a "correction" of 市民生活課's R2 actual.
  await answer('観光交流課', { H31: '60万人', F29: '600人' });
  // 商工振興課: a memo row inserted at the top (the clerk unprotected the sheet), then typed values; disagrees on H17.
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(copyOf('商工振興課'));
  src.getWorksheet(SAMPLE_SHEET)!.getCell('H11').value = '36件';
  src.getWorksheet(SAMPLE_SHEET)!.getCell('H17').value = '461人';
  const moved = new ExcelJS.Workbook();
  for (const ws of src.worksheets) {
    const to = moved.addWorksheet(ws.name, { state: ws.state });
    copySheet(ws, to, ws.name === SAMPLE_SHEET ? (row, col) => ({ row: row >= 5 ? row + 1 : row, col }) : undefined);
  }
  moved.getWorksheet(SAMPLE_SHEET)!.getCell('A5').value = '提出前メモ: 課長確認済み';
  await moved.xlsx.writeFile(join(answers, 'progress-sheet_商工振興課.xlsx'));
  // Everyone else returns the copy untouched, except 市民生活課, which never answers.
  for (const d of depts.filter((x) => !['農林課', '観光交流課', '商工振興課', '市民生活課'].includes(x))) copyFileSync(copyOf(d), join(answers, `progress-sheet_${d}.xlsx`));

  const out = join(dir, 'merged.xlsx');
  const r = await run('merge', SAMPLE_PROGRESS, answers, '-o', out, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(Object.keys(doc)).toEqual(['merged', 'conflicts', 'missing', 'findings']);
  const cells = (d: string) => doc.merged.find((m: { department: string }) => m.department === d).cells;
  expect(cells('農林課')).toEqual([
    { cell: 'H21', kpi: `${SAMPLE_SHEET}!21`, value: '33人' },
    { cell: 'M21', kpi: `${SAMPLE_SHEET}!21`, value: 'R3:新規就農者が増加' },
    { cell: 'H82', kpi: `${SAMPLE_SHEET}!82`, value: '5経営体' },
  ]);
  expect(cells('商工振興課')).toEqual([{ cell: 'H11', kpi: `${SAMPLE_SHEET}!11`, value: '36件' }]);
  expect(cells('観光交流課')).toEqual([{ cell: 'H31', kpi: `${SAMPLE_SHEET}!31`, value: '60万人' }]);
  expect(doc.merged.find((m: { department: string }) => m.department === '農林課').file).toBe(join(answers, '回答_のうりん.xlsx'));
  const conflicts = doc.conflicts.map((c: Record<string, unknown>) => `${c.department} ${c.cell} ${c.reason} ${c.master} ${c.answer}`).sort();
  expect(conflicts).toEqual([
    '商工振興課 H17 answers-disagree null 461人',
    '観光交流課 F29 other-department 598人 600人',
    '農林課 H17 answers-disagree null 460人',
  ]);
  expect(doc.conflicts.find((c: { reason: string }) => c.reason === 'other-department')).toEqual({
    file: join(answers, 'progress-sheet_観光交流課.xlsx'), department: '観光交流課', cell: 'F29', kpi: `${SAMPLE_SHEET}!29`, reason: 'other-department', master: '598人', answer: '600人',
  });
  expect(doc.missing).toEqual([{ department: '市民生活課', kpis: [`${SAMPLE_SHEET}!29`, `${SAMPLE_SHEET}!37`] }]);
  expect(doc.findings.some((f: { rule: string }) => f.rule === 'rate-mismatch')).toBe(true);

  const merged = await open(out);
  expect(value(merged, 'H21')).toBe('33人');
  expect(value(merged, 'M21')).toBe('R3:新規就農者が増加');
  expect(value(merged, 'H82')).toBe('5経営体');
  expect(value(merged, 'H11')).toBe('36件');
  expect(value(merged, 'H31')).toBe('60万人');
  expect(value(merged, 'F29')).toBe('598人');
  expect(value(merged, 'H17')).toBeNull();
  expect(merged.worksheets.map((w) => w.name)).not.toContain('記入のお願い');

  const undone = join(dir, 'undone.xlsx');
  expect((await run('undo', out, '-o', undone)).code).toBe(0);
  const back = await open(undone);
  const ws = back.getWorksheet(SAMPLE_SHEET)!;
  master.getWorksheet(SAMPLE_SHEET)!.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
    expect([cell.address, ws.getCell(cell.address).value]).toEqual([cell.address, cell.value]);
  }));
  for (const a of ['H21', 'M21', 'H82', 'H11', 'H31']) expect([a, ws.getCell(a).value]).toEqual([a, null]);
});

test('merge: the readable summary, and --dry-run writes nothing', async () => {
  const r = await run('merge', SAMPLE_PROGRESS, answers, '--dry-run');
  expect(r.code).toBe(1);
  expect(r.out).toContain('農林課（');
  expect(r.out).toContain(`${SAMPLE_SHEET}!H21 (内訳) 新規就農支援: (空) → 33人`);
  expect(r.out).toContain('競合 3 件（書き込んでいません）:');
  expect(r.out).toContain('F29 転入者数(単年度)【県人口移動調査(前年10～9月)】: 他の課のKPI — マスター 598人 / 回答 600人');
  expect(r.out).toContain('未回答 1 課（R3 が空のKPI）:');
  expect(r.out).toContain(`  市民生活課: ${SAMPLE_SHEET}!29, ${SAMPLE_SHEET}!37`);
});
