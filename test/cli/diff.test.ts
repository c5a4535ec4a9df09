/**
 * `kpi-progress diff` and `report --previous` on real .xlsx editions built from the sample: the summary
 * grouped by KPI, the --json contract of issue #15, exit statuses, and the 点検結果 sheet.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx/host';
import { SAMPLE_PROGRESS, loadSampleWorkbook } from '../support/sample';
import { plantChanges, r1Edition, r3Edition, type Planted } from '../support/editions';

const dir = mkdtempSync(join(tmpdir(), 'kpi-diff-'));
let r1File: string;
let plantedFile: string;
let quietFile: string;
let plants: Planted[];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  r1File = join(dir, 'r1.xlsx');
  await (await r1Edition()).xlsx.writeFile(r1File);
  const planted = await r3Edition();
  plants = plantChanges(planted);
  plantedFile = join(dir, 'r3-planted.xlsx');
  await planted.xlsx.writeFile(plantedFile);
  // Only a warning-level change: a baseline.
  const quiet = await loadSampleWorkbook();
  quiet.worksheets[0].getCell('C29').value = '700人';
  quietFile = join(dir, 'quiet.xlsx');
  await quiet.xlsx.writeFile(quietFile);
});

test('unchanged editions: no changes, exit 0', async () => {
  const r = await run('diff', r1File, SAMPLE_PROGRESS);
  expect(r.code).toBe(0);
  expect(r.out).toContain('対応付け: 同名 84 件、名称変更 0 件、削除 0 件、追加 0 件');
  expect(r.out).toContain('変更はありません。');
  const self = await run('diff', SAMPLE_PROGRESS, SAMPLE_PROGRESS, '--json');
  expect(JSON.parse(self.out).findings).toEqual([]);
});

test('planted changes: summary grouped by KPI, exit 1 for the unexplained revision', async () => {
  const r = await run('diff', SAMPLE_PROGRESS, plantedFile);
  expect(r.code).toBe(1);
  expect(r.out).toContain('対応付け: 同名 81 件、名称変更 1 件、削除 2 件、追加 1 件');
  expect(r.out).toContain('変更 14 件（誤り 1 件、KPI 13 件）:');
  const lines = r.out.split('\n');
  const head = lines.indexOf('  新規創業件数 (平成27年度からの累計)  [進捗状況一覧表!11]');
  expect(head).toBeGreaterThan(0);
  expect(lines[head + 1]).toMatch(/^ {4}\[注意\] KPI名の変更 進捗状況一覧表!A11 KPI名が前年度版の「新規創業件数 \(H27～累計\)」から/);
  expect(lines[head + 2]).toMatch(/^ {4}\[注意\] 達成率の変更 進捗状況一覧表!E12 R1 の達成率が前年度版の「68.9%」から「69.0%」/);
  expect(r.out).toContain('  高齢者対応型投雪口整備（累計）  [前年度版 進捗状況一覧表!411]');
  const en = await run('diff', SAMPLE_PROGRESS, plantedFile, '--lang', 'en');
  expect(en.out).toContain('14 changes (1 error, 13 KPIs):');
  expect(en.out).toContain('[Error] Actual revised 進捗状況一覧表!E17 The R1 actual changed from "406人"');
});

test('--json: the contract of issue #15, every planted change at its cell', async () => {
  const r = await run('diff', SAMPLE_PROGRESS, plantedFile, '--json');
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(Object.keys(doc)).toEqual(['previous', 'current', 'matches', 'findings']);
  expect(doc.previous).toBe(SAMPLE_PROGRESS);
  expect(doc.current).toBe(plantedFile);
  expect(doc.matches).toHaveLength(82);
  expect(doc.matches[0]).toEqual({ previous: '進捗状況一覧表!11', current: '進捗状況一覧表!11', how: 'renamed', confidence: expect.any(Number) });
  expect(doc.matches[1]).toEqual({ previous: '進捗状況一覧表!13', current: '進捗状況一覧表!13', how: 'name', confidence: 1 });
  for (const f of doc.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'kpi', 'previousValue', 'currentValue', 'message']);
  const found = doc.findings.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`).sort();
  expect(found).toEqual(plants.map((p) => `${p.rule} ${p.cell}`).sort());
  expect(doc.findings.find((f: { rule: string }) => f.rule === 'baseline-changed')).toMatchObject({
    severity: 'warning', sheet: '進捗状況一覧表', cell: 'C29', kpi: '進捗状況一覧表!29', previousValue: '705人', currentValue: '700人',
  });
});

test('warnings only: exit 0', async () => {
  const r = await run('diff', SAMPLE_PROGRESS, quietFile);
  expect(r.out).toContain('[注意] 基準値の変更 進捗状況一覧表!C29');
  expect(r.code).toBe(0);
});

test('bad arguments and files: one message, exit 2', async () => {
  expect((await run('diff', SAMPLE_PROGRESS)).code).toBe(2);
  const junk = join(dir, 'junk.xlsx');
  writeFileSync(junk, 'not a workbook');
  const r = await run('diff', junk, SAMPLE_PROGRESS);
  expect(r.code).toBe(2);
  expect(r.err).toContain('junk.xlsx');
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1').getCell('A1').value = 'メモ';
  const emptyFile = join(dir, 'empty.xlsx');
  await empty.xlsx.writeFile(emptyFile);
  const e = await run('diff', emptyFile, SAMPLE_PROGRESS);
  expect(e.code).toBe(2);
  expect(e.err).toContain(`${emptyFile} に進捗状況一覧表（KPI表）が見つかりません。`);
});

test('report --previous adds the changes to the 点検結果 sheet (removed KPIs without a link)', async () => {
  const out = join(dir, 'report.xlsx');
  const r = await run('report', plantedFile, '--previous', SAMPLE_PROGRESS, '-o', out);
  expect(r.err).toBe('');
  const sheet = (await XlsxHost.fromBuffer(readFileSync(out))).workbook.getWorksheet('点検結果')!;
  const rows: string[][] = [];
  const numbers: number[] = [];
  sheet.eachRow((row, n) => numbers.push(n) && rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (typeof v === 'object' && v && 'text' in v ? String(v.text) : String(v ?? '')))));
  const revised = rows.find((x) => x[1] === '実績値の修正' && x[3] === 'E17')!;
  expect(revised).toEqual(['誤り', '実績値の修正', '進捗状況一覧表', 'E17', '新規雇用・就業者数 (H27～累計)', 'R1', expect.stringContaining('R1 の実績値が前年度版の「406人」から「410人」')]);
  const removed = rows.find((x) => x[1] === 'KPIの削除' && x[3] === 'A411')!;
  expect(removed[4]).toBe('高齢者対応型投雪口整備（累計）');
  const removedRow = numbers[rows.indexOf(removed)];
  expect(sheet.getCell(removedRow, 4).hyperlink).toBeUndefined();
  expect(sheet.getCell(numbers[rows.indexOf(revised)], 4).hyperlink).toBeDefined();
  // The check's own findings are still there.
  expect(rows.some((x) => x[1] === '達成率の不一致')).toBe(true);
});
