/**
 * Differential property: for random mutations of the sample (test/fuzz's generator), the Excel host on
 * the strict double and the .xlsx host read the same snapshots, make the same plans, skip the same
 * edits and leave every cell the same through fill, flag, link, add-year and the undos.
 * Fixed seed (EXCEL_FUZZ_RUNS / EXCEL_FUZZ_SEED override).
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'util';
import type ExcelJS from 'exceljs';
import { planAddYear } from '../../src/core/plans/add-year';
import { planFill } from '../../src/core/plans/fill';
import { planFlag } from '../../src/core/plans/flag';
import { loadWorkbook } from '../../src/app';
import { planLink } from '../../src/core/plans/link';
import type { PlanInput } from '../../src/core/plans/context';
import type { EditPlan } from '../../src/core/plan';
import { runCommand, undoLast } from '../../src/core/session';
import { UNDO_SHEET } from '../../src/core/undo';
import { ExcelHost } from '../../src/excel/host';
import { XlsxHost } from '../../src/xlsx/host';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { buildWorkbook, fuzzCaseArb, mutatedGrid, type FuzzCase } from '../fuzz/mutate';
import { loadSampleGrid } from '../fuzz/properties';
import { asExcelReads, diffWithXlsx } from './compare';
import type { GridSheet } from '../fuzz/grid';
import type { GridSnapshot } from '../../src/core/snapshot';

const RUNS = Number(process.env.EXCEL_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.EXCEL_FUZZ_SEED ?? 20261125);

const sorted = <T extends { top: number; left: number }>(r: T[]) => [...r].sort((a, b) => a.top - b.top || a.left - b.left);
/**
 * Known, reported difference (to W): the .xlsx host reports a link on an empty cell as the value ''
 * and counts that cell in the used range; Excel has no empty text and a link alone is no value. So
 * '' reads as null, and trailing rows/columns with nothing but such links are trimmed before comparing.
 */
function comparable(read: GridSnapshot) {
  const s = asExcelReads(read);
  const values = s.values.map((r) => r.map((v) => (v === '' ? null : v)));
  const blank = (r: number, c: number) => values[r][c] === null && s.formulas[r][c] === null && s.numberFormats[r][c] === null;
  let rows = values.length;
  let cols = values[0]?.length ?? 0;
  while (rows > 0 && values[rows - 1].every((_, c) => blank(rows - 1, c)) && !s.merges.some((m) => m.bottom >= rows)) rows--;
  while (cols > 0 && values.every((_, r) => blank(r, cols - 1)) && !s.merges.some((m) => m.right >= cols)) cols--;
  const extras = Object.fromEntries(Object.entries(s.extras ?? {}).filter(([k]) => Number(k.split(',')[0]) <= rows && Number(k.split(',')[1]) <= cols));
  const cut = <T>(g: T[][]) => g.slice(0, rows).map((r) => r.slice(0, cols));
  return { ...s, values: cut(values), formulas: cut(s.formulas), numberFormats: cut(s.numberFormats), merges: sorted(s.merges), extras };
}

async function reopen(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await XlsxHost.fromWorkbook(wb).toBuffer());
}

async function differences(sample: GridSheet, c: FuzzCase): Promise<string[]> {
  const bytes = await reopen(buildWorkbook(mutatedGrid(sample, c), c.management, c.secondSheet));
  const xlsx = await XlsxHost.fromBuffer(bytes);
  const excel = new FakeExcel(FakeModel.fromExcelJs((await XlsxHost.fromBuffer(bytes)).workbook));
  const host = new ExcelHost(excel.env());
  const out: string[] = [];
  for (const s of await xlsx.listSheets()) {
    const a = await host.readSnapshot(s.name);
    const b = await xlsx.readSnapshot(s.name);
    if (!isDeepStrictEqual(comparable(a), comparable(b))) out.push(`snapshot of ${s.name} differs`);
  }
  const planners: [string, (i: PlanInput) => EditPlan][] = [
    ['fill', (i) => planFill(i, { fix: true })],
    ['flag', (i) => planFlag(i)],
    ['link', (i) => planLink(i)],
    ['add-year', (i) => planAddYear(i)],
  ];
  const compare = async (step: string) => (await diffWithXlsx(excel, xlsx.workbook, { limit: 3, ignoreSheets: [UNDO_SHEET] })).map((d) => `${step}: ${d}`);
  for (const [name, planner] of planners) {
    const pa = planner(await loadWorkbook(host));
    const pb = planner(await loadWorkbook(xlsx));
    // the same known '' / null difference shows in expectations (see comparable)
    const plain = (p: EditPlan) => JSON.parse(JSON.stringify(p).replace(/"value":""/g, '"value":null'));
    if (!isDeepStrictEqual(plain(pa), plain(pb))) out.push(`${name}: plans differ`);
    const ra = await runCommand(host, pa);
    const rb = await runCommand(xlsx, pb);
    // the detail sentence is each host's own wording; what was skipped and why must agree
    const why = (r: typeof ra) => r.skipped.map((x) => [x.reason, x.edit]);
    if (!isDeepStrictEqual(why(ra), why(rb))) out.push(`${name}: skipped ${JSON.stringify(ra.skipped).slice(0, 300)} vs ${JSON.stringify(rb.skipped).slice(0, 300)}`);
    out.push(...(await compare(name)));
  }
  for (let i = 0; i < planners.length; i++) {
    await undoLast(host);
    await undoLast(xlsx);
    out.push(...(await compare(`undo ${i + 1}`)));
  }
  return out;
}

test(`${RUNS} random workbooks: both hosts agree cell for cell (seed ${SEED})`, async () => {
  const sample = await loadSampleGrid();
  await fc.assert(
    fc.asyncProperty(fuzzCaseArb, async (c) => {
      const d = await differences(sample, c);
      if (d.length) throw new Error(d.slice(0, 6).join('\n'));
    }),
    { numRuns: RUNS, seed: SEED },
  );
}, 600_000);
