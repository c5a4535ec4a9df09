/**
 * `npx tsx scripts/bench-save.ts [--kpis 10000] [--runs 3]`: the cost of saving by patching the
 * original package (issue #16, src/xlsx/ooxml) against exceljs's re-serialising save (what
 * XlsxHost.toBuffer did before, still used after modelEdited()), paired in one process: each run
 * opens the same synthetic workbook twice, applies the same plan, and saves once each way,
 * alternating which goes first. Plans: fill (達成率 cells) and flag (fills + notes).
 */
import { loadavg } from 'os';
import { analyseWorkbook } from '../src/core/analyse';
import { planFill } from '../src/core/plans/fill';
import { planFlag } from '../src/core/plans/flag';
import { recognise } from '../src/core/recognise';
import { emptyRecord } from '../src/core/undo';
import type { EditPlan } from '../src/core/plan';
import type { GridSnapshot } from '../src/core/snapshot';
import type { PlanInput } from '../src/core/plans/context';
import { XlsxHost } from '../src/xlsx/host';
import { loadSampleGrid } from '../test/fuzz/properties';
import { synthetic } from './bench';

const argv = process.argv.slice(2);
const arg = (name: string, d: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : d);
const KPIS = Number(arg('kpis', '10000'));
const RUNS = Number(arg('runs', '3'));

async function inputOf(host: XlsxHost): Promise<PlanInput> {
  const sheets = await host.listSheets();
  const snapshots: GridSnapshot[] = [];
  for (const s of sheets) snapshots.push(await host.readSnapshot(s.name));
  const model = recognise(snapshots);
  return { sheets, snapshots, model, analysis: analyseWorkbook(model, snapshots, { lang: 'ja' }), record: emptyRecord(), lang: 'ja' } as unknown as PlanInput;
}

async function save(bytes: Uint8Array, plan: EditPlan, patched: boolean): Promise<[number, number]> {
  const host = await XlsxHost.fromBuffer(bytes);
  await host.applyPlan(plan);
  if (!patched) host.modelEdited();
  const t = performance.now();
  const out = await host.toBuffer();
  return [performance.now() - t, out.length];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const wb = synthetic(await loadSampleGrid(), KPIS);
  const bytes = await XlsxHost.fromWorkbook(wb).toBuffer();
  const input = await inputOf(await XlsxHost.fromBuffer(bytes));
  const plans: [string, EditPlan][] = [
    ['fill', planFill(input)],
    ['flag', planFlag(input)],
  ];
  const lines: string[] = [];
  for (const [name, plan] of plans) {
    const patch: number[] = [];
    const excel: number[] = [];
    let sizes: [number, number] = [0, 0];
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? [true, false] : [false, true];
      for (const patched of order) {
        const [ms, size] = await save(bytes, plan, patched);
        (patched ? patch : excel).push(ms);
        sizes = patched ? [size, sizes[1]] : [sizes[0], size];
      }
    }
    lines.push(`| ${name} (${plan.edits.length} edits) | ${median(excel).toFixed(0)} | ${median(patch).toFixed(0)} | ${(median(patch) / median(excel)).toFixed(2)} | ${(sizes[1] / 1e6).toFixed(2)} / ${(sizes[0] / 1e6).toFixed(2)} |`);
  }
  process.stdout.write(
    `Save of a ${KPIS}-KPI workbook (${(bytes.length / 1e6).toFixed(2)} MB), medians of ${RUNS} paired runs, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')}:\n\n` +
      '| plan | exceljs save (ms) | patching save (ms) | patch ÷ exceljs | output MB (exceljs / patch) |\n|---|---:|---:|---:|---:|\n' +
      `${lines.join('\n')}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`bench-save: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
