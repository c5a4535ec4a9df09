/**
 * Round trips per user action, end to end, on the strict double: 適用 in the task pane (click → cells
 * written with the undo record → the pane's workbook up to date) in at most 3 context.sync() calls,
 * over the bundled sample and a 10,000-KPI workbook. The pane's workbook after an apply comes from the
 * plan (workbookAfterApply), and must equal what reading the workbook again gives.
 */
import { applyWithUndo, loadWorkbook, normaliseSettings, planCommand, workbookAfterApply, type ActionCommand, type PlanInput } from '../../src/app';
import { ExcelHost } from '../../src/excel/host';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook } from '../support/sample';
import { buildBigModel } from './big-sheet';

const ctx = { lang: 'ja' as const, settings: normaliseSettings(null) };

/** What the pane shows of a workbook: the model and the analysis (findings, KPI assessments). */
const shown = (input: PlanInput) => ({ sheets: input.sheets, model: input.model, analysis: input.analysis, record: input.record.entries.map((e) => e.command) });

async function applyOnce(excel: FakeExcel, command: ActionCommand) {
  const host = new ExcelHost(excel.env());
  const input = await loadWorkbook(host, ctx);
  const plan = planCommand(command, input, ctx);
  excel.resetCounts();
  const result = await applyWithUndo(host, plan);
  const next = workbookAfterApply(input, plan, result, ctx);
  const syncs = excel.syncCount;
  const again = await loadWorkbook(host, ctx);
  return { plan, result, next, syncs, again };
}

describe('適用 (Apply): click → cells written → task pane up to date', () => {
  test.each<ActionCommand>(['fix', 'flag', 'add-year', 'report', 'definitions'])('sample, %s: at most 3 syncs, and the pane shows what a fresh read shows', async (command) => {
    const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
    const { plan, result, next, syncs, again } = await applyOnce(excel, command);
    expect(plan.edits.length).toBeGreaterThan(0);
    expect(result.applied).toBeGreaterThan(0);
    expect(next).not.toBeNull();
    expect(shown(next!)).toEqual(shown(again));
    expect(syncs).toBeLessThanOrEqual(3);
    console.log(`apply ${command} (sample): ${syncs} syncs`);
  });

  // flag marks every KPI behind with a fill and a note, one request item per cell: on 10,000 KPIs more
  // than one write request under the 5 MB budget, so one sync more (measured: 4).
  test('10,000 KPIs: add-year at most 3 syncs, flag at most 4 (its writes need two requests); the pane up to date without a read', async () => {
    const model = await buildBigModel(10000);
    const excel = new FakeExcel(model);
    for (const [command, most] of [['flag', 4], ['add-year', 3]] as const) {
      const { plan, next, syncs, again } = await applyOnce(excel, command);
      expect(plan.edits.length).toBeGreaterThan(0);
      expect(next).not.toBeNull();
      // Compared as text: a diff of two 10,000-KPI models would take minutes to print.
      expect(JSON.stringify(shown(next!)) === JSON.stringify(shown(again))).toBe(true);
      expect(syncs).toBeLessThanOrEqual(most);
      console.log(`apply ${command} (10,000 KPIs): ${syncs} syncs`);
    }
  });
});
