/**
 * The browser preview end to end, in Debian's Chromium: the real task pane over the bundled sample
 * through the .xlsx host. Takes the README screenshots of the Japanese UI.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { analyseWorkbook } from '../../src/core/analyse';
import { recognise } from '../../src/core/recognise';
import { cellAddress, parseAddress, valueAt } from '../../src/core/snapshot';
import { loadSampleWorkbook, workbookSnapshots } from '../support/sample';
import { openXlsxHostFile } from '../../src/xlsx/node';
import { screenshots, startSession, type Session } from './browser';

const sample = resolve(__dirname, '../../assets/sample/progress-sheet.xlsx');
jest.setTimeout(180_000);

let s: Session;
let page: Page;

async function expectedFindings(): Promise<string[]> {
  const host = await openXlsxHostFile(sample);
  const sheets = (await host.listSheets()).filter((x) => x.visibility === 'visible');
  const snapshots = await Promise.all(sheets.map((x) => host.readSnapshot(x.name)));
  const analysis = analyseWorkbook(recognise(snapshots), snapshots, { lang: 'ja' });
  return analysis.findings.map((f) => `${f.sheet}!${f.cell}`).sort();
}

async function shot(name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Texts of the grid's cells, by address. */
async function gridTexts(): Promise<Record<string, string>> {
  return page.$$eval('[data-testid=grid] td[data-address]', (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-address'), td.textContent ?? ''])));
}

async function gridColumns(): Promise<number> {
  return page.locator('[data-testid=grid] thead th').count();
}

async function applyAction(command: string): Promise<string[]> {
  await page.getByTestId('tab-actions').click();
  await page.getByTestId(`preview-${command}`).click();
  const preview = page.getByTestId('plan-preview');
  await preview.waitFor();
  const cells = await preview.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-target') ?? ''));
  await page.getByTestId('apply').click();
  await page.getByTestId('notice-success').last().waitFor({ timeout: 60_000 });
  return cells;
}

beforeAll(async () => {
  s = await startSession();
  page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.close();
});

test('overview shows the recognised sample in Japanese', async () => {
  expect(await page.getByTestId('taskpane').getAttribute('data-lang')).toBe('ja');
  expect(await page.getByTestId('tab-overview').textContent()).toContain('概要');
  expect(await page.getByTestId('kpi-count').first().textContent()).toBe('84');
  await page.getByTestId('progress-chart').waitFor();
  await shot('overview');
});

test('check: the Findings tab lists exactly what analyse() finds in the same file', async () => {
  const expected = await expectedFindings();
  await page.getByTestId('tab-findings').click();
  const count = Number(await page.getByTestId('finding-count').getAttribute('data-count'));
  expect(count).toBe(expected.length);
  const shown = (await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''))).sort();
  expect(shown).toEqual(expected);
});

test('clicking a finding highlights its cell in the grid', async () => {
  const item = page.locator('[data-testid=finding]').first();
  const where = (await item.getAttribute('data-cell'))!;
  const [sheet, cell] = [where.slice(0, where.lastIndexOf('!')), where.slice(where.lastIndexOf('!') + 1)];
  await item.locator('button').first().click();
  const highlighted = page.locator('[data-testid=grid] td.highlight');
  await highlighted.waitFor();
  expect(await highlighted.getAttribute('data-address')).toBe(cell);
  expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe(sheet);
  await shot('findings');
});

test('a finding with a fix: 修正 writes the computed rate and the finding goes away', async () => {
  await page.getByTestId('tab-findings').click();
  const before = Number(await page.getByTestId('finding-count').getAttribute('data-count'));
  const item = page.locator('[data-testid=finding]', { has: page.getByTestId('fix') }).first();
  const where = (await item.getAttribute('data-cell'))!;
  const cell = where.slice(where.lastIndexOf('!') + 1);
  const message = (await item.textContent()) ?? '';
  const fixed = /(\d+\.\d%) に直して/.exec(message)?.[1];
  expect(fixed).toBeTruthy();
  await item.getByTestId('fix').click();
  await page.getByTestId('notice-success').last().waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid=finding-count][data-count="${before - 1}"]`).waitFor();
  expect((await gridTexts())[cell]).toBe(fixed);
  expect(await page.locator(`[data-testid=finding][data-cell="${where}"]`).count()).toBe(0);
});

/** The sample with the printed R1/R2 rates of its first five KPIs cleared, as a user would leave them. */
async function sampleWithEmptyRates(): Promise<{ file: string; cleared: string[] }> {
  const wb = await loadSampleWorkbook();
  const snapshots = await workbookSnapshots(wb);
  const sheet = recognise(snapshots).sheets[0];
  const ws = wb.getWorksheet(sheet.sheet)!;
  const cleared: string[] = [];
  for (const kpi of sheet.kpis.slice(0, 5)) {
    for (const y of sheet.tables[kpi.tableIndex].columns.years.filter((c) => c.year <= 2020)) {
      ws.getCell(kpi.rateRow, y.col).value = null;
      cleared.push(cellAddress(kpi.rateRow, y.col));
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-'));
  const file = join(dir, '空欄あり.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, cleared };
}

test('opening another .xlsx shows it; fill: the emptied rate cells get rates', async () => {
  const { file, cleared } = await sampleWithEmptyRates();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('file-name').filter({ hasText: '空欄あり.xlsx' }).waitFor();
  await page.getByTestId('overview').waitFor();
  const before = await gridTexts();
  for (const c of cleared) expect(before[c]).toBe('');
  await page.getByTestId('tab-actions').click();
  await page.getByTestId('preview-fill').click();
  await page.getByTestId('plan-preview').waitFor();
  await page.getByTestId('tab-overview').click();
  const cells = (await applyAction('fill')).filter((c) => c.startsWith('進捗状況一覧表!')).map((c) => c.slice(c.indexOf('!') + 1));
  expect(cells.sort()).toEqual([...cleared].sort());
  const after = await gridTexts();
  for (const c of cleared) expect(after[c]).toMatch(/^\d+\.\d%$/);
  // The first KPI: 31 ÷ 45 and 34 ÷ 45, as the published table prints them.
  expect([after[cleared[0]], after[cleared[1]]]).toEqual(['68.9%', '75.6%']);

  // ダウンロード gives a real .xlsx with the rates in it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('空欄あり.xlsx');
  const saved = join(mkdtempSync(join(tmpdir(), 'kpi-e2e-')), 'downloaded.xlsx');
  await download.saveAs(saved);
  const host = await openXlsxHostFile(saved);
  const snapshot = await host.readSnapshot('進捗状況一覧表');
  const first = parseAddress(cleared[0])!;
  expect(valueAt(snapshot, first.row, first.col)).toBe('68.9%');
});

test('add year: the next year column appears, and undo removes it', async () => {
  const texts = Object.values(await gridTexts());
  const columns = await gridColumns();
  expect(texts).not.toContain('R7');
  await applyAction('add-year');
  expect(await gridColumns()).toBe(columns + 1);
  expect(Object.values(await gridTexts())).toContain('R7');
  await shot('add-year');

  await page.getByTestId('undo').click();
  await page.getByTestId('notice-success').last().filter({ hasText: '元に戻しました' }).waitFor({ timeout: 60_000 });
  expect(await gridColumns()).toBe(columns);
  expect(Object.values(await gridTexts())).not.toContain('R7');
});

test('language switch to English and back', async () => {
  await page.getByTestId('tab-settings').click();
  await shot('settings');
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('save-settings').click();
  await page.locator('[data-testid=taskpane][data-lang=en]').waitFor();
  expect(await page.getByTestId('tab-overview').textContent()).toMatch(/^(Overview)+$/);
  expect(await page.getByTestId('tab-findings').textContent()).toMatch(/^Findings/);
  await page.getByTestId('language').selectOption('ja');
  await page.getByTestId('save-settings').click();
  await page.locator('[data-testid=taskpane][data-lang=ja]').waitFor();
});

test('opening a file that is no .xlsx says what to do and keeps the open workbook', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-'));
  const file = join(dir, '一覧.xlsx');
  writeFileSync(file, 'KPI,実績値\n新規創業件数,31\n');
  await page.getByTestId('file-input').setInputFiles(file);
  const error = page.getByTestId('preview-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('一覧.xlsx は .xlsx ではなくテキスト（CSV など）です。Excelで開き「Excel ブック (*.xlsx)」として保存してください。');
  expect(await page.getByTestId('file-name').textContent()).toBe('空欄あり.xlsx');
  expect(await page.getByTestId('grid').count()).toBe(1);
});

test('the page made no request outside its own origin and logged no errors', () => {
  expect(s.foreign).toEqual([]);
  expect(s.errors).toEqual([]);
});
