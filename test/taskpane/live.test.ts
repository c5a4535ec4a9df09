/** Live checking over the strict Excel test double: a typed actual gets its rate, own writes are ignored. */
import { ExcelHost } from '../../src/excel/host';
import { loadWorkbook } from '../../src/app';
import { recheckAfterEdit, type CellChange } from '../../src/taskpane/live';
import { normaliseSettings } from '../../src/app';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';

const ctx = { lang: 'ja' as const, settings: normaliseSettings(null) };

test.each([
  // ExcelApi 1.9+: the event carries the new value; no read, the rate written in one sync
  ['1.20', 1, 1],
  // 1.7: no details; the sheet is read (2 syncs), the rate written after a verify read (2 syncs;
  // verify and write are separate runs, the writes grouped where Excel can)
  ['1.7', 4, 3],
])('ExcelApi %s: typing an R3 actual writes that KPI\'s R3 rate and updates the findings in %i syncs', async (api, syncs, runs) => {
  const fake = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api, reportTriggerSource: false });
  const host = new ExcelHost(fake.env());
  const wb = await loadWorkbook(host, ctx);
  const kpi = wb.model.sheets[0].kpis[0];
  const r3 = wb.model.sheets[0].tables[kpi.tableIndex].columns.years.find((y) => y.year === 2021)!.col;
  const sheet = fake.model.sheet(SAMPLE_SHEET)!;
  expect(sheet.cell(kpi.rateRow, r3).value ?? null).toBeNull();

  const changes: CellChange[] = [];
  const off = await host.changeSource().subscribe((c) => changes.push(c));
  fake.userEdit(SAMPLE_SHEET, `H${kpi.row}`, '40件');
  await new Promise((r) => setTimeout(r, 20));
  expect(changes).toEqual([{ sheet: SAMPLE_SHEET, address: `H${kpi.row}`, ...(api === '1.20' ? { valueAfter: '40件' } : {}) }]);
  expect(r3).toBe(8);

  fake.resetCounts();
  const runsBefore = fake.runs.length;
  const result = await recheckAfterEdit(host, wb, changes[0], ctx);
  expect(result.kpis).toEqual([kpi.id]);
  expect(result.written).toBe(1);
  // the findings come from what was written, not from reading again
  expect(fake.runs.length - runsBefore).toBe(runs);
  const written = sheet.cell(kpi.rateRow, r3);
  // 40 ÷ 45 = 88.9 %, stored the way the sheet stores rates (text, one decimal).
  expect(written.value).toBe('88.9%');
  expect(fake.syncCount).toBe(syncs);
  expect(result.workbook.analysis.kpis[kpi.id].rates.get(2021)).toBeCloseTo(40 / 45, 6);
  // The re-checked model and findings equal a full re-analysis of the sheet as it now is.
  const full = await loadWorkbook(host, ctx);
  expect(result.workbook.model.sheets[0].kpis[0]).toEqual(full.model.sheets[0].kpis[0]);
  const key = (f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`;
  expect(result.workbook.analysis.findings.map(key).sort()).toEqual(full.analysis.findings.map(key).sort());

  // The add-in's own write does not come back as a change.
  await new Promise((r) => setTimeout(r, 20));
  expect(changes).toHaveLength(1);
  await off();
});
