/**
 * 操作 › 担当課への照会 in the browser preview (Debian's Chromium), issue #17: 「担当課ごとに配布」 gives one
 * download per 担当課 (the copies `kpi-progress split` writes); 「回答を取り込む」 with answers made by
 * `split` and typed into as a clerk would shows the values, a conflict and the missing department;
 * Apply writes them into the grid, Undo restores it. Nothing leaves the page.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { departments } from '../../src/core/compare';
import { XlsxHost } from '../../src/xlsx/host';
import { modelOf } from '../support/editions';
import { SAMPLE_PROGRESS, SAMPLE_SHEET, loadSampleWorkbook } from '../support/sample';
import { startSession, type Session } from './browser';

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'kpi-round-e2e-'));
const copies = join(dir, 'copies');
let s: Session;
let page: Page;
let depts: string[];

/** A clerk opens the department's copy, types into its open cells and saves it. */
async function answer(department: string, typed: Record<string, string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(copies, `progress-sheet_${department}.xlsx`));
  for (const [cell, v] of Object.entries(typed)) wb.getWorksheet(SAMPLE_SHEET)!.getCell(cell).value = v;
  const file = join(dir, `回答_${department}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Waits until `read()` gives `want` (the grid re-renders after the host's write). */
async function until<T>(read: () => Promise<T>, want: T, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  let last = await read();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  expect(last).toBe(want);
}

async function grid(): Promise<Record<string, string>> {
  return page.$$eval('[data-testid=grid] td[data-address]', (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-address'), td.textContent ?? ''])));
}

beforeAll(async () => {
  depts = [...new Set(modelOf(await loadSampleWorkbook()).sheets[0].kpis.flatMap((k) => departments(k.department)))];
  const code = await main(['split', SAMPLE_PROGRESS, '-o', copies], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  s = await startSession();
  page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  await page.getByTestId('tab-actions').click();
});

afterAll(async () => {
  await s?.close();
});

test('担当課ごとに配布: one download per 担当課, each a protected copy with the round record', async () => {
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('round-distribute').click();
  await page.locator('[data-testid=round-copy]').nth(depts.length - 1).waitFor({ timeout: 180_000 });
  await until(async () => downloads.length, depts.length, 30_000);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(depts.map((d) => `progress-sheet_${d}.xlsx`).sort());
  const saved = join(dir, 'downloaded.xlsx');
  await downloads.find((d) => d.suggestedFilename() === 'progress-sheet_農林課.xlsx')!.saveAs(saved);
  const wb = (await XlsxHost.fromBuffer(readFileSync(saved))).workbook;
  expect(wb.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual(['記入のお願い:visible', `${SAMPLE_SHEET}:visible`, '_kpi_round:veryHidden']);
  expect((wb.getWorksheet(SAMPLE_SHEET) as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  expect(wb.getWorksheet(SAMPLE_SHEET)!.getCell('H21').protection?.locked).toBe(false);
  expect(wb.getWorksheet('記入のお願い')!.getCell('B7').value).toBe('progress-sheet/2021/農林課');
});

test('回答を取り込む: values, a conflict and the missing departments shown; Apply writes them, Undo restores', async () => {
  const files = [
    await answer('農林課', { H21: '33人', M21: 'R3:新規就農者が増加' }),
    // Its own value and a "correction" of 市民生活課's R2 actual.
    await answer('観光交流課', { H31: '60万人', F29: '600人' }),
  ];
  const before = await grid();
  await page.getByTestId('round-files').setInputFiles(files);
  await page.getByTestId('round-merge').waitFor({ timeout: 120_000 });
  const cells = await page.locator('[data-testid=round-cell]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')}=${e.getAttribute('data-value')}`));
  expect(cells.sort()).toEqual([`${SAMPLE_SHEET}!H21=33人`, `${SAMPLE_SHEET}!H31=60万人`, `${SAMPLE_SHEET}!M21=R3:新規就農者が増加`].sort());
  expect(await page.locator('[data-testid=round-department]').evaluateAll((els) => els.map((e) => e.getAttribute('data-department')).sort())).toEqual(['観光交流課', '農林課'].sort());
  const conflict = page.locator('[data-testid=round-conflict]');
  expect(await conflict.count()).toBe(1);
  expect(await conflict.getAttribute('data-cell')).toBe(`${SAMPLE_SHEET}!F29`);
  expect(await conflict.getAttribute('data-reason')).toBe('other-department');
  expect(await conflict.textContent()).toContain('他の課のKPI — マスター 598人 / 回答 600人');
  const missing = await page.locator('[data-testid=round-missing]').evaluateAll((els) => els.map((e) => e.getAttribute('data-department')));
  expect(missing).toContain('市民生活課');
  expect(missing).not.toContain('農林課');
  expect(await page.getByTestId('round-merge').textContent()).not.toMatch(/--|kpi-progress/);

  await page.getByTestId('round-apply').click();
  await page.getByTestId('notice-success').waitFor({ timeout: 120_000 });
  await until(async () => (await grid()).H21, '33人', 30_000);
  const after = await grid();
  expect([after.H31, after.M21, after.F29]).toEqual(['60万人', 'R3:新規就農者が増加', before.F29]);

  await page.getByTestId('round-undo').click();
  await until(async () => (await grid()).H21, before.H21, 120_000);
  const undone = await grid();
  expect([undone.H31, undone.M21]).toEqual([before.H31, before.M21]);
  expect(s.foreign).toEqual([]);
});
