/**
 * Every change names its KPI and fiscal year (issue #12), in the pane's preview before Apply: on the
 * bundled blank-R2 sample, 達成率を記入 lists 「KPI」R2 達成率（sheet!cell）: 空欄 → rate, in Japanese
 * and in English; 年度列を追加 says in words which year's column it inserts.
 */
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';

jest.setTimeout(240_000);

let s: Session;

beforeAll(async () => {
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

async function preview(page: Page, action: string): Promise<string[]> {
  await page.getByTestId('tab-actions').click();
  await page.getByTestId(`preview-${action}`).click();
  await page.getByTestId('plan-preview').waitFor();
  return page.locator('[data-testid=plan-preview] li[data-target]').allTextContents();
}

test('達成率を記入: each previewed change names its KPI and R2 (Japanese)', async () => {
  const page = await s.open('/preview.html?sample=progress-sheet-blank-r2.xlsx&lang=ja');
  await page.getByTestId('overview').waitFor({ timeout: 90_000 });
  const lines = await preview(page, 'fill');
  expect(lines.length).toBeGreaterThan(10);
  expect(lines[0]).toBe('「新規創業件数 (H27～累計)」R2 達成率（進捗状況一覧表!F12）: 空欄 → 75.6%');
  for (const l of lines) expect(l).toMatch(/^「[^」]+」R2 達成率（進捗状況一覧表!F\d+）: 空欄 → \d+(\.\d)?%$/);
  await page.getByTestId('plan-preview').getByRole('button', { name: 'キャンセル' }).click();
  const year = await preview(page, 'add-year');
  expect(year[0]).toBe('R7 年度列（進捗状況一覧表!L:L）: L列に列を挿入（書式は K列から）');
  expect(year).toContain('R7 年度の見出し（進捗状況一覧表!L10）: 空欄 → R7');
  expect(year.join('\n')).not.toMatch(/insertColumn|setCell|\(空\)/);
  await page.close();
});

test('the same preview in English', async () => {
  const page = await s.open('/preview.html?sample=progress-sheet-blank-r2.xlsx&lang=en');
  await page.getByTestId('overview').waitFor({ timeout: 90_000 });
  const lines = await preview(page, 'fill');
  expect(lines[0]).toBe('"新規創業件数 (H27～累計)" R2 rate (進捗状況一覧表!F12): empty → 75.6%');
  for (const l of lines) expect(l).toMatch(/^".+" R2 rate \(進捗状況一覧表!F\d+\): empty → \d+(\.\d)?%$/);
  await page.close();
});
