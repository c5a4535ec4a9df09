/**
 * The 点検結果 and KPI定義 sheets print: title, file name, date and time, A4 landscape one page wide,
 * the header row on every page, wrapped text — read back from the written file, and 点検結果 printed
 * to PDF by LibreOffice fits the page width (its columns are not split over pages).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { convertWithLibreOffice } from '../support/libreoffice';
import { SAMPLE_PROGRESS } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-print-'));
const at = (name: string) => join(dir, name);
copyFileSync(SAMPLE_PROGRESS, at('in.xlsx'));

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** Pages of a PDF and the size of the first. */
function pdfPages(file: string): { pages: number; width: number; height: number } {
  const text = readFileSync(file).toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

/** A copy of `file` with only `sheet`, its page setup changed by `tweak`. */
async function onlySheet(file: string, sheet: string, out: string, tweak?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = await load(file);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  if (tweak) tweak(wb.getWorksheet(sheet)!);
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return out;
}

test('点検結果: title, file and date, year column, Japanese words; page setup read back from the file', async () => {
  const r = await run('report', at('in.xlsx'), '-o', at('report.xlsx'));
  expect(r.code).toBe(0);
  const ws = (await load(at('report.xlsx'))).getWorksheet('点検結果')!;
  expect(String(ws.getCell('A1').value)).toMatch(/^点検結果\u3000所見 \d+ 件（誤り 3 件、注意 \d+ 件、参考 \d+ 件）$/);
  expect(String(ws.getCell('A2').value)).toMatch(/^ファイル: in\.xlsx\u3000作成日時: \d{4}-\d\d-\d\d \d\d:\d\d$/);
  expect(ws.getRow(4).values).toEqual([undefined, '重要度', '規則', 'シート', 'セル', 'KPI', '年度', '内容']);
  // errors first, in cell order: "57人" in a 件 KPI (R1), then the published rate errors of 市内への転入者数
  expect(ws.getRow(5).values).toEqual([undefined, '誤り', '単位の不一致', '進捗状況一覧表', expect.anything(), 'インターンシップ実施支援件数/年', 'R1', expect.stringContaining('件 で数え直すか')]);
  expect(ws.getRow(6).values).toEqual([undefined, '誤り', '達成率の不一致', '進捗状況一覧表', expect.anything(), expect.stringContaining('転入者数'), 'R1', expect.stringContaining('68.2% に直してください')]);
  const words = new Set<string>();
  for (let i = 5; i <= ws.rowCount; i++) words.add(String(ws.getCell(i, 1).value));
  expect([...words].every((w) => ['誤り', '注意', '参考'].includes(w))).toBe(true);
  for (let i = 5; i <= ws.rowCount; i++) expect(String(ws.getCell(i, 2).value)).not.toMatch(/^[a-z-]+$/);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
  expect(ws.getCell('G5').alignment).toMatchObject({ wrapText: true });
  expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
  // the raw part says the same, for readers other than exceljs
  const md = await run('report', at('in.xlsx'));
  expect(md.out).toContain('| 重要度 | 規則 | シート | セル | KPI | 年度 | 内容 |');
  expect(md.out).toMatch(/\| 誤り \| 達成率の不一致 \| 進捗状況一覧表 \| E227 \| [^|]*転入者数[^|]* \| R1 \|/);
  expect(md.out).not.toMatch(/信頼を損な/);
  const json = JSON.parse((await run('report', at('in.xlsx'), '-o', at('r.json'), '--lang', 'en')).code === 0 ? readFileSync(at('r.json'), 'utf8') : '{}');
  expect(json.columns).toEqual(['Severity', 'Rule', 'Sheet', 'Cell', 'KPI', 'Year', 'Finding']);
  expect(json.findings[1]).toMatchObject({ severity: 'error', severityName: 'Error', rule: 'rate-mismatch', ruleName: 'Rate mismatch', cell: 'E227', yearLabel: 'R1' });
}, 60000);

test('KPI定義 prints landscape, one page wide, its header row repeated', async () => {
  expect((await run('definitions', at('in.xlsx'), '-o', at('defs.xlsx'))).code).toBe(0);
  const ws = (await load(at('defs.xlsx'))).getWorksheet('KPI定義')!;
  expect(String(ws.getCell('A2').value)).toMatch(/^ファイル: in\.xlsx\u3000作成日時: /);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
}, 60000);

test('点検結果 converted to PDF by LibreOffice fits the page width: A4 landscape, no column strips', async () => {
  await run('report', at('in.xlsx'), '-o', at('report2.xlsx'));
  const fit = await onlySheet(at('report2.xlsx'), '点検結果', at('fit.xlsx'));
  // The same sheet without fitting to the width, to show what fitting prevents.
  const strips = await onlySheet(at('report2.xlsx'), '点検結果', at('strips.xlsx'), (ws) => {
    ws.pageSetup.fitToPage = false;
    ws.pageSetup.scale = 100;
  });
  const [fitPdf, stripsPdf] = convertWithLibreOffice([fit, strips], join(dir, 'pdf'), { to: 'pdf' });
  const a = pdfPages(fitPdf);
  const b = pdfPages(stripsPdf);
  expect(Math.round(a.width)).toBe(842); // A4 landscape: 297 × 210 mm
  expect(Math.round(a.height)).toBe(595);
  expect(a.pages).toBeGreaterThan(0);
  // Unfitted, the 7 columns (about 180 characters wide) split into strips: at least twice the pages.
  expect(b.pages).toBeGreaterThanOrEqual(2 * a.pages);
  console.log(`点検結果 PDF: ${a.pages} pages fitted to the width, ${b.pages} without`);
}, 240000);
