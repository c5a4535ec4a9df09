/**
 * The report sheets' print setup in Excel (issue #12): 点検結果 and KPI定義 written through the Excel
 * host read back landscape A4, one page wide, header row repeated, header and page-number footer,
 * long texts wrapped — set with the apply's writes, no sync of its own; below ExcelApi 1.9 the wrap
 * only, said once.
 */
import { loadWorkbook } from '../../src/app';
import { unavailableFeatureIds } from '../../src/core/capabilities';
import type { EditPlan } from '../../src/core/plan';
import { planDefinitions } from '../../src/core/plans/definitions';
import { REPORT_SHEET } from '../../src/core/plans/input';
import { planReport } from '../../src/core/plans/report';
import { ExcelHost } from '../../src/excel/host';
import { HEADER_MAX, headerText } from '../../src/excel/print';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { alignmentOf, pageSetupOf } from '../support/fake-page-layout';
import { loadSampleWorkbook } from '../support/sample';

const NOW = new Date(2026, 11, 6, 9, 30);

async function sample(api?: string) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api });
  return { excel, host: new ExcelHost(excel.env()) };
}

const withoutPrint = (plan: EditPlan): EditPlan => ({ ...plan, edits: plan.edits.map((e) => (e.kind === 'addSheet' ? { ...e, print: undefined } : e)) });

describe('report sheets print as planned (ExcelApi 1.9+)', () => {
  test('点検結果: A4 landscape, one page wide, header row 4 on every page, title/file/date header, page footer, 内容 and 備考 wrapped', async () => {
    const { excel, host } = await sample();
    const plan = planReport(await loadWorkbook(host), { file: '進捗&集計.xlsx', now: NOW });
    const result = await host.applyPlan(plan);
    expect(result.skipped).toEqual([]);
    const sheet = excel.model.sheet(REPORT_SHEET)!;
    const setup = pageSetupOf(sheet);
    expect(setup.orientation).toBe('Landscape');
    expect(setup.paperSize).toBe('A4');
    expect(setup.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(setup.printTitleRows).toEqual({ top: 4, bottom: 4 });
    expect(setup.margins).toEqual({ left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 });
    // "&" would start a format code: doubled
    expect(setup.headers.leftHeader).toMatch(/^点検結果 {2}進捗&&集計\.xlsx {2}2026-12-06 09:30$/);
    expect(setup.headers.centerFooter).toBe('&P / &N');
    const last = sheet.usedRange(true)!.bottom;
    expect(last).toBeGreaterThan(10);
    for (const col of [5, 7]) {
      expect(alignmentOf(sheet, 5, col)).toEqual({ wrapText: true, verticalAlignment: 'Top' });
      expect(alignmentOf(sheet, last, col)).toEqual({ wrapText: true, verticalAlignment: 'Top' });
      expect(alignmentOf(sheet, 4, col)).toEqual({});
    }
    expect(alignmentOf(sheet, 5, 6)).toEqual({});
  });

  test('KPI定義 prints alike (header row 3 repeated)', async () => {
    const { excel, host } = await sample();
    await host.applyPlan(planDefinitions(await loadWorkbook(host), { file: 'progress.xlsx', now: NOW }));
    const setup = pageSetupOf(excel.model.sheet('KPI定義')!);
    expect(setup).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: { top: 3, bottom: 3 } });
    expect(setup.headers.leftHeader).toContain('KPI定義');
  });

  test('no sync of its own: the report applies in as many syncs with its print setup as without', async () => {
    const counts: number[] = [];
    for (const strip of [false, true]) {
      const { excel, host } = await sample();
      const plan = planReport(await loadWorkbook(host), { file: 'progress.xlsx', now: NOW });
      excel.resetCounts();
      await host.applyPlan(strip ? withoutPrint(plan) : plan);
      counts.push(excel.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
    // the apply's fixed count: one verify sync, one write sync
    expect(counts[0]).toBe(2);
  });

  test('a header longer than a section holds is cut, escapes kept whole', () => {
    const cut = headerText(`${'あ'.repeat(250)}&&&&`);
    expect(cut.length).toBeLessThanOrEqual(HEADER_MAX);
    expect(cut).toBe(`${'あ'.repeat(250)}&&&&`);
    expect(headerText('x'.repeat(254) + '&')).toBe('x'.repeat(254));
  });
});

describe('Excel without ExcelApi 1.9', () => {
  test.each(['1.7', '1.8'])('ExcelApi %s: the report is written, wrapped, the page setup left alone, and the pane is told once', async (api) => {
    const { excel, host } = await sample(api);
    const result = await host.applyPlan(planReport(await loadWorkbook(host), { file: 'progress.xlsx', now: NOW }));
    expect(result.skipped).toEqual([]);
    const sheet = excel.model.sheet(REPORT_SHEET)!;
    expect(pageSetupOf(sheet)).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', printTitleRows: null });
    expect(alignmentOf(sheet, 5, 5)).toEqual({ wrapText: true, verticalAlignment: 'Top' });
    expect(unavailableFeatureIds(host.capabilities()).filter((id) => id === 'capability.print-layout')).toHaveLength(1);
  });

  test('ExcelApi 1.9: nothing said about the page setup', async () => {
    const { host } = await sample('1.9');
    expect(unavailableFeatureIds(host.capabilities())).not.toContain('capability.print-layout');
  });
});
