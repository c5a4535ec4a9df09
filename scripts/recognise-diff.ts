/**
 * `npx tsx scripts/recognise-diff.ts --base DIR [--inputs DIR] [--kpis 10000]`: recognises the same
 * snapshots with this checkout's `src/core` and with another copy (DIR holds `core/recognise.ts`, e.g.
 * `git archive main src | tar -x -C /tmp/base` → `/tmp/base/src`) and reports any sheet whose model
 * differs as JSON. Snapshots: the bundled sample, every `*.json` GridSnapshot in --inputs, and
 * profile-core's synthetic sheet of --kpis KPIs. For speed work on the recogniser, which must not
 * change what it reads.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { GridSnapshot } from '../src/core/snapshot';
import { recognise } from '../src/core/recognise';
import { XlsxHost } from '../src/xlsx/host';
import { loadSampleGrid } from '../test/fuzz/properties';
import { sampleSnapshots } from '../test/support/sample';
import { synthetic } from './bench';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const base = require(join(resolve(arg('base', '')), 'core', 'recognise')) as { recognise: typeof recognise };
  const cases: [string, GridSnapshot[]][] = [['sample', await sampleSnapshots()]];
  const inputs = arg('inputs', '');
  if (inputs) {
    for (const f of readdirSync(inputs).filter((n) => n.endsWith('.json')).sort()) {
      let s: GridSnapshot | GridSnapshot[];
      try {
        s = JSON.parse(readFileSync(join(inputs, f), 'utf8')) as GridSnapshot | GridSnapshot[];
      } catch {
        continue; // a file still being written
      }
      cases.push([f, Array.isArray(s) ? s : [s]]);
    }
  }
  const n = Number(arg('kpis', '10000'));
  if (n > 0) {
    const host = await XlsxHost.fromBuffer(await XlsxHost.fromWorkbook(synthetic(await loadSampleGrid(), n, n, [])).toBuffer());
    cases.push([`synthetic ${n}`, [await host.readSnapshot((await host.listSheets())[0].name)]]);
  }
  let differ = 0;
  for (const [name, snaps] of cases) {
    const want = JSON.stringify(base.recognise(structuredClone(snaps)));
    const got = JSON.stringify(recognise(structuredClone(snaps)));
    if (want === got) continue;
    differ++;
    let i = 0;
    while (want[i] === got[i]) i++;
    process.stdout.write(`${name}: differs at ${i}\n  base: …${want.slice(Math.max(0, i - 120), i + 120)}\n  this: …${got.slice(Math.max(0, i - 120), i + 120)}\n`);
  }
  process.stdout.write(`${cases.length} cases, ${differ} differ\n`);
  process.exitCode = differ ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
