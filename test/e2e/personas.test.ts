/**
 * The three personas of issue #12 in the browser preview (Debian's Chromium), on the bundled
 * blank-R2 sample alone: the clerk fills rates, the reviewer reads findings, the department user
 * adds a year. Takes the README's actions screenshot.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { recognise } from '../../src/core/recognise';
import { openXlsxHostFile } from '../../src/xlsx/node';
import { screenshots, startSession, type Session } from './browser';

const blankR2 = resolve(__dirname, '../../assets/sample/progress-sheet-blank-r2.xlsx');
jest.setTimeout(240_000);

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await startSession();
  page = await s.open('/preview.html?sample=progress-sheet-blank-r2.xlsx');
  await page.getByTestId('overview').waitFor({ timeout: 90_000 });
});

afterAll(async () => {
  await s?.close();
});

const headerTexts = () => page.$$eval('[data-testid=grid] td[data-address]', (tds) => tds.map((td) => td.textContent ?? ''));
const gridColumns = () => page.locator('[data-testid=grid] thead th').count();

test('clerk: 達成率を記入 on the blank-R2 sample previews 75 cells, Apply fills them, a KPI shows its grade line', async () => {
  expect(await page.getByTestId('file-name').textContent()).toBe('progress-sheet-blank-r2.xlsx');
  await page.getByTestId('tab-actions').click();
  await page.getByTestId('preview-fill').click();
  await page.getByTestId('plan-preview').waitFor();
  expect(await page.getByTestId('plan-cell-count').textContent()).toMatch(/(^|\D)75(\D|$)/);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'actions.png') });
  await page.getByTestId('apply').click();
  await page.getByTestId('notice-success').last().waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('notice-success').last().textContent()).toMatch(/(^|\D)75(\D|$)/);

  await page.getByTestId('tab-overview').click();
  const tree = page.getByTestId('structure-tree').first();
  await tree.waitFor();
  // open branches until a KPI leaf is in view
  for (let i = 0; i < 10 && (await page.getByTestId('grade-line').count()) === 0; i++) {
    await tree.locator('[role=treeitem][aria-expanded=false]').first().click();
  }
  const line = page.getByTestId('grade-line').first();
  await line.waitFor();
  expect(await line.textContent()).toMatch(/→\s*[A-Z]/);
});

test('reviewer: a clicked finding names its KPI, column A stays in view; no command-line flag on any tab', async () => {
  const host = await openXlsxHostFile(blankR2);
  const sheets = (await host.listSheets()).filter((x) => x.visibility === 'visible');
  const model = recognise(await Promise.all(sheets.map((x) => host.readSnapshot(x.name))));
  const names = model.sheets.flatMap((sh) => sh.kpis.map((k) => k.name));

  await page.getByTestId('tab-findings').click();
  // the last finding lies furthest right/down: the grid has to scroll to it
  const item = page.locator('[data-testid=finding]').last();
  const text = (await item.textContent()) ?? '';
  expect(names.some((n) => text.includes(n))).toBe(true);
  await item.locator('button').first().click();
  const highlighted = page.locator('[data-testid=grid] td.highlight');
  await highlighted.waitFor();
  const row = /\d+$/.exec((await highlighted.getAttribute('data-address'))!)![0];
  const grid = (await page.getByTestId('grid').boundingBox())!;
  const a = (await page.locator(`[data-testid=grid] td[data-address="A${row}"]`).boundingBox())!;
  expect(a.x).toBeGreaterThanOrEqual(grid.x);
  expect(a.x + a.width).toBeLessThanOrEqual(grid.x + grid.width);

  for (const tab of ['overview', 'findings', 'actions', 'settings']) {
    await page.getByTestId(`tab-${tab}`).click();
    const pane = (await page.getByTestId('taskpane').innerText()) ?? '';
    expect(pane).not.toMatch(/(^|[^-])--[a-z]/);
  }
});

test('department user: 年度列を追加 adds R7; a second click asks first and cancelling adds nothing; undo keeps the scroll', async () => {
  const columns = await gridColumns();
  await page.getByTestId('tab-actions').click();
  await page.getByTestId('preview-add-year').click();
  await page.getByTestId('plan-preview').waitFor();
  await page.getByTestId('apply').click();
  await page.getByTestId('notice-success').last().waitFor({ timeout: 60_000 });
  expect(await gridColumns()).toBe(columns + 1);
  expect(await headerTexts()).toContain('R7');

  await page.getByTestId('preview-add-year').click();
  const ask = page.getByTestId('confirm-add-year');
  await ask.waitFor();
  expect(await ask.textContent()).toContain('R7');
  expect(await page.getByTestId('apply').isDisabled()).toBe(true);
  await page.getByTestId('plan-preview').getByRole('button', { name: 'キャンセル' }).click();
  await page.getByTestId('plan-preview').waitFor({ state: 'detached' });
  expect(await gridColumns()).toBe(columns + 1);
  expect(await headerTexts()).not.toContain('R8');

  // a yes would add R8: the pane shows that plan, still only on Apply
  await page.getByTestId('preview-add-year').click();
  await page.getByTestId('confirm-add-year-yes').click();
  expect(await page.getByTestId('plan-preview').textContent()).toContain('R8');
  await page.getByTestId('plan-preview').getByRole('button', { name: 'キャンセル' }).click();
  expect(await headerTexts()).not.toContain('R8');

  const grid = page.getByTestId('grid');
  await grid.evaluate((g) => { g.scrollTop = 900; g.scrollLeft = 150; });
  const before = await grid.evaluate((g) => [g.scrollTop, g.scrollLeft]);
  expect(before[0]).toBeGreaterThan(0);
  await page.getByTestId('undo').click();
  await page.getByTestId('notice-success').last().filter({ hasText: '元に戻しました' }).waitFor({ timeout: 60_000 });
  expect(await gridColumns()).toBe(columns);
  const after = await grid.evaluate((g) => [g.scrollTop, g.scrollLeft]);
  expect(Math.abs(after[0] - before[0])).toBeLessThanOrEqual(2);
});

test('the page made no request outside its own origin and logged no errors', () => {
  expect(s.foreign).toEqual([]);
  expect(s.errors).toEqual([]);
});
