/**
 * The KPI定義 sheet end to end through the CLI: `definitions` writes it into a copy of the sample,
 * a person edits it with Excel (exceljs here), `check` judges the table against it.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'progress-sheet.xlsx');

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

test('definitions → edit 目標値 and an unreadable 方向 → check finds the drift and says which cell is unreadable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-defs-'));
  const withDefs = join(dir, 'with-defs.xlsx');
  expect((await run('definitions', SAMPLE, '-o', withDefs)).code).toBe(0);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(withDefs);
  const defs = wb.getWorksheet('KPI定義')!;
  let row = 0;
  defs.eachRow((r, n) => { if (r.getCell(1).value === '新規創業件数 (H27～累計)') row = n; });
  expect(row).toBeGreaterThan(0);
  defs.getCell(row, 8).value = 50; // 目標値 45 → 50
  defs.getCell(row, 3).value = '上がる'; // 方向: not a word the sheet knows
  const edited = join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);

  const before = await run('check', withDefs, '--json');
  const doc = JSON.parse(before.out);
  expect(doc.sheets[0].findings.filter((f: { rule: string }) => f.rule === 'definition-drift')).toEqual([]);
  expect(doc.unrecognised).toEqual([]);

  const after = await run('check', edited, '--json');
  const docAfter = JSON.parse(after.out);
  expect(after.code).toBe(1);
  const drift = docAfter.sheets[0].findings.filter((f: { rule: string }) => f.rule === 'definition-drift');
  expect(drift.map((f: { cell: string }) => f.cell)).toEqual(['D11']);
  expect(docAfter.otherFindings).toEqual([expect.objectContaining({ rule: 'definition-drift', severity: 'warning', sheet: 'KPI定義', cell: `C${row}` })]);
  // The definition's target now drives the rate: 34 ÷ 50.
  expect(docAfter.sheets[0].kpis[0].rates['2020']).toBe(0.68);
});

test('check --management: シートNo. checked against the 進行管理シート workbook', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-mgmt-'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  wb.getWorksheet('進捗状況一覧表')!.getCell('N72').value = '99';
  const planted = join(dir, 'planted.xlsx');
  await wb.xlsx.writeFile(planted);
  const management = join(__dirname, '..', '..', 'assets', 'sample', 'management-sheets.xlsx');

  const clean = JSON.parse((await run('check', SAMPLE, '--json', '--management', management)).out);
  expect(clean.sheets[0].findings.filter((f: { rule: string }) => f.rule === 'sheet-number')).toEqual([]);
  const r = await run('check', planted, '--management', management);
  expect(r.out).toMatch(/ {2}シートNo\. \(sheet-number\): 1\n {4}\[注意\] 進捗状況一覧表!N72 [^\n]*（R2）: シートNo\.「99」に当たる進行管理シートがありません/);
  // Without the management workbook the number cannot be judged.
  expect((await run('check', planted)).out).not.toContain('sheet-number');
  expect((await run('check', planted, '--management', join(dir, 'missing.xlsx'))).code).toBe(2);
});
