/** The fuzz property shared by the jest test (1,000 cases) and `npm run fuzz` (10,000+). */
import fc from 'fast-check';
import { fuzzCaseArb } from './mutate';
import type { GridSheet } from './grid';
import { runCase } from './properties';

export interface FuzzStats {
  cases: number;
  kpis: number;
  /** Cases whose live re-check was compared with a full one. */
  rechecked: number;
  applied: Record<string, number>;
}

/** `onCase` runs after every case (progress output: timers do not fire during the run). */
export function fuzzProperty(sample: GridSheet, stats: FuzzStats, onCase?: () => void) {
  return fc.asyncProperty(fuzzCaseArb, async (c) => {
    const r = await runCase(sample, c);
    stats.cases++;
    stats.kpis += r.kpis;
    if (r.rechecked) stats.rechecked++;
    for (const [k, n] of Object.entries(r.applied)) stats.applied[k] = (stats.applied[k] ?? 0) + n;
    onCase?.();
    if (r.problems.length) throw new Error(r.problems.slice(0, 8).join('\n'));
  });
}

export function emptyStats(): FuzzStats {
  return { cases: 0, kpis: 0, rechecked: 0, applied: {} };
}
