/**
 * 点検 › 前年度版と比較 in the browser preview (Debian's Chromium): the user opens this year's edition,
 * picks last year's, and sees every planted change (and nothing on an unchanged edition), each with
 * both values, clickable to its cell. Nothing leaves the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { plantChanges, r1Edition, r3Edition, type Planted } from '../support/editions';
import { startSession, type Session } from './browser';

const sample = resolve(__dirname, '../../assets/sample/progress-sheet.xlsx');
jest.setTimeout(240_000);

let s: Session;
let page: Page;
let r1: string;
let planted: string;
let plants: Planted[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-compare-e2e-'));
  r1 = join(dir, 'R1版.xlsx');
  await (await r1Edition()).xlsx.writeFile(r1);
  const wb = await r3Edition();
  plants = plantChanges(wb);
  planted = join(dir, 'R3版.xlsx');
  await wb.xlsx.writeFile(planted);
  s = await startSession();
  page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.close();
});

async function changes(): Promise<string[]> {
  return (await page.locator('[data-testid=change]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')} ${e.getAttribute('data-cell')}`))).sort();
}

test('an unchanged edition: the R2 sample against the R1 edition shows no changes', async () => {
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('compare-file').setInputFiles(r1);
  await page.locator('[data-testid=compare-count][data-count="0"]').waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('compare-count').textContent()).toBe('前年度版 R1版.xlsx からの変更はありません。');
  expect(await page.locator('[data-testid=change]').count()).toBe(0);
});

test('the planted R3 edition against the R2 sample: every planted change, both values, a click to the cell', async () => {
  await page.getByTestId('file-input').setInputFiles(planted);
  await page.getByTestId('file-name').filter({ hasText: 'R3版.xlsx' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('compare-file').setInputFiles(sample);
  await page.locator(`[data-testid=compare-count][data-count="${plants.length}"]`).waitFor({ timeout: 120_000 });
  expect(await changes()).toEqual(plants.map((p) => `${p.rule} 進捗状況一覧表!${p.cell}`).sort());
  const revised = page.locator('[data-testid=change][data-rule=actual-revised][data-cell="進捗状況一覧表!E17"]');
  expect(await revised.getByTestId('change-values').textContent()).toBe('前年度版: 406人 → 今年度版: 410人');
  // Beside the check's own findings, which are still listed below.
  expect(Number(await page.getByTestId('finding-count').getAttribute('data-count'))).toBeGreaterThan(0);
  await revised.locator('button').first().click();
  const highlighted = page.locator('[data-testid=grid] td.highlight');
  await highlighted.waitFor();
  expect(await highlighted.getAttribute('data-address')).toBe('E17');
  // A removed KPI's cell is in last year's file: shown, not clickable.
  const removed = page.locator('[data-testid=change][data-rule=kpi-removed][data-cell="進捗状況一覧表!A411"]');
  expect(await removed.getAttribute('data-edition')).toBe('previous');
  expect(await removed.locator('button').count()).toBe(0);
  expect(s.foreign).toEqual([]);
});
