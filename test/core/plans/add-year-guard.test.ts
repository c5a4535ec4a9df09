/**
 * add-year's guard, decided in the core and shared through src/app: a second empty year (R7 added
 * after 目標値 (R6), still without actuals) is added only when confirmed or named explicitly.
 */
import { readFileSync } from 'fs';
import { XlsxHost } from '../../../src/xlsx/host';
import { emptyNewestYears as appEmptyNewestYears, loadWorkbook, normaliseSettings, planAddYearConfirmed, planCommand } from '../../../src/app';
import { emptyNewestYears, planAddYear } from '../../../src/core/plans/add-year';
import { runCommand } from '../../../src/core/session';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../../support/sample';

const inserts = (plan: { edits: { kind: string }[] }) => plan.edits.filter((e) => e.kind === 'insertColumn');

async function sampleWithR7(): Promise<XlsxHost> {
  const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
  const first = planAddYear(await loadWorkbook(host));
  expect(inserts(first)).toHaveLength(1);
  expect((await runCommand(host, first)).skipped).toEqual([]);
  return XlsxHost.fromBuffer(await host.toBuffer());
}

test('the sample (R3–R6 empty plan years up to 目標値 R6) is not guarded: R7 is added', async () => {
  const input = await loadWorkbook(await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS)));
  expect(emptyNewestYears(input)).toEqual([]);
  expect(inserts(planAddYear(input))).toHaveLength(1);
});

test('R7 added and empty: add-year adds nothing and says why once; a yes or the year by name adds R8', async () => {
  const input = await loadWorkbook(await sampleWithR7());
  expect(emptyNewestYears(input)).toEqual(['R7']);
  expect(appEmptyNewestYears(input)).toEqual(['R7']);

  const refused = planAddYear(input);
  expect(refused.edits).toEqual([]);
  expect(refused.notices).toEqual(['R7の実績がまだ入っていないため、R8の列は追加しませんでした。']);
  // pane and ribbon plan through the app engine: the same refusal
  const ctx = { lang: 'ja' as const, settings: normaliseSettings(null) };
  expect(planCommand('add-year', input, ctx).edits).toEqual([]);

  const confirmed = planAddYearConfirmed(input);
  expect(inserts(confirmed)).toHaveLength(1);
  expect(confirmed.edits.some((e) => e.kind === 'setCell' && e.content.value === 'R8')).toBe(true);
  const named = planAddYear(input, { year: 2026 });
  expect(named.edits).toEqual(confirmed.edits);
});

test('R7 with one actual written is no longer empty: add-year adds R8 without asking', async () => {
  const host = await sampleWithR7();
  const input = await loadWorkbook(host);
  const kpi = input.model.sheets[0].kpis[0];
  const r7 = input.model.sheets[0].tables[kpi.tableIndex].columns.years.find((y) => y.year === 2025)!;
  host.workbook.getWorksheet(SAMPLE_SHEET)!.getCell(kpi.row, r7.col).value = 12;
  host.modelEdited(); // typed into the model directly, as a user would in Excel
  const filled = await loadWorkbook(await XlsxHost.fromBuffer(await host.toBuffer()));
  // the tables share the R7 column: one actual opens the year for all of them
  expect(emptyNewestYears(filled)).toEqual([]);
  const plan = planAddYear(filled);
  expect(plan.notices).toEqual([]);
  expect(plan.edits.filter((e) => e.kind === 'setCell' && e.content.value === 'R8')).toHaveLength(38);
});
