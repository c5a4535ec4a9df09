#!/usr/bin/env node
/**
 * `node scripts/check-stages.js <file.xlsx> [--runs 3] [--lang ja|en] [--build DIR]`: where the first call of
 * `kpi-progress check --json` spends its time, stage by stage, each run in a fresh process of the built CLI
 * (`npm run build:cli` first; --build takes another checkout's build): node's start, loading the modules,
 * opening the file (the read-only reader, which reads the snapshots as it opens; in older builds
 * exceljs's load and this project's adapters), the snapshot, recognise + analyse (the core's one cold
 * run), the document and its JSON text (written to /dev/null, as check writes it to a file). The
 * build's bundle (dist/node/kpi-progress.js, which bin/kpi-progress.js runs) when it has one, else its
 * dist/node files.
 * Per stage: CPU of the whole process (every thread), of it the main thread's (Linux), and wall time in
 * ms, and the main-thread GC pauses that began in it (V8's gc performance entries). Plain JavaScript, so
 * no TypeScript loader is timed with the modules.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node itself */
/* global require, process, performance, setTimeout, __dirname, __filename */
const { execFileSync } = require('child_process');
const path = require('path');

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const STAGES = ['node start', 'modules', 'open', 'snapshot', 'recognise + analyse (cold)', 'document + JSON text'];

/** One run, in this process: prints a JSON line of [stage, cpu ms, wall ms, gc ms, gc count]. */
/**
 * CPU of the main thread alone, ms (Linux: utime + stime of /proc/self/task/<pid>/stat, in clock ticks of
 * 10 ms); null elsewhere. The rest of a stage's CPU ran on V8's helper threads: TurboFan's compiles and
 * the concurrent parts of garbage collection.
 */
function mainThreadCpu() {
  try {
    const stat = require('fs').readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function child(build, file, lang) {
  const start = process.cpuUsage();
  const startMain = mainThreadCpu();
  const startWall = performance.now();
  const { PerformanceObserver } = require('perf_hooks');
  const gcs = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const marks = [['node start', (start.user + start.system) / 1000, startWall, 0, startWall, startMain]];
  let last = start;
  let lastMain = startMain;
  let lastWall = startWall;
  const mark = (name) => {
    const c = process.cpuUsage();
    const main = mainThreadCpu();
    const w = performance.now();
    marks.push([name, (c.user + c.system - last.user - last.system) / 1000, w - lastWall, lastWall, w, main === null || lastMain === null ? null : main - lastMain]);
    last = c;
    lastMain = main;
    lastWall = w;
  };
  const dist = path.join(build, 'dist/node');
  // the bundle bin/kpi-progress.js runs (npm run build:cli), else (an older build) the files of dist/node
  const bundle = path.join(dist, 'kpi-progress.js');
  const node = () => require(path.join(dist, 'xlsx/node.js'));
  const check = require('fs').existsSync(bundle)
    ? await require(bundle).checkStages()
    : {
        ...require(path.join(dist, 'cli/commands/check.js')),
        openReadOnlyHostFile: node().openReadOnlyHostFile,
        openXlsxHostFile: node().openXlsxHostFile,
        readFromHost: require(path.join(dist, 'app/load.js')).readFromHost,
        writeJson: require(path.join(dist, 'cli/json-stream.js')).writeJson,
      };
  const { readFromHost, writeJson } = check;
  // check opens through the read-only reader where the build has it (src/xlsx/fast): its open reads every snapshot
  const open = check.openReadOnlyHostFile ?? check.openXlsxHostFile;
  mark('modules');
  let host = await open(file);
  mark('open');
  const read = await readFromHost(host, { lang, extras: false });
  host = null; // as check: the host is garbage before the core runs
  mark('snapshot');
  const { model, snapshots, analysis } = check.analyseForCheck(read, lang);
  mark('recognise + analyse (cold)');
  let chars = 0;
  // written as check writes it to a file: each piece encoded to UTF-8 and written (to /dev/null), which
  // flattens the piece's string; counting characters alone left that out (about 100-200 ms at 10,000 KPIs)
  const fs = require('fs');
  const fd = fs.openSync('/dev/null', 'w');
  writeJson(check.buildCheckDocument(file, model, analysis, lang, snapshots), (piece) => {
    chars += piece.length;
    fs.writeSync(fd, piece);
  });
  fs.closeSync(fd);
  mark('document + JSON text');
  await new Promise((r) => setTimeout(r, 100)); // the gc entries arrive on later turns of the loop
  observer.disconnect();
  const out = marks.map(([name, cpu, wall, from, to, main]) => {
    const inStage = gcs.filter((e) => e.startTime >= from && e.startTime < to);
    return [name, cpu, wall, inStage.reduce((s, e) => s + e.duration, 0), inStage.length, main];
  });
  process.stdout.write(`${JSON.stringify({ stages: out, chars })}\n`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function parent() {
  const file = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
  if (!file) {
    process.stderr.write('usage: node scripts/check-stages.js <file.xlsx> [--runs 3] [--lang ja|en] [--build DIR]\n');
    process.exitCode = 2;
    return;
  }
  const runs = Number(opt('runs', '3'));
  const lang = opt('lang', 'ja');
  const build = path.resolve(opt('build', path.join(__dirname, '..')));
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(JSON.parse(execFileSync(process.execPath, [__filename, '--child', build, path.resolve(file), lang], { encoding: 'utf8', maxBuffer: 1 << 26 })));
  }
  const total = (r) => r.stages.reduce((s, x) => s + x[1], 0);
  const f = (x) => x.toFixed(0);
  process.stdout.write(`check --json of ${file} (${results[0].chars} characters of JSON), ${runs} fresh processes, build ${build}; load average ${require('os').loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end\n`);
  process.stdout.write('stage: CPU of every thread, ms (each run) | of it the main thread (10 ms ticks) | wall, ms | main-thread GC pauses, ms (count)\n');
  STAGES.forEach((name, i) => {
    const cpu = results.map((r) => r.stages[i][1]);
    const main = results.map((r) => r.stages[i][5]);
    const wall = results.map((r) => r.stages[i][2]);
    const gc = results.map((r) => r.stages[i][3]);
    const n = results.map((r) => r.stages[i][4]);
    const mainText = main.some((x) => x === null || x === undefined) ? '–' : f(median(main));
    process.stdout.write(`  ${name}: ${f(median(cpu))} (${cpu.map(f).join(', ')}) | ${mainText} | ${f(median(wall))} | ${i === 0 ? '–' : `${f(median(gc))} (${median(n)})`}\n`);
  });
  process.stdout.write(`  total: ${f(median(results.map(total)))} (${results.map(total).map(f).join(', ')})\n`);
}

if (argv[0] === '--child') {
  child(argv[1], argv[2], argv[3]).catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
} else parent();
