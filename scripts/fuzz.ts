/**
 * `npm run fuzz [-- --runs N] [-- --seed S [--path P]]`: the mutation fuzz test at scale.
 * Prints the case count and time; on failure the seed and path that replay it, and the shrunk case.
 */
import fc from 'fast-check';
import { emptyStats, fuzzProperty } from '../test/fuzz/property';
import { loadSampleGrid } from '../test/fuzz/properties';

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<number> {
  const seed = option('seed') !== undefined ? Number(option('seed')) : Date.now() ^ (Math.random() * 0x7fffffff);
  const path = option('path');
  const runs = Number(option('runs') ?? (path ? 1 : 10000));
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S [--path P]]\n');
    return 2;
  }
  const sample = await loadSampleGrid();
  const stats = emptyStats();
  const started = performance.now();
  let last = started;
  const property = fuzzProperty(sample, stats, () => {
    const now = performance.now();
    if (now - last < 15000) return;
    last = now;
    process.stderr.write(`  ${stats.cases} cases, ${((now - started) / 1000).toFixed(0)} s\n`);
  });
  const out = await fc.check(property, { numRuns: runs, seed, ...(path ? { path } : {}), endOnFailure: false });
  const seconds = (performance.now() - started) / 1000;
  const applied = Object.entries(stats.applied).map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(`fuzz: ${stats.cases} case runs (${out.numRuns} generated) in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, stats.cases)).toFixed(1)} ms/case), seed ${seed}\n`);
  process.stdout.write(`      ${stats.kpis} KPIs recognised in total; ${stats.rechecked} live re-checks compared with a full one; edits applied: ${applied}\n`);
  if (!out.failed) return 0;
  process.stdout.write(`\nFAILED after ${out.numRuns} cases (shrunk ${out.numShrinks} times)\n`);
  process.stdout.write(`replay: npm run fuzz -- --seed ${out.seed} --path ${out.counterexamplePath}\n`);
  process.stdout.write(`case: ${JSON.stringify(out.counterexample?.[0])}\n`);
  const err = out.errorInstance;
  process.stdout.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
