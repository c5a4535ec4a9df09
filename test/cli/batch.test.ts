/**
 * `kpi-progress check <file-or-folder>…`: one result per file (JSON lines), past bad files, a progress
 * bar only on a terminal, a closing summary table, and the worst exit status.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { displayWidth, runBatch } from '../../src/cli/batch';
import { ROOT, SAMPLE_PROGRESS, SAMPLE_SHEET, loadSampleWorkbook } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
const folder = join(dir, 'reviews');
const sub = join(folder, '2024');

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

beforeAll(async () => {
  mkdirSync(sub, { recursive: true });
  copyFileSync(SAMPLE_PROGRESS, join(folder, 'a-sample.xlsx'));
  writeFileSync(join(folder, 'b-broken.xlsx'), '重要業績評価指標,目標値\n新規創業件数,45件\n');
  writeFileSync(join(folder, '~$a-sample.xlsx'), 'Excel lock file');
  writeFileSync(join(folder, 'notes.txt'), 'not a workbook');
  const wb = await loadSampleWorkbook();
  wb.getWorksheet(SAMPLE_SHEET)!.getCell('E11').value = 99999; // one more wrong rate
  await wb.xlsx.writeFile(join(sub, 'c-edited.xlsx'));
  const memo = new ExcelJS.Workbook();
  memo.addWorksheet('メモ').getCell('A1').value = '会議メモ';
  await memo.xlsx.writeFile(join(sub, 'd-memo.xlsx'));
  mkdirSync(join(dir, 'empty'));
});

test('--json over a folder: one JSON document per workbook, recursively, lock files skipped, worst exit 2', async () => {
  const r = await run('check', folder, '--json');
  expect(r.code).toBe(2);
  const docs = r.out.map((l) => JSON.parse(l));
  expect(docs.map((d) => d.file)).toEqual([join(folder, '2024', 'c-edited.xlsx'), join(folder, '2024', 'd-memo.xlsx'), join(folder, 'a-sample.xlsx'), join(folder, 'b-broken.xlsx')]);
  expect(docs[0].sheets[0].kpis).toHaveLength(84);
  expect(docs[1].sheets).toEqual([]);
  expect(docs[1].unrecognised[0].sheet).toBe('メモ');
  expect(docs[3]).toEqual({ file: join(folder, 'b-broken.xlsx'), error: expect.stringContaining('テキスト（CSV など）です'), exitCode: 2 });
  // the edited copy has one more rate-mismatch error than the sample
  const errors = (d: { sheets: { findings: { severity: string }[] }[] }) => d.sheets[0].findings.filter((f) => f.severity === 'error').length;
  expect(errors(docs[0])).toBeGreaterThan(errors(docs[2]));
  // stderr: the bad files' sentences, then the summary table (stdout stays pure JSON lines)
  expect(r.err.join('\n')).toContain('テキスト（CSV など）です');
  expect(r.err.join('\n')).toContain('進捗状況一覧表（KPI表）が見つかりません');
  const table = r.err.slice(r.err.findIndex((l) => l.startsWith('ファイル')));
  expect(table[0]).toMatch(/^ファイル\s+KPI\s+誤り\s+注意\s+結果$/);
  expect(table).toHaveLength(2 + 4 + 2);
  expect(table[2]).toMatch(/c-edited\.xlsx\s+84\s+\d+\s+\d+\s+誤りあり$/);
  expect(table[5]).toMatch(/b-broken\.xlsx\s+0\s+0\s+0\s+検査不能$/);
  expect(table[7]).toMatch(/^合計 4 ファイル\s+168\s/);
});

test('a batch of one file gives the same document as the single-file --json', async () => {
  const single = await run('check', SAMPLE_PROGRESS, '--json');
  const only = join(dir, 'only');
  mkdirSync(only);
  copyFileSync(SAMPLE_PROGRESS, join(only, 'progress-sheet.xlsx'));
  const batch = await run('check', only, '--json');
  expect(batch.code).toBe(single.code);
  expect(batch.out).toHaveLength(1);
  const doc = JSON.parse(batch.out[0]);
  expect({ ...doc, file: 'x' }).toEqual({ ...JSON.parse(single.out.join('\n')), file: 'x' });
});

test('text output: every file summarised in turn, past a bad file, then the table; files and folders mix', async () => {
  const r = await run('check', join(folder, 'b-broken.xlsx'), join(dir, 'missing.xlsx'), SAMPLE_PROGRESS, join(dir, 'empty'), '--lang', 'en');
  expect(r.code).toBe(2);
  const out = r.out.join('\n');
  expect(out).toContain(`File: ${SAMPLE_PROGRESS}`);
  expect(out).toMatch(/Sheet "進捗状況一覧表": 38 KPI tables, 84 KPIs/);
  expect(r.err).toEqual([expect.stringContaining('holds no .xlsx file'), expect.stringContaining('text file (CSV'), expect.stringContaining('not found; check the path')]);
  const table = r.out.slice(r.out.findIndex((l) => l.startsWith('file ')));
  expect(table.map((l) => l.split(/\s{2,}/).pop())).toEqual(['result', expect.any(String), 'not checked', 'not checked', 'not checked', 'errors', expect.any(String), expect.any(String)]);
});

test('exit status is the worst file: a folder of good-enough files gives 1, not 2', async () => {
  const r = await run('check', join(dir, 'only'));
  expect(r.code).toBe(1);
  expect(r.err).toEqual([]);
});

test('the progress bar is drawn only when given a terminal writer', async () => {
  const drawn: string[] = [];
  const lines: string[] = [];
  const ctx = { lang: 'ja' as const, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await runBatch([join(folder, 'a-sample.xlsx'), join(folder, 'b-broken.xlsx')], { json: true, progress: (s) => drawn.push(s) }, ctx);
  expect(code).toBe(2);
  expect(drawn.filter((s) => s.includes('/2 '))).toEqual([expect.stringContaining('] 0/2 '), expect.stringContaining('] 1/2 '), expect.stringContaining('] 2/2 ')]);
  expect(drawn[drawn.length - 1]).toMatch(/\[#{24}\] 2\/2 \n$/);
  // in-process (not a terminal): no control characters reach the captured output
  const r = await run('check', join(folder, 'a-sample.xlsx'), join(folder, 'b-broken.xlsx'));
  expect([...r.out, ...r.err].join('\n')).not.toMatch(/\r|\x1b/);
});

test('--management applies to every file of the batch, as to a single file', async () => {
  // the sample's management workbook without sheet 08: KPIs pointing to 08 get a sheet-number warning
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, 'assets', 'sample', 'management-sheets.xlsx'));
  wb.removeWorksheet(wb.worksheets.find((w) => w.name === '08')!.id);
  const management = join(dir, 'management-without-08.xlsx');
  await wb.xlsx.writeFile(management);
  const single = await run('check', SAMPLE_PROGRESS, '--json', '--management', management);
  const batch = await run('check', join(dir, 'only'), SAMPLE_PROGRESS, '--json', '--management', management);
  const rules = (doc: { sheets: { findings: { rule: string }[] }[] }) => doc.sheets[0].findings.map((f) => f.rule).sort();
  const expected = rules(JSON.parse(single.out.join('\n')));
  expect(batch.out.map((l) => rules(JSON.parse(l)))).toEqual([expected, expected]);
  const without = await run('check', join(dir, 'only'), '--json');
  expect(expected.filter((r) => r === 'sheet-number').length).toBeGreaterThan(rules(JSON.parse(without.out[0])).filter((r) => r === 'sheet-number').length);
  const missing = await run('check', join(dir, 'only'), '--management', join(dir, 'none.xlsx'));
  expect(missing.code).toBe(2);
  expect(missing.err).toEqual([expect.stringContaining('が見つかりません')]);
});

test('table columns line up with Japanese file names', () => {
  expect(displayWidth('進捗.xlsx')).toBe(9);
  expect(displayWidth('ＡＢ')).toBe(4);
});
