/**
 * Issue #11: the task pane shows a workbook of every layout family as it shows the two-row family.
 * The mixed workbook (one sheet per family) is opened in the browser preview (Debian's Chromium);
 * the pane's sheet summary and findings must be exactly what `kpi-progress check --json` reports.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { familyBuffer } from '../support/families/build';
import { startSession, type Session } from './browser';

jest.setTimeout(240_000);

let s: Session;
let page: Page;
/* eslint-disable @typescript-eslint/no-explicit-any */
let doc: any;
let file: string;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'kpi-families-e2e-')), 'layouts.xlsx');
  writeFileSync(file, await familyBuffer('mixed'));
  const out: string[] = [];
  await main(['check', file, '--json'], { out: (l) => out.push(l), err: () => undefined });
  doc = JSON.parse(out.join('\n'));
  s = await startSession();
  page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('file-name').filter({ hasText: 'layouts.xlsx' }).waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await s?.close();
});

test('概要 lists every layout sheet with the tables and KPIs the CLI reads', async () => {
  await page.getByTestId('tab-overview').click();
  const expected = doc.sheets.map((x: any) => [x.sheet, String(x.tables), String(x.kpis.length)]);
  expect(expected.length).toBeGreaterThanOrEqual(6);
  const rows = page.getByTestId('sheet-summary');
  await rows.nth(expected.length - 1).waitFor({ timeout: 60_000 });
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent ?? '')));
  expect(shown).toEqual(expected);
});

test('点検 shows exactly the findings of every layout, at their cells, each naming its KPI', async () => {
  await page.getByTestId('tab-findings').click();
  const all = doc.sheets.flatMap((x: any) => x.findings);
  expect(all.some((f: any) => f.rule === 'grade-mismatch')).toBe(true);
  await page.locator(`[data-testid=finding-count][data-count="${all.length}"]`).waitFor({ timeout: 60_000 });
  const cells = await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
  expect(cells.sort()).toEqual(all.map((f: any) => `${f.sheet}!${f.cell}`).sort());
  const texts = await page.getByTestId('finding').evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell'), e.textContent ?? '']));
  expect(all.filter((x: any) => x.kpiName).length).toBe(all.length);
  for (const f of all) {
    expect(texts.some(([cell, text]) => cell === `${f.sheet}!${f.cell}` && (text ?? '').includes(f.kpiName))).toBe(true);
  }
  expect(s.foreign).toEqual([]);
});
