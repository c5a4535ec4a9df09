/**
 * `npx tsx scripts/bench-compare.ts [--kpis 10000] [--runs 3]`: comparing two editions of a large
 * table (issue #15) against checking one. Both editions come from bench.ts's synthetic workbook
 * (the sample's tables repeated, names numbered); the current one has R2 filled in, 1 % of past actuals
 * revised, 1 % of KPIs renamed (figures kept), 1 % removed. Times the core on snapshots (the .xlsx load
 * is the same for both and measured by `npm run bench`). Prints Markdown for BENCHMARKS.md.
 */
import { cpus, loadavg } from 'os';
import { analyse } from '../src/core/analyse';
import { compareEditions } from '../src/core/compare';
import { recognise } from '../src/core/recognise';
import type { GridSnapshot } from '../src/core/snapshot';
import { snapshotFromWorksheet } from '../src/xlsx/snapshot';
import { loadSampleGrid } from '../test/fuzz/properties';
import { synthetic } from './bench';

const argv = process.argv.slice(2);
const arg = (name: string, d: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : d);
const N = Number(arg('kpis', '10000'));
const RUNS = Number(arg('runs', '3'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(f: () => T): [number, T] {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
}

function clone(s: GridSnapshot): GridSnapshot {
  return { ...s, values: s.values.map((r) => r.slice()) };
}

/** The next edition: R2 (column F) filled, every 100th KPI revised / renamed / removed. */
function nextEdition(prev: GridSnapshot[]): GridSnapshot[] {
  const out = prev.map(clone);
  let k = 0;
  for (const s of out) {
    for (let r = 0; r < s.values.length - 1; r++) {
      const row = s.values[r];
      if (row[1] !== '実績値') continue;
      k++;
      if (typeof row[4] === 'string' && row[5] === null) row[5] = row[4];
      if (k % 100 === 1 && typeof row[4] === 'string') row[4] = `${row[4]}0`.replace(/^(\d+)(\D*)0$/, '$10$2');
      if (k % 100 === 2 && typeof row[0] === 'string') row[0] = `${row[0]}（名称変更）`;
      if (k % 100 === 3) for (let c = 0; c < row.length; c++) row[c] = null;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const grid = await loadSampleGrid();
  const prevSnaps = synthetic(grid, N).worksheets.map(snapshotFromWorksheet);
  const curSnaps = nextEdition(prevSnaps);
  const t: Record<string, number[]> = { recognisePrev: [], recogniseCur: [], analyse: [], compare: [] };
  let findings = 0;
  let kpis = 0;
  let renamed = 0;
  for (let i = 0; i < RUNS; i++) {
    const [a, prev] = time(() => recognise(prevSnaps));
    const [b, cur] = time(() => recognise(curSnaps));
    const [c] = time(() => analyse(cur));
    const [d, cmp] = time(() => compareEditions(prev, cur));
    t.recognisePrev.push(a);
    t.recogniseCur.push(b);
    t.analyse.push(c);
    t.compare.push(d);
    findings = cmp.findings.length;
    kpis = cur.sheets.reduce((n, s) => n + s.kpis.length, 0);
    renamed = cmp.matches.filter((m) => m.how === 'renamed').length;
  }
  const m = (k: string) => median(t[k]);
  const check = m('recogniseCur') + m('analyse');
  const diff = m('recognisePrev') + m('recogniseCur') + m('compare');
  const f = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const rule = (s: string) => `| ${s} |`;
  process.stdout.write([
    `${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; medians of ${RUNS} runs.`,
    `Editions: ${N} KPIs before, ${kpis} after; ${findings} changes found, ${renamed} KPIs matched as renamed.`,
    '',
    '| stage (ms) | time |',
    '|---|---:|',
    rule(`recognise the current edition | ${f(m('recogniseCur'))}`),
    rule(`analyse (the check's rules) | ${f(m('analyse'))}`),
    rule(`recognise the previous edition | ${f(m('recognisePrev'))}`),
    rule(`compareEditions (match + changes) | ${f(m('compare'))}`),
    rule(`**check one edition** (recognise + analyse) | **${f(check)}**`),
    rule(`**diff two editions** (2 × recognise + compare) | **${f(diff)}**`),
    rule(`diff ÷ check | ${(diff / check).toFixed(2)}`),
    '',
  ].join('\n'));
}

main().catch((e) => {
  process.stderr.write(`bench-compare: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
