/**
 * Recognise + analyse, run repeatedly in one process on the same snapshots, measured honestly: every run
 * is timed (CPU of the whole process, every thread, and wall), none is dropped, and the summary says
 * which runs it puts where — run 0 is **cold** (what `kpi-progress check` pays: it runs the core once),
 * runs 1 … warmup−1 are **warming** (still compiling and growing the heap; the count is stated, fixed
 * before the figures are seen), the rest are **settled**. Of the settled runs the summary gives the
 * median AND the mean: the mean includes the periodic Mark-Compact the core's allocation causes, a real
 * cost of the core. Garbage collection is read from V8's `gc` performance entries (main-thread pauses;
 * the helper threads' share is inside the CPU figure but not in the GC figure). No `gc()` calls.
 * Several processes' series of one build are pooled by `summariseProcesses`. Used by
 * `scripts/core-child.ts` (bench.ts's paired figure: each build alone in its own processes, taking
 * turns), by bench.ts's `--core-in-process` (both builds interleaved in one) and `scripts/profile-core.ts`.
 */
import { PerformanceObserver, constants, type PerformanceEntry } from 'perf_hooks';
import type { analyseWorkbook } from '../src/core/analyse';
import type { recognise } from '../src/core/recognise';
import type { GridSnapshot } from '../src/core/snapshot';

/** One build's core (this tree's or another commit's compiled one). */
export interface CoreFns {
  recognise: typeof recognise;
  analyseWorkbook: typeof analyseWorkbook;
}

/** One run of recognise + analyse. */
export interface CoreRun {
  kpis: number;
  findings: number;
  /** µs CPU per KPI (user + system of the whole process), recognise alone and recognise + analyse */
  recognise: number;
  total: number;
  wallMs: number;
  /** main-thread GC pauses during the run (ms) and their count by kind */
  gcMs: number;
  scavenges: number;
  markCompacts: number;
}

/** The warm-up stated when none is given: run 0 cold, runs 1–3 warming (the coordinator measured runs 1–3 at 56–100 µs, the rest 33–48). */
export const DEFAULT_WARMUP = 4;

/**
 * Collects V8's gc entries. The runs go back to back, as before (nothing between them escapes the CPU
 * figure: work the helper threads carry over lands in the next run); the entries, queued meanwhile,
 * are delivered on a later turn of the event loop and given to the runs by their start time at the end.
 */
export class GcLog {
  private entries: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    this.entries.push(...list.getEntries());
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Fills in each run's GC fields from the entries that started within it. */
  async attribute(runs: TimedRun[]): Promise<CoreRun[]> {
    // Node makes each entry in a native immediate after the collection, then queues the observer's
    // callback in another: a single turn of the loop can miss them; 100 ms is many turns
    await new Promise((r) => setTimeout(r, 100));
    this.entries.push(...this.observer.takeRecords());
    const kind = (e: PerformanceEntry) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    return runs.map(({ from, to, ...run }) => {
      const inRun = this.entries.filter((e) => e.startTime >= from && e.startTime < to);
      return {
        ...run,
        gcMs: inRun.reduce((s, e) => s + e.duration, 0),
        scavenges: inRun.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MINOR).length,
        markCompacts: inRun.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MAJOR).length,
      };
    });
  }

  stop(): void {
    this.observer.disconnect();
  }
}

/** A run before its GC entries are known: its span on performance.now()'s clock. */
export type TimedRun = Omit<CoreRun, 'gcMs' | 'scavenges' | 'markCompacts'> & { from: number; to: number };

/** One timed run of recognise + analyse (Japanese texts, as check by default); synchronous, so runs go back to back. */
export function runCore(core: CoreFns, snaps: GridSnapshot[]): TimedRun {
  const from = performance.now();
  const t = process.cpuUsage();
  const model = core.recognise(snaps);
  const r = process.cpuUsage(t);
  const analysis = core.analyseWorkbook(model, snaps, { lang: 'ja' });
  const used = process.cpuUsage(t);
  const to = performance.now();
  const kpis = model.sheets.reduce((s, sheet) => s + sheet.kpis.length, 0);
  return {
    kpis,
    findings: analysis.findings.length,
    recognise: (r.user + r.system) / kpis,
    total: (used.user + used.system) / kpis,
    wallMs: to - from,
    from,
    to,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** What a series of runs says, split as the module comment describes. */
export interface RunSummary {
  /** each process's run 0, and their median */
  colds: number[];
  cold: number;
  /** the last run's number in the longest series */
  lastRun: number;
  warming: number[];
  settled: number[];
  /** of the settled runs, µs CPU per KPI */
  median: number;
  mean: number;
  /** settled runs with at least one Mark-Compact */
  withMarkCompact: number;
  /** main-thread GC pauses ÷ wall time, settled runs together */
  gcShare: number;
  /** of the settled runs: recognise alone, median */
  recogniseMedian: number;
  /** medians of the settled runs' first and second halves (the middle run in neither): whether they still drift */
  halves: [number, number];
}

export function summarise(runs: CoreRun[], warmup: number): RunSummary {
  return summariseProcesses([runs], warmup);
}

/**
 * Several processes' runs of one build, each split as one series is (run 0 cold, warm-up, settled):
 * the settled runs pooled in process order, the cold figure the median of the processes' cold runs.
 */
export function summariseProcesses(series: CoreRun[][], warmup: number): RunSummary {
  const short = series.find((runs) => runs.length <= warmup);
  if (short) throw new Error(`${short.length} runs leave none settled after a warm-up of ${warmup}: give more runs`);
  const settled = series.flatMap((runs) => runs.slice(warmup));
  const totals = settled.map((r) => r.total);
  return {
    colds: series.map((runs) => runs[0].total),
    cold: median(series.map((runs) => runs[0].total)),
    lastRun: Math.max(...series.map((runs) => runs.length)) - 1,
    warming: series.flatMap((runs) => runs.slice(1, warmup).map((r) => r.total)),
    settled: totals,
    median: median(totals),
    mean: mean(totals),
    withMarkCompact: settled.filter((r) => r.markCompacts > 0).length,
    gcShare: settled.reduce((s, r) => s + r.gcMs, 0) / settled.reduce((s, r) => s + r.wallMs, 0),
    recogniseMedian: median(settled.map((r) => r.recognise)),
    halves: [median(totals.slice(0, Math.max(1, Math.floor(totals.length / 2)))), median(totals.slice(Math.ceil(totals.length / 2)))],
  };
}

const f1 = (x: number) => x.toFixed(1);

/** "runs a–b" or "run a". */
const span = (a: number, b: number) => (a === b ? `run ${a}` : `runs ${a}–${b}`);

/** One line: every run's figure, grouped as cold / warming / settled, with the settled median and mean. */
export function describe(s: RunSummary, warmup: number): string {
  const processes = s.colds.length;
  const each = processes > 1 ? ` of each of ${processes} processes` : '';
  return [
    processes > 1 ? `cold (run 0${each}) ${s.colds.map(f1).join(', ')}: median ${f1(s.cold)}` : `cold (run 0) ${f1(s.cold)}`,
    s.warming.length ? `warming (${span(1, warmup - 1)}${each}) ${s.warming.map(f1).join(', ')}` : null,
    `settled (${span(warmup, s.lastRun)}${each}) ${s.settled.map(f1).join(', ')}: median ${f1(s.median)}, mean ${f1(s.mean)}` +
      ` (recognise median ${f1(s.recogniseMedian)}; first half ${f1(s.halves[0])}, second half ${f1(s.halves[1])}); ${s.withMarkCompact} of ${s.settled.length} with a Mark-Compact;` +
      ` main-thread GC pauses ${(s.gcShare * 100).toFixed(0)} % of their wall time`,
  ]
    .filter((x) => x !== null)
    .join('; ');
}
