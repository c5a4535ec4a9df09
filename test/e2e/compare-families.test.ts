/**
 * Issue #15 in the task pane on the other layout families: 前年度版と比較 with a workbook holding a
 * sheet of every layout finds the planted revised actual and changed target at their cells (the
 * same as `kpi-progress diff`), and nothing against the unchanged edition. Nothing leaves the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FAMILIES } from '../support/families/build';
import { plantFamilyChanges } from '../support/families/plant';
import { modelOf } from '../support/editions';
import { roundTrip } from '../support/variants';
import { startSession, type Session } from './browser';

jest.setTimeout(240_000);

let s: Session;
let page: Page;
let previous: string;
let current: string;
let planted: string[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-compare-families-e2e-'));
  previous = join(dir, '前年度版.xlsx');
  await FAMILIES.mixed().xlsx.writeFile(previous);
  const wb = FAMILIES.mixed();
  // planted in the one-row, block and side-by-side sheets, not in the two-row one
  const model = modelOf(await roundTrip(FAMILIES.mixed()));
  planted = plantFamilyChanges(wb, { ...model, sheets: model.sheets.filter((x) => x.tables.every((t) => (t.layout ?? 'two-row') !== 'two-row')) });
  current = join(dir, '今年度版.xlsx');
  await wb.xlsx.writeFile(current);
  s = await startSession();
  page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.close();
});

const changes = async (): Promise<string[]> =>
  (await page.locator('[data-testid=change]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')} ${e.getAttribute('data-cell')}`))).sort();

test('the unchanged edition of every layout: no changes', async () => {
  await page.getByTestId('file-input').setInputFiles(previous);
  await page.getByTestId('file-name').filter({ hasText: '前年度版.xlsx' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('compare-file').setInputFiles(previous);
  await page.locator('[data-testid=compare-count][data-count="0"]').waitFor({ timeout: 120_000 });
  expect(await changes()).toEqual([]);
});

test('the planted edition of every layout: the revised actual and the changed target at their cells', async () => {
  await page.getByTestId('file-input').setInputFiles(current);
  await page.getByTestId('file-name').filter({ hasText: '今年度版.xlsx' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('compare-file').setInputFiles(previous);
  await page.locator(`[data-testid=compare-count][data-count="${planted.length}"]`).waitFor({ timeout: 120_000 });
  expect(planted.some((p) => p.includes('進捗状況一覧表!'))).toBe(false);
  expect(await changes()).toEqual([...planted].sort());
  expect(s.foreign).toEqual([]);
});
