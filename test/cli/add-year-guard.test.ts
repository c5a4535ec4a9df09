/**
 * add-year's guard in the CLI: a second empty year (R7 added, still empty) is refused with a clear
 * message unless the year is named (--year R8) or --force is given. Real files, read back.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-add-year-guard-'));
const at = (name: string) => join(dir, name);
copyFileSync(SAMPLE_PROGRESS, at('in.xlsx'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  } catch (e) {
    throw new Error(`main threw: ${String(e)}`);
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function headerRow(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SAMPLE_SHEET)!;
  const texts: string[] = [];
  for (let col = 1; col <= 20; col++) texts.push(String(ws.getCell(10, col).value ?? ''));
  return texts;
}

test('add-year adds R7; a second add-year is refused while R7 is empty; --year R8 or --force adds R8', async () => {
  expect((await run('add-year', at('in.xlsx'), '-o', at('r7.xlsx'))).code).toBe(0);
  expect(await headerRow(at('r7.xlsx'))).toContain('R7');

  const refused = await run('add-year', at('r7.xlsx'), '-o', at('r8.xlsx'));
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('最新の年度列（R7）に実績がまだありません');
  expect(refused.err).toContain('--force');
  expect(existsSync(at('r8.xlsx'))).toBe(false);
  const en = await run('add-year', at('r7.xlsx'), '-o', at('r8.xlsx'), '--lang', 'en');
  expect(en.err).toContain('(R7) has no actuals yet');
  expect(existsSync(at('r8.xlsx'))).toBe(false);

  expect((await run('add-year', at('r7.xlsx'), '-o', at('r8-named.xlsx'), '--year', 'R8')).code).toBe(0);
  expect(await headerRow(at('r8-named.xlsx'))).toContain('R8');
  expect((await run('add-year', at('r7.xlsx'), '-o', at('r8-forced.xlsx'), '--force')).code).toBe(0);
  expect(await headerRow(at('r8-forced.xlsx'))).toContain('R8');
}, 120_000);
