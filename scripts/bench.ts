/**
 * `npm run bench [-- --sizes 100,1000,10000 --runs 5]`: synthetic workbooks made from the sample's
 * KPI tables (written to a temp dir), timed stage by stage with medians of several runs in one process;
 * sync counts through the strict Excel double; peak memory of a 10,000-KPI `check` in a child process.
 * Prints a Markdown report (paste into BENCHMARKS.md).
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyseWorkbook } from '../src/core/analyse';
import { planFill } from '../src/core/plans/fill';
import { recheckKpi } from '../src/core/recheck';
import { recognise } from '../src/core/recognise';
import { buildIndex } from '../src/core/rules/context';
import { emptyRecord } from '../src/core/undo';
import { cellAddress, type CellRange, type GridSnapshot } from '../src/core/snapshot';
import { XlsxHost } from '../src/xlsx/host';
import { ExcelHost } from '../src/excel/host';
import { FakeExcel, FakeModel } from '../test/support/fake-excel';
import { headerRows } from '../test/fuzz/mutate';
import { loadSampleGrid } from '../test/fuzz/properties';
import { sampleSnapshots } from '../test/support/sample';
import { analyse } from '../src/core/analyse';
import { writeGrid, type GridCell, type GridSheet } from '../test/fuzz/grid';
import { DEFAULT_WARMUP, GcLog, describe, runCore, summarise, summariseProcesses, type CoreFns, type CoreRun, type RunSummary, type TimedRun } from './core-runs';

const ROOT = join(__dirname, '..');
const KPIS_PER_SHEET = 2000; // exceljs's load is quadratic in one sheet's merged areas: keep sheets realistic
const argv = process.argv.slice(2);
const arg = (name: string) => argv[argv.indexOf(`--${name}`) + 1];
const SIZES = (argv.includes('--sizes') ? arg('sizes') : '100,1000,10000').split(',').map(Number);
const RUNS = Number(argv.includes('--runs') ? arg('runs') : 5);
/** `--only table` (stage table), `--only paired` (check ÷ load, merged ÷ unmerged); both by default. */
const ONLY = argv.includes('--only') ? arg('only') : null;
/** `--before <git ref>`: also build that commit's CLI and core and measure them in the same run. */
const BEFORE = argv.includes('--before') ? arg('before') : null;
/** paired's recognise + analyse: `--core-runs` runs per process, of which `--warmup` (run 0 cold, the rest warming) are reported apart. */
const CORE_RUNS = Number(argv.includes('--core-runs') ? arg('core-runs') : 12);
const WARMUP = Number(argv.includes('--warmup') ? arg('warmup') : DEFAULT_WARMUP);
/** paired's recognise + analyse: `--core-processes` child processes per build (each alone), or `--core-in-process` (both builds in this one). */
const CORE_PROCESSES = Number(argv.includes('--core-processes') ? arg('core-processes') : 3);
const CORE_IN_PROCESS = argv.includes('--core-in-process');

const text = (c: GridCell | null) => (c && typeof c.v === 'string' ? c.v : '');

/** A workbook of n KPIs: the sample's tables repeated (names numbered), the R2 rates emptied for fill. */
export function synthetic(sample: GridSheet, n: number, perSheet = KPIS_PER_SHEET, bodyMerges: CellRange[] | null = null): ExcelJS.Workbook {
  const heads = headerRows(sample);
  const spans = heads.map((h, i) => [h, i + 1 < heads.length ? heads[i + 1] : sample.rows.length]);
  const wb = new ExcelJS.Workbook();
  let made = 0;
  for (let sheetNo = 1; made < n; sheetNo++) {
    const g: GridSheet = { name: n > perSheet ? `進捗状況一覧表${sheetNo}` : '進捗状況一覧表', rows: sample.rows.slice(0, heads[0]), merges: sample.merges.filter((m) => m.bottom <= heads[0]), widths: sample.widths };
    let onSheet = 0;
    for (let t = 0; made < n && onSheet < perSheet; t++) {
      const [start, end] = spans[t % spans.length];
      const copy = Math.floor(t / spans.length) + sheetNo * 1000;
      const at = g.rows.length;
      let last = start;
      for (let r = start; r < end; r++) {
        const line = sample.rows[r].slice();
        if (line.some((c) => text(c) === '実績値')) {
          if (made >= n || onSheet >= perSheet) break;
          made++;
          onSheet++;
          line[0] = { ...line[0]!, v: text(line[0]).replace(/^((?:\((?:内訳|再掲)\)\s*)?)/, `$1第${copy}群 `) };
        }
        if (line.some((c) => text(c) === '達成率')) line[5] = line[5] ? { v: null, style: line[5].style } : null;
        g.rows.push(line);
        last = r + 1;
      }
      const moved = sample.merges.filter((m) => m.top > start && m.bottom <= last).map((m) => ({ ...m, top: m.top - start + at, bottom: m.bottom - start + at }));
      // bodyMerges: the caller writes them into the sheet XML itself (exceljs's mergeCells is quadratic)
      if (bodyMerges) bodyMerges.push(...moved);
      else g.merges.push(...moved);
    }
    writeGrid(wb, g);
  }
  return wb;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

interface Row {
  kpis: number;
  bytes: number;
  stages: Record<string, number>;
  recheck: number;
  syncs: Record<string, string>;
}

async function measure(file: string, kpis: number): Promise<Row> {
  const bytes = new Uint8Array(readFileSync(file));
  const samples: Record<string, number[]> = {};
  const add = (k: string, ms: number) => (samples[k] ??= []).push(ms);
  let recheck: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    add('exceljs load', (await time(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)))[0]);
    const [hostMs, host] = await time(() => XlsxHost.fromBuffer(bytes));
    add('host open (load + link/note repair)', hostMs);
    const sheets = (await host.listSheets()).map((s) => s.name);
    const [snapMs, snapshots] = await time(async () => {
      const out: GridSnapshot[] = [];
      for (const s of sheets) out.push(await host.readSnapshot(s));
      return out;
    });
    add('snapshot', snapMs);
    const [recMs, model] = await time(() => recognise(snapshots));
    add('recognise', recMs);
    const [anaMs, analysis] = await time(() => analyseWorkbook(model, snapshots, { lang: 'ja' }));
    add('analyse (validate)', anaMs);
    const input = { sheets: await host.listSheets(), snapshots, model, analysis, record: emptyRecord(), lang: 'ja' as const };
    const [planMs, plan] = await time(() => planFill(input));
    add('plan (fill)', planMs);
    add('apply', (await time(() => host.applyPlan(plan)))[0]);
    add('save', (await time(() => host.toBuffer()))[0]);
    if (run === 0 && model.sheets.reduce((a, s) => a + s.kpis.length, 0) !== kpis) throw new Error(`expected ${kpis} KPIs`);
    // live re-check: one KPI's actual edited, 50 KPIs across the workbook
    const index = buildIndex(model);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const sheet = model.sheets[i % model.sheets.length];
      const kpi = sheet.kpis[Math.floor((i * 7919) % sheet.kpis.length)];
      const snap = snapshots.find((s) => s.sheet === sheet.sheet)!;
      const col = sheet.tables[kpi.tableIndex].columns.years[0].col;
      const values = snap.values.slice();
      values[kpi.row - snap.origin.row] = values[kpi.row - snap.origin.row].slice();
      values[kpi.row - snap.origin.row][col - snap.origin.col] = `${i}件`;
      times.push((await time(() => recheckKpi(model, { ...snap, values }, kpi.id, { analysis, index })))[0]);
    }
    recheck = recheck.concat(times);
  }
  const stages = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  return { kpis, bytes: bytes.length, stages, recheck: median(recheck), syncs: await syncCounts(bytes) };
}

/** context.sync() counts of the Excel host over the strict double: reading every sheet, applying fill. */
async function syncCounts(bytes: Uint8Array): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const excel = new FakeExcel(FakeModel.fromExcelJs(wb), { api: '1.17', payloadLimitBytes: 5 * 1024 * 1024 });
  const host = new ExcelHost(excel.env());
  const sheets = (await host.listSheets()).map((s) => s.name);
  const out: Record<string, string> = {};
  const snapshots: GridSnapshot[] = [];
  for (const s of sheets) {
    excel.resetCounts();
    snapshots.push(await host.readSnapshot(s));
    out[`read ${s}`] = `${excel.syncCount} syncs, largest response ${(Math.max(...excel.syncs.map((x) => x.responseBytes)) / 1e6).toFixed(2)} MB`;
  }
  const model = recognise(snapshots);
  const analysis = analyseWorkbook(model, snapshots, { lang: 'ja' });
  const plan = planFill({ sheets: await host.listSheets(), snapshots, model, analysis, record: emptyRecord(), lang: 'ja' });
  excel.resetCounts();
  const result = await host.applyPlan(plan);
  const sent = excel.syncs.reduce((a, x) => a + x.requestBytes, 0);
  out['apply fill'] = `${excel.syncCount} syncs for ${result.applied} edits, ${(sent / 1e6).toFixed(2)} MB sent (${Math.ceil(sent / (5 * 1024 * 1024))} × 5 MB)`;
  return out;
}

/** Peak RSS of `kpi-progress check --json` on the file, in a child process. */
function peakMemory(file: string): string {
  if (!existsSync(join(ROOT, 'dist/node/kpi-progress.js'))) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT });
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', 'node', join(ROOT, 'bin/kpi-progress.js'), 'check', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [kb, s] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return `${(kb / 1024).toFixed(0)} MB peak RSS, ${s.toFixed(1)} s wall (exit ${r.status})`;
}

/**
 * Live re-check with all KPIs on ONE sheet (the worst case for it), built at snapshot level from the
 * sample's rows (no file: exceljs would need minutes for the merges). Median and 90th percentile.
 */
export async function recheckOneSheet(kpis: number): Promise<string> {
  const s = (await sampleSnapshots())[0];
  const first = s.values.findIndex((line) => typeof line[0] === 'string' && line[0].startsWith('重要業績評価指標'));
  const body = s.values.length - first;
  const big: GridSnapshot = { ...s, values: s.values.slice(0, first), formulas: s.formulas.slice(0, first), numberFormats: s.numberFormats.slice(0, first), merges: s.merges.filter((m) => m.bottom <= first) };
  for (let k = 0; k * 84 < kpis; k++) {
    for (let r = first; r < s.values.length; r++) {
      const line = s.values[r].slice();
      if (line[1] === '実績値' && typeof line[0] === 'string') line[0] = line[0].replace(/^((?:\((?:内訳|再掲)\)\s*)?)/, `$1第${k}群 `);
      big.values.push(line);
      big.formulas.push(s.formulas[r]);
      big.numberFormats.push(s.numberFormats[r]);
    }
    big.merges.push(...s.merges.filter((m) => m.top > first).map((m) => ({ ...m, top: m.top + k * body, bottom: m.bottom + k * body })));
  }
  const [fullMs, model] = await time(() => recognise([big]));
  const [anaMs, analysis] = await time(() => analyse(model));
  const index = buildIndex(model);
  const list = model.sheets[0].kpis;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const kpi = list[(i * 7919) % list.length];
    const values = big.values.slice();
    values[kpi.row - 1] = values[kpi.row - 1].slice();
    values[kpi.row - 1][4] = `${i}件`;
    times.push((await time(() => recheckKpi(model, { ...big, values }, kpi.id, { analysis, index })))[0]);
  }
  times.sort((a, b) => a - b);
  return `${list.length} KPIs on one sheet (${big.values.length} rows): re-check median ${times[150].toFixed(2)} ms, 90th percentile ${times[270].toFixed(2)} ms (full recognise ${fmt(fullMs)} ms + analyse ${fmt(anaMs)} ms)`;
}

/** The sheet XML of sheet 1 with `merges` added to its <mergeCells> (as Excel writes them). */
async function withMerges(bytes: Uint8Array, merges: CellRange[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(path)!.async('string');
  const refs = merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join('');
  const count = /<mergeCells count="(\d+)">/.exec(xml);
  xml = count
    ? xml.replace(count[0], `<mergeCells count="${Number(count[1]) + merges.length}">`).replace('</mergeCells>', `${refs}</mergeCells>`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="${merges.length}">${refs}</mergeCells>`);
  zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A build of the CLI and core: this worktree's, or a git ref's compiled in a temp folder. */
interface Build {
  label: string;
  dir: string;
}

function buildAt(ref: string | null, tmp: string): Build {
  if (!ref) {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT });
    return { label: 'after (this tree)', dir: ROOT };
  }
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(tmp, `build-${commit}`);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${dir}`], { cwd: ROOT });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: dir });
  return { label: `before (${commit})`, dir };
}

/** CPU time (user + system of every thread, ms) and wall time (ms) of one child process. */
interface Usage {
  cpu: number;
  wall: number;
}

/**
 * CPU time (user + system, ms) and wall time (elapsed, ms) of a child process, node start included,
 * through /usr/bin/time: on a machine shared by several people CPU time is steadier than wall time, so
 * CPU is the primary figure. Throws unless exit 0 or 1.
 */
function usageOf(args: string[]): Usage {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'node', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const [user, sys, elapsed] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { cpu: (user + sys) * 1000, wall: elapsed * 1000 };
}

/**
 * The snapshot of a workbook's first sheet as check reads it (no cell extras), with the host left
 * behind: nothing keeps exceljs's workbook (about 150 MB of objects at 10,000 KPIs) reachable while the
 * core is measured, as check itself keeps none.
 */
async function checkSnapshots(bytes: Uint8Array): Promise<GridSnapshot[]> {
  const host = await XlsxHost.fromBuffer(bytes);
  return [await host.readSnapshot((await host.listSheets())[0].name, { extras: false })];
}

const LOAD_ALONE = "const E=require('exceljs');new E.Workbook().xlsx.load(require('fs').readFileSync(process.argv[1])).then(()=>{})";

/**
 * recognise + analyse per KPI, each build alone in its own child process (scripts/core-child.ts, the
 * read-only reader as check reads): `--core-processes` processes per build of `--core-runs` runs each,
 * the builds taking turns and swapping order every round. Every run timed, none dropped.
 */
function coreInChildren(builds: Build[], file: string, n: number): Map<Build, RunSummary> {
  const series = new Map<Build, CoreRun[][]>(builds.map((b) => [b, []]));
  for (let round = 0; round < CORE_PROCESSES; round++) {
    for (const b of round % 2 ? [...builds].reverse() : builds) {
      const r = spawnSync('node', ['--import', 'tsx', join(ROOT, 'scripts/core-child.ts'), b.dir, file, String(CORE_RUNS)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`core-child ${b.label}: exit ${r.status}\n${r.stderr}`);
      const runs = JSON.parse(r.stdout) as CoreRun[];
      if (runs.some((x) => x.kpis !== n)) throw new Error(`expected ${n} KPIs, got ${runs.map((x) => x.kpis).join(', ')}`);
      series.get(b)!.push(runs);
    }
  }
  return new Map(builds.map((b) => [b, summariseProcesses(series.get(b)!, WARMUP)]));
}

/**
 * The same in this process (`--core-in-process`, the method of rounds 1–7): the builds interleaved, the
 * order swapped every run. One build's garbage is collected in the other's runs, which charges the build
 * that allocates less for the other's collections.
 */
async function coreInProcess(builds: Build[], plainBytes: Uint8Array, n: number): Promise<Map<Build, RunSummary>> {
  const snaps = await checkSnapshots(plainBytes);
  /* eslint-disable @typescript-eslint/no-require-imports -- two builds of the core side by side */
  const cores = builds.map((b) => ({
    b,
    recognise: require(join(b.dir, 'dist/node/core/recognise.js')).recognise as CoreFns['recognise'],
    analyseWorkbook: require(join(b.dir, 'dist/node/core/analyse.js')).analyseWorkbook as CoreFns['analyseWorkbook'],
  }));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const gc = new GcLog();
  const timed = new Map<Build, TimedRun[]>(builds.map((b) => [b, []]));
  for (let run = 0; run < CORE_RUNS; run++) {
    for (const c of run % 2 ? [...cores].reverse() : cores) {
      const r = runCore(c, snaps);
      if (r.kpis !== n) throw new Error(`expected ${n} KPIs, got ${r.kpis}`);
      timed.get(c.b)!.push(r);
    }
  }
  const perKpi = new Map<Build, RunSummary>();
  for (const b of builds) perKpi.set(b, summarise(await gc.attribute(timed.get(b)!), WARMUP));
  gc.stop();
  return perKpi;
}

/**
 * The issue #13 figures, each paired back to back in one run: `kpi-progress check` ÷ exceljs's load
 * alone (both child processes, node start included) on one sheet of n KPIs without merged areas;
 * check of the same sheet with names, 担当課, 備考 and シートNo. merged over each pair (4 areas a KPI)
 * ÷ without; recognise + analyse per KPI, warmed up, in this process. With --before, the same for
 * that commit's build, interleaved with this tree's.
 */
async function paired(sample: GridSheet, dir: string, n: number): Promise<string[]> {
  const merges: CellRange[] = [];
  const plainBytes = await XlsxHost.fromWorkbook(synthetic(sample, n, n, merges)).toBuffer();
  const plain = join(dir, `one-sheet-${n}.xlsx`);
  const merged = join(dir, `one-sheet-${n}-merged.xlsx`);
  writeFileSync(plain, plainBytes);
  writeFileSync(merged, await withMerges(plainBytes, merges));
  const builds = [buildAt(null, dir)];
  if (BEFORE) builds.unshift(buildAt(BEFORE, dir));
  // what bin/kpi-progress.js runs: the bundle (npm run build:cli), or an older build's dist/node files
  const cli = (b: Build) => (existsSync(join(b.dir, 'dist/node/kpi-progress.js')) ? join(b.dir, 'dist/node/kpi-progress.js') : join(b.dir, 'dist/node/cli/main.js'));
  const checkArgs = (b: Build, file: string) => ['-e', `require(${JSON.stringify(cli(b))}).main(['check', process.argv[1], '--json']).then((c)=>{process.exitCode=c})`, file];
  const load: Usage[] = [];
  const check = new Map<Build, Usage[]>(builds.map((b) => [b, []]));
  const checkMerged = new Map<Build, number[]>(builds.map((b) => [b, []]));
  const checkPlain = new Map<Build, number[]>(builds.map((b) => [b, []]));
  const loads: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    load.push(usageOf(['-e', LOAD_ALONE, plain]));
    for (const b of builds) check.get(b)!.push(usageOf(checkArgs(b, plain)));
    loads.push(loadavg()[0].toFixed(1));
  }
  // merged ÷ unmerged, paired back to back; a quadratic build gets one pair (minutes each)
  for (const b of builds) {
    const pairs = b.dir === ROOT ? RUNS : argv.includes('--before-merged') ? 1 : 0;
    for (let run = 0; run < pairs; run++) {
      checkMerged.get(b)!.push(usageOf(checkArgs(b, merged)).cpu);
      checkPlain.get(b)!.push(usageOf(checkArgs(b, plain)).cpu);
    }
  }
  const perKpi = CORE_IN_PROCESS ? await coreInProcess(builds, plainBytes, n) : coreInChildren(builds, plain, n);
  const ms = (xs: number[]) => (xs.length ? fmt(median(xs)) : '–');
  const cpu = (xs: Usage[]) => xs.map((x) => x.cpu);
  const wall = (xs: Usage[]) => xs.map((x) => x.wall);
  const ratio = (c: number[], l: number[]) => `${(median(c) / median(l)).toFixed(2)} (pairs ${c.map((x, i) => (x / l[i]).toFixed(2)).join(', ')})`;
  const out: string[] = [];
  out.push(`Paired, one sheet of ${n} KPIs (${(plainBytes.length / 1e6).toFixed(2)} MB; merged variant ${merges.length} more merged areas), medians of ${RUNS}; load average per round ${loads.join(', ')}. **CPU** is user + system time of the whole child process (every thread, node start included), the primary figure; **wall** is its elapsed time (/usr/bin/time), which on a shared machine also counts waiting for a core. recognise + analyse per KPI: CPU of the process (every thread), ${CORE_IN_PROCESS ? `in this process, ${CORE_RUNS} runs per build, interleaved` : `each build alone in its own process, ${CORE_PROCESSES} processes per build taking turns, ${CORE_RUNS} runs each`}; run 0 is cold (check runs the core once, cold), runs 1–${WARMUP - 1} warming (a warm-up stated beforehand), runs ${WARMUP}–${CORE_RUNS - 1} settled: their **mean** over ${CORE_IN_PROCESS ? 'the process' : 'all the processes'} (which includes the periodic Mark-Compact the core's allocation causes) is what the issue's ≤ 30 µs per KPI is compared with, their median beside it:`);
  out.push('');
  out.push(`| build | recognise + analyse per KPI, settled: mean (median), µs CPU; target ≤ 30 on the mean | recognise + analyse per KPI, cold run (µs CPU) | check (ms CPU) | exceljs load alone (ms CPU) | check ÷ load, CPU | check (ms wall) | load alone (ms wall) | check ÷ load, wall | check, merged (ms CPU) | check, unmerged, paired (ms CPU) | merged ÷ unmerged (CPU) |`);
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const b of builds) {
    const c = check.get(b)!;
    const m = checkMerged.get(b)!;
    const p = checkPlain.get(b)!;
    const pairRatios = m.map((x, i) => x / p[i]);
    const k = perKpi.get(b)!;
    out.push(`| ${b.label} | ${k.mean.toFixed(1)} (${k.median.toFixed(1)}) | ${k.cold.toFixed(1)} | ${ms(cpu(c))} | ${ms(cpu(load))} | ${ratio(cpu(c), cpu(load))} | ${ms(wall(c))} | ${ms(wall(load))} | ${ratio(wall(c), wall(load))} | ${ms(m)} | ${ms(p)} | ${pairRatios.length ? median(pairRatios).toFixed(2) : '–'} |`);
  }
  out.push('');
  for (const b of builds) out.push(`- recognise + analyse, ${b.label}, µs CPU per KPI: ${describe(perKpi.get(b)!, WARMUP)}.`);
  return out;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
  const sample = await loadSampleGrid();
  const rows: Row[] = [];
  const files: Record<number, string> = {};
  const out: string[] = [];
  if (ONLY !== 'table') {
    process.stderr.write(`measuring paired check / load and merged / unmerged on one sheet…\n`);
    out.push(...(await paired(sample, dir, Math.max(...SIZES))), '');
    if (ONLY === 'paired') {
      process.stdout.write(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')}\n\n${out.join('\n')}\n`);
      return;
    }
  }
  for (const n of SIZES) {
    const file = join(dir, `kpis-${n}.xlsx`);
    writeFileSync(file, await XlsxHost.fromWorkbook(synthetic(sample, n)).toBuffer());
    files[n] = file;
    process.stderr.write(`measuring ${n} KPIs (${file})…\n`);
    rows.push(await measure(file, n));
  }
  const cpu = cpus();
  out.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu[0]?.model ?? '?'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (shared machine). Medians of ${RUNS} runs in one process (re-check: median of ${RUNS * 50}).`);
  out.push('');
  const stages = Object.keys(rows[0].stages);
  out.push(`| stage (ms) | ${rows.map((r) => `${r.kpis} KPIs (${(r.bytes / 1e6).toFixed(2)} MB)`).join(' | ')} |`);
  out.push(`|---|${rows.map(() => '---:').join('|')}|`);
  for (const s of stages) out.push(`| ${s} | ${rows.map((r) => fmt(r.stages[s])).join(' | ')} |`);
  const core = (r: Row) => r.stages['recognise'] + r.stages['analyse (validate)'] + r.stages['plan (fill)'];
  out.push(`| **recognise + validate + plan** | ${rows.map((r) => `**${fmt(core(r))}**`).join(' | ')} |`);
  out.push(`| ÷ exceljs load (target ≤ 0.5) | ${rows.map((r) => (core(r) / r.stages['exceljs load']).toFixed(2)).join(' | ')} |`);
  out.push(`| live re-check of one KPI (target ≤ 5) | ${rows.map((r) => r.recheck.toFixed(2)).join(' | ')} |`);
  out.push('');
  out.push('Growth per 10× KPIs (1.0 per 10× = linear: ratio of times ÷ 10):');
  out.push('');
  for (let i = 1; i < rows.length; i++) {
    const f = rows[i].kpis / rows[i - 1].kpis;
    out.push(`- ${rows[i - 1].kpis} → ${rows[i].kpis}: ${stages.map((s) => `${s} ${(rows[i].stages[s] / rows[i - 1].stages[s] / f).toFixed(2)}`).join(', ')}`);
  }
  out.push('');
  out.push('Excel host over the strict double (ExcelApi 1.17, 5 MB cap):');
  out.push('');
  for (const r of rows) for (const [k, v] of Object.entries(r.syncs)) out.push(`- ${r.kpis} KPIs, ${k}: ${v}`);
  out.push('');
  out.push(`Live re-check, ${await recheckOneSheet(Math.max(...SIZES))}`);
  const biggest = Math.max(...SIZES);
  out.push('');
  out.push(`Peak memory, \`kpi-progress check --json\` on ${biggest} KPIs: ${peakMemory(files[biggest])}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
