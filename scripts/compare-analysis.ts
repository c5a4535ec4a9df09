/**
 * `npx tsx scripts/compare-analysis.ts [--ref main] [--kpis 10000]`: recognise + analyseWorkbook of
 * this tree against another commit's, on the same workbooks, compared as JSON. For speed work on the
 * core, which must not change a single finding, status or rate. The workbooks: the bundled sample
 * (with management sheets, with its own KPI定義 and 40 mangled ones), the blank R2 sheet, the layout
 * families, 300 sample sheets with mangled cells, 150 fuzz-mutated grids (fixed seeds), and with
 * --kpis the synthetic sheet of bench.ts; each in Japanese and English.
 */
import { execSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../src/xlsx/host';
import { snapshotFromWorksheet } from '../src/xlsx/snapshot';
import type { CellValue, GridSnapshot } from '../src/core/snapshot';
import { sampleSnapshots, ROOT } from '../test/support/sample';
import { FAMILIES, familyBuffer, type FamilyName } from '../test/support/families/build';
import { buildWorkbook, fuzzCaseArb, mutatedGrid } from '../test/fuzz/mutate';
import { loadSampleGrid } from '../test/fuzz/properties';
import { synthetic } from './bench';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);

interface Case { name: string; snaps: GridSnapshot[] }

async function snapsOf(buf: Uint8Array): Promise<GridSnapshot[]> {
  const host = await XlsxHost.fromBuffer(buf);
  const out: GridSnapshot[] = [];
  for (const s of await host.listSheets()) out.push(await host.readSnapshot(s.name));
  return out;
}

async function workbooks(kpis: number, definitionRows: (snaps: GridSnapshot[]) => unknown[][]): Promise<Case[]> {
  const cases: Case[] = [];
  const sample = await sampleSnapshots();
  cases.push({ name: 'sample', snaps: sample });
  cases.push({ name: 'sample+management', snaps: [...sample, ...(await snapsOf(readFileSync(join(ROOT, 'assets/sample/management-sheets.xlsx'))))] });
  cases.push({ name: 'blank-r2', snaps: await snapsOf(readFileSync(join(ROOT, 'assets/sample/progress-sheet-blank-r2.xlsx'))) });
  for (const f of Object.keys(FAMILIES) as FamilyName[]) cases.push({ name: `family ${f}`, snaps: await snapsOf(await familyBuffer(f)) });
  const rows = definitionRows(sample);
  const defSheet = (rs: unknown[][]): GridSnapshot => {
    const ws = new ExcelJS.Workbook().addWorksheet('KPI定義');
    ws.addRows(rs);
    return snapshotFromWorksheet(ws);
  };
  cases.push({ name: 'sample+KPI定義', snaps: [...sample, defSheet(rows)] });
  const defValues: CellValue[] = ['', '減少', '増加', '累計', '単年', '実績÷目標', '差÷差', 'なし', 0, 100, -5, '50%', 'R2', 'H30', '件', '人', '%', 'abc', 1e6, 'A', '上記未満'];
  fc.sample(fc.array(fc.tuple(fc.nat(), fc.nat(13), fc.constantFrom(...defValues)), { minLength: 1, maxLength: 20 }), { numRuns: 40, seed: 7 }).forEach((edits, i) => {
    const rs = rows.map((r) => [...r]);
    for (const [r, c, v] of edits) rs[3 + (r % (rs.length - 3))][c] = v;
    cases.push({ name: `mangled KPI定義 ${i}`, snaps: [...sample, defSheet(rs)] });
  });
  const text = fc.oneof(
    fc.constantFrom('-', '', '▲12件', '0件', '100%', '1e300', '#REF!', '3日以上', '(4件)', '0.0%', '見直し完了', '－', '12,345.6千㎡', '68.9%', '６８．９％', '△5', '1,5件', '2.5e3', '100.05%', '99.95%', '12.345', '▲120'),
    fc.string({ maxLength: 6 }),
  );
  const value: fc.Arbitrary<CellValue> = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.integer({ min: 0, max: 200 }).map((x) => x / 100));
  const base = sample[0];
  fc.sample(fc.array(fc.tuple(fc.nat(), fc.nat(), value), { minLength: 1, maxLength: 40 }), { numRuns: 300, seed: 11 }).forEach((edits, i) => {
    const values = base.values.map((r) => [...r]);
    for (const [r, c, v] of edits) values[r % values.length][c % Math.min(14, values[0].length)] = v;
    cases.push({ name: `mangled sample ${i}`, snaps: [{ ...base, values }] });
  });
  const grid = await loadSampleGrid();
  fc.sample(fuzzCaseArb, { numRuns: 150, seed: 13 }).forEach((c, i) => {
    cases.push({ name: `fuzz ${i}`, snaps: buildWorkbook(mutatedGrid(grid, c), c.management, c.secondSheet).worksheets.map(snapshotFromWorksheet) });
  });
  if (kpis > 0) cases.push({ name: `synthetic ${kpis}`, snaps: await snapsOf(await XlsxHost.fromWorkbook(synthetic(grid, kpis, kpis, [])).toBuffer()) });
  return cases;
}

type Core = { recognise: (s: GridSnapshot[]) => unknown; analyseWorkbook: (m: unknown, s: GridSnapshot[], o: { lang: 'ja' | 'en' }) => unknown };

async function core(root: string): Promise<Core & { definitionRows: (m: unknown, a: unknown) => unknown[][] }> {
  const { recognise } = await import(resolve(root, 'src/core/recognise.ts'));
  const { analyseWorkbook } = await import(resolve(root, 'src/core/analyse.ts'));
  const { definitionRows } = await import(resolve(root, 'src/core/definitions.ts'));
  return { recognise, analyseWorkbook, definitionRows };
}

function outcome(c: Core, snaps: GridSnapshot[], lang: 'ja' | 'en'): string {
  try {
    return JSON.stringify(c.analyseWorkbook(c.recognise(snaps), snaps, { lang }));
  } catch (e) {
    return `threw ${String(e)}`;
  }
}

async function main(): Promise<void> {
  const ref = arg('ref', 'main');
  // the other tree inside this one, so that it finds the same node_modules
  const dir = mkdtempSync(join(ROOT, '.compare-'));
  try {
    execSync(`git archive ${ref} src | tar -x -C ${dir}`, { cwd: ROOT, stdio: 'inherit' });
    const [mine, theirs] = [await core(ROOT), await core(dir)];
    const cases = await workbooks(Number(arg('kpis', '0')), (s) => mine.definitionRows(mine.recognise(s), mine.analyseWorkbook(mine.recognise(s), s, { lang: 'ja' })));
    let differ = 0;
    for (const c of cases) {
      for (const lang of ['ja', 'en'] as const) {
        if (outcome(mine, c.snaps, lang) === outcome(theirs, c.snaps, lang)) continue;
        differ++;
        process.stdout.write(`differs: ${c.name} (${lang})\n`);
      }
    }
    process.stdout.write(`${cases.length} workbooks × 2 languages: ${differ === 0 ? `analysis identical to ${ref}` : `${differ} differ from ${ref}`}\n`);
    process.exitCode = differ === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
