/**
 * `kpi-progress check` reads its snapshots without cell extras (fills, notes, links: at 10,000 KPIs a
 * walk of 77,000 filled cells' styles), because recognise and analyse read none. Pinned here: on the
 * samples, every layout family and a sheet full of fills, notes and links, the model and analysis
 * read with extras and without are the same, and the snapshots differ only in their extras.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadWorkbook } from '../../src/app/load';
import { readFileForCheck } from '../../src/cli/commands/check';
import { XlsxHost } from '../../src/xlsx/host';
import { FAMILIES, familyBuffer, type FamilyName } from '../support/families/build';
import { SAMPLE_PROGRESS } from '../support/sample';

const SAMPLES = ['progress-sheet.xlsx', 'progress-sheet-blank-r2.xlsx', 'management-sheets.xlsx'].map((f) => join(SAMPLE_PROGRESS, '..', f));

/** The sample with a fill, a note and a link on every KPI's name and actual cells. */
async function decorated(): Promise<Uint8Array> {
  const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
  const ws = host.workbook.worksheets[0];
  ws.eachRow((row, r) => {
    if (r % 2) return;
    for (const c of [1, 4, 5]) {
      const cell = row.getCell(c);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      cell.note = `確認 ${r}`;
      if (c === 1 && typeof cell.value === 'string') cell.value = { text: cell.value, hyperlink: `#'${ws.name}'!A1` };
    }
  });
  return new Uint8Array(await host.workbook.xlsx.writeBuffer());
}

async function compare(bytes: Uint8Array): Promise<number> {
  const withExtras = await loadWorkbook(await XlsxHost.fromBuffer(bytes), { lang: 'ja' });
  const without = await loadWorkbook(await XlsxHost.fromBuffer(bytes), { lang: 'ja', extras: false });
  expect(JSON.stringify(without.model)).toBe(JSON.stringify(withExtras.model));
  expect(JSON.stringify(without.analysis)).toBe(JSON.stringify(withExtras.analysis));
  expect(without.snapshots.map((s) => ({ ...s, extras: undefined }))).toEqual(withExtras.snapshots.map((s) => ({ ...s, extras: undefined })));
  expect(without.snapshots.every((s) => s.extras === undefined)).toBe(true);
  return withExtras.snapshots.reduce((n, s) => n + Object.keys(s.extras ?? {}).length, 0);
}

test.each(SAMPLES)('%s: recognise and analyse read no extras', async (file) => {
  await compare(new Uint8Array(readFileSync(file)));
});

test.each(Object.keys(FAMILIES) as FamilyName[])('layout family %s: recognise and analyse read no extras', async (name) => {
  await compare(new Uint8Array(await familyBuffer(name)));
});

test('a sheet with fills, notes and links on its KPIs: the same model and analysis without them', async () => {
  expect(await compare(await decorated())).toBeGreaterThan(100);
});

test('check reads its snapshots without extras', async () => {
  const { read } = await readFileForCheck(SAMPLE_PROGRESS, 'ja');
  expect(read.snapshots.length).toBeGreaterThan(0);
  expect(read.snapshots.every((s) => s.extras === undefined)).toBe(true);
  // the undo record and KPI定義 are read as the planners read them
  expect(read.record.entries).toEqual([]);
});
