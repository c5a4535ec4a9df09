/**
 * `npx tsx scripts/profile-core.ts [--kpis 10000] [--runs 12] [--warmup 4] [--write dir | --from file.xlsx]`: recognise +
 * analyse of bench.ts's one-sheet synthetic workbook, in process, per KPI (CPU time of the whole process),
 * every run printed with its main-thread GC, then the summary of `core-runs.ts`: run 0 cold, runs
 * 1 … warmup−1 warming, the rest settled (median and mean). Run under
 * `node --cpu-prof --import tsx` to profile the core alone; --write also saves the .xlsx (for
 * profiling `kpi-progress check` end to end). The snapshot is read as check reads it (no cell extras) and
 * the host dropped before the core runs: nothing keeps exceljs's workbook reachable while it is measured.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { analyseWorkbook } from '../src/core/analyse';
import { recognise } from '../src/core/recognise';
import { DEFAULT_WARMUP, GcLog, describe, runCore, summarise, type TimedRun } from './core-runs';
import { XlsxHost } from '../src/xlsx/host';
import type { GridSnapshot } from '../src/core/snapshot';
import { loadSampleGrid } from '../test/fuzz/properties';
import { synthetic } from './bench';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);

/** The first sheet's snapshot as check reads it; the host (exceljs's workbook) is garbage on return. */
async function checkSnapshots(bytes: Uint8Array): Promise<GridSnapshot[]> {
  const host = await XlsxHost.fromBuffer(bytes);
  return [await host.readSnapshot((await host.listSheets())[0].name, { extras: false })];
}

async function main(): Promise<void> {
  const n = Number(arg('kpis', '10000'));
  const runs = Number(arg('runs', '12'));
  const warmup = Number(arg('warmup', String(DEFAULT_WARMUP)));
  // body merges dropped, as bench.ts's paired sheet (exceljs merges are quadratic)
  const bytes = argv.includes('--from')
    ? new Uint8Array(readFileSync(arg('from', '')))
    : await XlsxHost.fromWorkbook(synthetic(await loadSampleGrid(), n, n, [])).toBuffer();
  if (argv.includes('--write')) writeFileSync(join(arg('write', '.'), `one-sheet-${n}.xlsx`), bytes);
  const snaps = await checkSnapshots(bytes);
  const gc = new GcLog();
  const timed: TimedRun[] = [];
  for (let run = 0; run < runs; run++) timed.push(runCore({ recognise, analyseWorkbook }, snaps));
  const done = await gc.attribute(timed);
  gc.stop();
  done.forEach((r, run) =>
    process.stdout.write(
      `run ${run}: ${r.kpis} KPIs, ${r.findings} findings, recognise ${r.recognise.toFixed(1)} + analyse ${(r.total - r.recognise).toFixed(1)} = ${r.total.toFixed(1)} µs CPU per KPI` +
        ` (${r.wallMs.toFixed(0)} ms wall; GC ${r.gcMs.toFixed(0)} ms main thread: ${r.scavenges} scavenges, ${r.markCompacts} Mark-Compact)\n`,
    ),
  );
  if (runs > warmup) process.stdout.write(`recognise + analyse, µs CPU per KPI (target ≤ 30, compared with the settled mean): ${describe(summarise(done, warmup), warmup)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
