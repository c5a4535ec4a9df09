/**
 * `npx tsx scripts/profile-core.ts [--kpis 10000] [--runs 5] [--write dir | --from file.xlsx]`: recognise + analyse of
 * bench.ts's one-sheet synthetic workbook, in process, per KPI (CPU time). Run under
 * `node --cpu-prof --import tsx` to profile the core alone; --write also saves the .xlsx (for
 * profiling `kpi-progress check` end to end). The snapshot is read as check reads it (no cell extras) and
 * the host dropped before the core runs: nothing keeps exceljs's workbook reachable while it is measured.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { analyseWorkbook } from '../src/core/analyse';
import { recognise } from '../src/core/recognise';
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
  const runs = Number(arg('runs', '5'));
  // body merges dropped, as bench.ts's paired sheet (exceljs merges are quadratic)
  const bytes = argv.includes('--from')
    ? new Uint8Array(readFileSync(arg('from', '')))
    : await XlsxHost.fromWorkbook(synthetic(await loadSampleGrid(), n, n, [])).toBuffer();
  if (argv.includes('--write')) writeFileSync(join(arg('write', '.'), `one-sheet-${n}.xlsx`), bytes);
  const snaps = await checkSnapshots(bytes);
  for (let run = 0; run < runs; run++) {
    const t = process.cpuUsage();
    const w = performance.now();
    const model = recognise(snaps);
    const r = process.cpuUsage(t);
    const analysis = analyseWorkbook(model, snaps, { lang: 'ja' });
    const used = process.cpuUsage(t);
    const kpis = model.sheets[0]?.kpis.length ?? 0;
    const us = (u: NodeJS.CpuUsage) => ((u.user + u.system) / kpis).toFixed(1);
    process.stdout.write(`run ${run}: ${kpis} KPIs, ${analysis.findings.length} findings, recognise ${us(r)} + analyse ${((used.user + used.system - r.user - r.system) / kpis).toFixed(1)} = ${us(used)} µs CPU per KPI (${(performance.now() - w).toFixed(0)} ms wall)\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
