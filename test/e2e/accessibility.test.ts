/**
 * Accessibility of the task pane in the preview (issue #12; JIS X 8341-3, Microsoft's add-in
 * guidelines): axe-core from npm, injected into Debian's Chromium, on every tab in Japanese and in
 * English, in the normal and the forced-colors (Windows high contrast) rendering.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { recognise } from '../../src/core/recognise';
import { cellAddress } from '../../src/core/snapshot';
import { loadSampleWorkbook, workbookSnapshots } from '../support/sample';
import { sessionForFile } from './browser';

jest.setTimeout(240_000);
const session = sessionForFile();
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tabs = ['overview', 'findings', 'actions', 'settings'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Serious and critical axe violations in `scope` (the task pane, or the whole preview page), one line
 * per rule and element. Tabster's focus-redirect <i data-tabster-dummy> elements (Fluent's TabList) are
 * aria-hidden and focusable by design: they pass focus on at once (microsoft/tabster#288,
 * microsoft/fluentui#27517 "By Design"); only that rule on only those elements is left out.
 */
async function seriousViolations(page: Page, scope = '[data-testid=taskpane]'): Promise<string[]> {
  // The page's CSP (script-src 'self') refuses an inline <script>; DevTools evaluation is not bound by it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return result.violations;
  }, scope);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))).map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

async function openPane(): Promise<Page> {
  const page = await session().open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  return page;
}

async function switchLanguage(page: Page, lang: 'ja' | 'en'): Promise<void> {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('language').selectOption(lang);
  await page.getByTestId('save-settings').click();
  await page.locator(`[data-testid=taskpane][data-lang=${lang}]`).waitFor();
}

async function violationsOnEveryTab(page: Page): Promise<string[]> {
  // The whole page once (preview toolbar, sheet tabs, grid), then the pane on each tab.
  const found = (await seriousViolations(page, 'body')).map((v) => `[page] ${v}`);
  for (const tab of tabs) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.getByTestId(tab).waitFor({ timeout: 60_000 });
    for (const v of await seriousViolations(page)) found.push(`[${tab}] ${v}`);
  }
  return found;
}

describe.each(['ja', 'en'] as const)('axe on every tab (%s)', (lang) => {
  test('no serious or critical violation', async () => {
    const page = await openPane();
    await switchLanguage(page, lang);
    expect(await violationsOnEveryTab(page)).toEqual([]);
  });
});

/** The sample with the R1/R2 rates of its first three KPIs cleared, so 達成率を記入 has work to do. */
async function sampleWithEmptyRates(): Promise<{ file: string; cleared: string[] }> {
  const wb = await loadSampleWorkbook();
  const sheet = recognise(await workbookSnapshots(wb)).sheets[0];
  const ws = wb.getWorksheet(sheet.sheet)!;
  const cleared: string[] = [];
  for (const kpi of sheet.kpis.slice(0, 3)) {
    for (const y of sheet.tables[kpi.tableIndex].columns.years.filter((c) => c.year <= 2020)) {
      ws.getCell(kpi.rateRow, y.col).value = null;
      cleared.push(cellAddress(kpi.rateRow, y.col));
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'kpi-a11y-')), '空欄あり.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, cleared };
}

/** Whether the focused element shows a focus indicator: an outline, a box-shadow, or a ring drawn by ::before/::after. */
async function focusShown(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing focused';
    const drawn = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') ||
      (s.boxShadow !== 'none' && s.boxShadow !== '') ||
      (s.content !== 'none' && s.content !== 'normal' && ['Top', 'Right', 'Bottom', 'Left'].some((k) => s.getPropertyValue(`border-${k.toLowerCase()}-width`) !== '0px' && s.getPropertyValue(`border-${k.toLowerCase()}-style`) !== 'none'));
    if ([getComputedStyle(el), getComputedStyle(el, '::after'), getComputedStyle(el, '::before')].some(drawn)) return null;
    return `no visible focus on <${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? ''}> ${(el.textContent ?? '').slice(0, 40)}`;
  });
}

/** Presses `key` (Tab, Shift+Tab, an arrow) until the focused element matches `selector`; every stop must show its focus. */
async function moveFocusTo(page: Page, selector: string, key = 'Tab', limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const problem = await focusShown(page);
    if (problem) throw new Error(`${key} ×${i + 1}: ${problem}`);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached with ${key} in ${limit} presses`);
}

async function gridTexts(page: Page, cells: string[]): Promise<string[]> {
  return page.$$eval('[data-testid=grid] td[data-address]', (tds, want) => want.map((a) => tds.find((td) => td.getAttribute('data-address') === a)?.textContent ?? '?'), cells);
}

test('keyboard only: check → fill (preview, apply) → undo, with a visible focus at every stop', async () => {
  const { file, cleared } = await sampleWithEmptyRates();
  const page = await session().open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  // Choosing the file is the browser's own dialog; from here on only keys.
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('file-name').filter({ hasText: '空欄あり.xlsx' }).waitFor();
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await gridTexts(page, cleared)).toEqual(cleared.map(() => ''));

  // チェック: 再読み込み reads and checks the workbook again; the 点検 tab lists the findings.
  await moveFocusTo(page, '[data-testid=reload]');
  await page.keyboard.press('Enter');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  await moveFocusTo(page, '[role=tab][aria-selected=true]');
  await moveFocusTo(page, '[data-testid=tab-findings]', 'ArrowRight', 4);
  await page.keyboard.press('Enter');
  await page.getByTestId('finding-count').waitFor();
  expect(await page.getByTestId('tab-findings').getAttribute('aria-selected')).toBe('true');

  // 達成率を記入: preview, then apply.
  await moveFocusTo(page, '[data-testid=tab-actions]', 'ArrowRight', 4);
  await page.keyboard.press('Enter');
  await page.getByTestId('actions').waitFor();
  await moveFocusTo(page, '[data-testid=preview-fill]');
  await page.keyboard.press('Enter');
  await page.getByTestId('plan-preview').waitFor();
  await moveFocusTo(page, '[data-testid=apply]');
  await page.keyboard.press('Space');
  await page.getByTestId('notice-success').last().waitFor({ timeout: 60_000 });
  const filled = await gridTexts(page, cleared);
  for (const text of filled) expect(text).toMatch(/^\d+\.\d%$/);

  // 元に戻す: back up to the undo button with Shift+Tab.
  await moveFocusTo(page, '[data-testid=undo]', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('notice-success').filter({ hasText: '元に戻しました' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction((cells) => cells.every((a) => document.querySelector(`[data-testid=grid] td[data-address="${a}"]`)?.textContent === ''), cleared);

  // The focus check can fail: with every indicator styled away it reports the focused button.
  await page.addStyleTag({ content: '*, *::before, *::after { outline: none !important; box-shadow: none !important; border-style: none !important; }' });
  expect(await focusShown(page)).toMatch(/^no visible focus on <button undo>/);
});

test('high contrast (forced colors): tabs and buttons stay visible and axe passes', async () => {
  const page = await openPane();
  await page.emulateMedia({ forcedColors: 'active' });
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const invisible = await page.$$eval('[data-testid=taskpane] [role=tab], [data-testid=taskpane] button', (els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width < 4 || r.height < 4 || s.visibility === 'hidden' || s.opacity === '0' || s.color === s.backgroundColor || !(el.textContent ?? el.getAttribute('aria-label') ?? '').trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(invisible).toEqual([]);
  // Statuses, grades and severities are badges with words, never a colour alone.
  const wordless = await page.$$eval('[data-testid=taskpane] .fui-Badge', (els) => els.filter((el) => !/[\p{L}]/u.test(el.textContent ?? '')).map((el) => el.outerHTML.slice(0, 120)));
  expect(wordless).toEqual([]);
  expect(await page.locator('[data-testid=taskpane] .fui-Badge').count()).toBeGreaterThan(5);
  expect(await violationsOnEveryTab(page)).toEqual([]);
});

test('the pages made no request outside their own origin and logged no errors', () => {
  expect(session().foreign).toEqual([]);
  expect(session().errors).toEqual([]);
});
