/**
 * `node --import tsx scripts/core-child.ts BUILD_DIR FILE.xlsx RUNS [WARMUP]`: one build's compiled core
 * (BUILD_DIR/dist/node/core) run RUNS times on the first sheet of FILE, alone in this process, as
 * `kpi-progress check` reads it (the read-only reader, no cell extras); prints the runs as JSON on stdout.
 * bench.ts runs one of these per build in turn: in one shared process, the build that allocates more
 * leaves garbage that is collected in the other's runs (BENCHMARKS.md, issue #13, eighth round).
 */
import { join, resolve } from 'path';
import { openReadOnlyHostFile } from '../src/xlsx/node';
import { GcLog, runCore, type CoreFns, type TimedRun } from './core-runs';

async function main(): Promise<void> {
  const [dir, file, runsArg] = process.argv.slice(2);
  const build = resolve(dir);
  /* eslint-disable @typescript-eslint/no-require-imports -- a build chosen at run time */
  const core: CoreFns = {
    recognise: require(join(build, 'dist/node/core/recognise.js')).recognise,
    analyseWorkbook: require(join(build, 'dist/node/core/analyse.js')).analyseWorkbook,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const host = await openReadOnlyHostFile(file);
  const snaps = [await host.readSnapshot((await host.listSheets())[0].name, { extras: false })];
  const gc = new GcLog();
  const timed: TimedRun[] = [];
  for (let run = 0; run < Number(runsArg); run++) timed.push(runCore(core, snaps));
  const runs = await gc.attribute(timed);
  gc.stop();
  process.stdout.write(JSON.stringify(runs));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
