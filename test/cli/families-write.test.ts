/**
 * Issue #11: the writing commands on the layout families, through real .xlsx files as the CLI runs
 * them: add-year in each family's own shape, fill into the layout's rate cells, flag on the latest
 * rate or actual cell, definitions and report; then undo --all gives back the input exactly.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { diffWorkbooks } from '../support/workbook-diff';
import { familyBuffer, type FamilyName } from '../support/families/build';
import { FLAG_COLOURS } from '../../src/core/plans/flag';

const dir = mkdtempSync(join(tmpdir(), 'kpi-families-w-'));
const at = (name: string) => join(dir, name);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
async function checkDoc(file: string): Promise<any> {
  return JSON.parse((await run('check', file, '--json')).out);
}

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

const fillOf = (ws: ExcelJS.Worksheet, address: string) => {
  const f = ws.getCell(address).fill as ExcelJS.FillPattern | undefined;
  return f?.fgColor?.argb?.slice(-6).toUpperCase() ?? null;
};

/** add-year → fill --fix → flag → definitions → report, each from the previous file; then undo --all. */
async function chain(name: FamilyName): Promise<{ input: string; files: string[] }> {
  const input = at(`${name}.xlsx`);
  writeFileSync(input, await familyBuffer(name));
  const steps: [string, ...string[]][] = [['add-year'], ['fill', '--fix'], ['flag'], ['definitions'], ['report']];
  const files: string[] = [];
  let current = input;
  for (const [cmd, ...rest] of steps) {
    const out = at(`${name}-${files.length + 1}.xlsx`);
    const r = await run(cmd, current, '-o', out, ...rest);
    // a command with nothing to change writes no file and says so: go on from the same file
    const wrote = existsSync(out);
    expect([name, cmd, wrote ? r.code : 2, r.err === '' || !wrote]).toEqual([name, cmd, wrote ? 0 : 2, true]);
    current = wrote ? out : current;
    files.push(current);
  }
  const undone = at(`${name}-undone.xlsx`);
  const u = await run('undo', current, '-o', undone, '--all');
  expect([u.code, u.err]).toEqual([0, '']);
  expect(await diffWorkbooks(readFileSync(input), readFileSync(undone))).toEqual([]);
  return { input, files };
}

test('row-years: add-year inserts R3実績 and R3達成率 side by side; fill corrects I6 with a formula; flag marks the latest rate cell; undo restores', async () => {
  const { files } = await chain('row-years');
  const added = await sheetOf(files[0], 'KPI実績');
  expect([added.getCell('J3').value, added.getCell('K3').value, added.getCell('L3').value]).toEqual(['R3実績', 'R3達成率', '担当課']);
  const doc = await checkDoc(files[0]);
  expect(doc.sheets[0].tableList[0].layout).toBe('row-years');
  expect(Object.keys(doc.sheets[0].kpis[0].actuals)).toEqual(['2019', '2020', '2021']);
  expect(Object.keys(doc.sheets[0].kpis[0].printedRates)).toEqual(['2019', '2020', '2021']);
  const filled = await sheetOf(files[1], 'KPI実績');
  expect(filled.getCell('I6').value).toMatchObject({ formula: 'IF(H6="","",IFERROR(ROUND(H6/$E6,3),""))' });
  expect((await checkDoc(files[1])).sheets[0].findings.filter((f: any) => f.rule === 'rate-mismatch')).toEqual([]);
  const flagged = await sheetOf(files[2], 'KPI実績');
  // the grade (and so the colour) is the grading method's choice; the cell is the latest rate's
  expect(Object.values(FLAG_COLOURS).map((c) => c.slice(1))).toContain(fillOf(flagged, 'I5'));
  expect(fillOf(flagged, 'H5')).toBeNull();
});

test('side-by-side: add-year adds a target and an actual column, each inside its merged group; flag marks the latest actual; nothing to fill', async () => {
  const { files } = await chain('side-by-side');
  const ws = await sheetOf(files[0], '成果指標');
  expect([ws.getCell('G4').value, ws.getCell('H4').value, ws.getCell('I4').value, ws.getCell('N4').value]).toEqual(['H31', 'R2', 'H27', 'R2']);
  expect(ws.model.merges).toEqual(expect.arrayContaining(['C3:H3', 'I3:N3']));
  const doc = await checkDoc(files[0]);
  const k = doc.sheets[0].kpis[0];
  expect(Object.keys(k.targets)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
  expect(Object.keys(k.actuals)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
  expect(k.rateRow).toBeNull();
  expect((await run('fill', files[0], '--dry-run')).out).toMatch(/達成率 0 セルを記入/);
  const flagged = await sheetOf(files[2], '成果指標');
  // 転入者数: latest readable actual is H28 (4,120), now column J after the inserted target column
  expect(fillOf(flagged, 'J5')).not.toBeNull();
  expect(flagged.getCell('J5').note).toBeDefined();
});

test('block: add-year puts R1 before 目標値 H31 on every KPI sheet; fill corrects KPI2!D7 against its 期待値; undo restores', async () => {
  const { files } = await chain('block');
  for (const name of ['KPI1', 'KPI2']) {
    const ws = await sheetOf(files[0], name);
    expect([ws.getCell('G4').value, ws.getCell('H4').value, ws.getCell('I4').value]).toEqual(['H30', 'R1', '目標値 H31']);
  }
  const doc = await checkDoc(files[0]);
  expect(doc.sheets[1].kpis[0].actuals).toHaveProperty('2019');
  const filled = await sheetOf(files[1], 'KPI2');
  expect(filled.getCell('D7').value).toBe('94.0%');
  const after = await checkDoc(files[1]);
  expect(after.sheets.flatMap((s: any) => s.findings.map((f: any) => f.rule))).not.toContain('rate-mismatch');
  const flagged = await sheetOf(files[2], 'KPI2');
  expect(fillOf(flagged, 'E7')).not.toBeNull();
});

test('row-text: fill corrects E5 in the rate column; add-year leaves a latest-year-only table alone and says so', async () => {
  const { files } = await chain('row-text');
  expect((await sheetOf(files[1], 'KPI達成状況')).getCell('E5').value).toBe('24.0%');
  const input = at('row-text.xlsx');
  expect((await run('add-year', input, '--dry-run')).out).toContain('最新年度だけを載せる形式');
});

test('row-latest: flag marks the latest actual of KPIs behind; definitions lists every KPI', async () => {
  const { files } = await chain('row-latest');
  const flagged = await sheetOf(files[2], '評価一覧');
  expect(fillOf(flagged, 'C7')).not.toBeNull();
  const defs = await sheetOf(files[3], 'KPI定義');
  const names: string[] = [];
  defs.eachRow((row) => names.push(String(row.getCell(1).value ?? '')));
  expect(names).toEqual(expect.arrayContaining(['有害鳥獣による農作物年間被害額', '新規就農者数', '観光入込客数', '企業誘致件数']));
});

test('mixed workbook: add-year in every family at once, and undo gives the input back', async () => {
  const { files } = await chain('mixed');
  const doc = await checkDoc(files[0]);
  expect(doc.sheets.map((s: any) => [s.sheet, s.tableList[0].layout])).toEqual([
    ['進捗状況一覧表', 'two-row'], ['評価一覧', 'row-latest'], ['KPI達成状況', 'row-text'], ['KPI1', 'block'], ['KPI2', 'block'], ['成果指標', 'side-by-side'], ['KPI実績', 'row-years'],
  ]);
  expect(Object.keys(doc.sheets[0].kpis[0].actuals)).toEqual(['2019', '2020', '2021']);
});
