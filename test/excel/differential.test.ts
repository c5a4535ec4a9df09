/**
 * Differential: the same commands through ExcelHost (on the strict double) and through XlsxHost, then
 * every cell compared (value, formula, number format, fill, note, hyperlink), merges, widths and sheets.
 * Plans are made from each host's own reading, so equal plans also prove the two readings agree.
 */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { planAddYear } from '../../src/core/plans/add-year';
import { planDefinitions } from '../../src/core/plans/definitions';
import { planFill } from '../../src/core/plans/fill';
import { planFlag, planUnflag } from '../../src/core/plans/flag';
import { loadWorkbook } from '../../src/app';
import { planLink } from '../../src/core/plans/link';
import { planReport } from '../../src/core/plans/report';
import type { PlanInput } from '../../src/core/plans/context';
import type { EditPlan } from '../../src/core/plan';
import type { ProgressHost } from '../../src/core/host';
import { readUndoRecord, runCommand, undoLast } from '../../src/core/session';
import { ExcelHost } from '../../src/excel/host';
import { XlsxHost } from '../../src/xlsx/host';
import { UNDO_SHEET } from '../../src/core/undo';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, ROOT } from '../support/sample';
import { asExcelReads, diffWithXlsx } from './compare';
import * as variants from '../support/variants';

type Planner = (input: PlanInput) => EditPlan;

async function managementSheets(): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, 'assets', 'sample', 'management-sheets.xlsx'));
  return wb.worksheets.map((w) => w.name);
}

async function pair(api = '1.20') {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api });
  const xlsx = XlsxHost.fromWorkbook(await loadSampleWorkbook());
  return { excel, excelHost: new ExcelHost(excel.env()), xlsx };
}

async function run(host: ProgressHost, planner: Planner) {
  const plan = planner(await loadWorkbook(host));
  const result = await runCommand(host, plan);
  return { plan, result };
}

async function compare(excel: FakeExcel, xlsx: XlsxHost): Promise<string[]> {
  // The undo record holds a timestamp; its sheet is compared by the undo round trip instead.
  return diffWithXlsx(excel, xlsx.workbook, { limit: 8, ignoreSheets: [UNDO_SHEET] });
}

describe('ExcelHost and XlsxHost apply the same plans to the same cells', () => {
  let mgmt: string[];
  beforeAll(async () => {
    mgmt = await managementSheets();
  });

  const commands: [string, (m: string[]) => Planner][] = [
    ['fill --fix', () => (i) => planFill(i, { fix: true })],
    ['add-year', () => (i) => planAddYear(i)],
    ['flag', () => (i) => planFlag(i)],
    ['link', (m) => (i) => planLink(i, { management: { file: 'management-sheets.xlsx', sheets: m } })],
    ['definitions', () => (i) => planDefinitions(i)],
    ['report', () => (i) => planReport(i)],
  ];

  test.each(commands)('%s, then undo', async (_name, make) => {
    const planner = make(mgmt);
    const { excel, excelHost, xlsx } = await pair();
    const before = await compare(excel, xlsx);
    expect(before).toEqual([]);

    const a = await run(excelHost, planner);
    const b = await run(xlsx, planner);
    expect(a.plan).toEqual(b.plan);
    expect(a.plan.edits.length).toBeGreaterThan(0);
    expect(a.result.skipped).toEqual(b.result.skipped);
    expect(a.result.applied).toBe(b.result.applied);
    expect(await compare(excel, xlsx)).toEqual([]);

    await undoLast(excelHost);
    await undoLast(xlsx);
    expect(await compare(excel, xlsx)).toEqual([]);
    const pristine = XlsxHost.fromWorkbook(await loadSampleWorkbook());
    // Excel keeps the emptied record sheet (deleting a sheet has no undo, so never inside an undo
    // group: src/excel/undo-record.ts); the .xlsx host removes it. Both read as an empty record.
    expect(await diffWithXlsx(excel, pristine.workbook, { ignoreSheets: [UNDO_SHEET] })).toEqual([]);
    expect((await readUndoRecord(excelHost)).entries).toEqual([]);
  });

  test('fill then add-year then flag, then unflag and three undos', async () => {
    const { excel, excelHost, xlsx } = await pair();
    for (const planner of [(i: PlanInput) => planFill(i), (i: PlanInput) => planAddYear(i), (i: PlanInput) => planFlag(i), (i: PlanInput) => planUnflag(i)]) {
      await run(excelHost, planner);
      await run(xlsx, planner);
      expect(await compare(excel, xlsx)).toEqual([]);
    }
    for (let i = 0; i < 4; i++) {
      await undoLast(excelHost);
      await undoLast(xlsx);
      expect(await compare(excel, xlsx)).toEqual([]);
    }
  });
});

describe('the same on the layouts other offices use (test/support/variants.ts)', () => {
  const builders = Object.entries(variants).filter(([name, f]) => typeof f === 'function' && !['sampleSheet', 'copySheet', 'roundTrip'].includes(name));

  test.each(builders)('%s: read, fill --fix, add-year, flag, link and undo all agree with the .xlsx host', async (_name, build) => {
    const file = await variants.roundTrip(await (build as () => Promise<ExcelJS.Workbook>)());
    const bytes = new Uint8Array(await file.xlsx.writeBuffer());
    const xlsx = await XlsxHost.fromBuffer(bytes);
    const excel = new FakeExcel(FakeModel.fromExcelJs((await XlsxHost.fromBuffer(bytes)).workbook));
    const host = new ExcelHost(excel.env());
    for (const s of await xlsx.listSheets()) {
      const mine = await host.readSnapshot(s.name);
      const theirs = await xlsx.readSnapshot(s.name);
      expect(asExcelReads({ ...mine, merges: sortRanges(mine.merges) })).toEqual(asExcelReads({ ...theirs, merges: sortRanges(theirs.merges) }));
    }
    const planners: Planner[] = [(i) => planFill(i, { fix: true }), (i) => planAddYear(i), (i) => planFlag(i), (i) => planLink(i, { management: { file: 'm.xlsx', sheets: ['01', '02', '08'] } })];
    for (const planner of planners) {
      const a = await run(host, planner);
      const b = await run(xlsx, planner);
      expect(a.plan).toEqual(b.plan);
      expect(a.result.skipped).toEqual(b.result.skipped);
      expect(await compare(excel, xlsx)).toEqual([]);
    }
    for (let i = 0; i < planners.length; i++) {
      await undoLast(host);
      await undoLast(xlsx);
      expect(await compare(excel, xlsx)).toEqual([]);
    }
  });
});

function sortRanges<T extends { top: number; left: number }>(r: T[]): T[] {
  return [...r].sort((a, b) => a.top - b.top || a.left - b.left);
}
