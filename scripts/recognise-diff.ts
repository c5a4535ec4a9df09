/**
 * `npx tsx scripts/recognise-diff.ts --base DIR [--inputs DIR] [--kpis 10000]`: recognises the same
 * snapshots with this checkout's `src/core` and with another copy (DIR holds `core/recognise.ts`, e.g.
 * `git archive main src | tar -x -C /tmp/base` → `/tmp/base/src`) and reports any sheet whose model
 * differs as JSON. Snapshots: the bundled sample, every `*.json` GridSnapshot in --inputs, and
 * profile-core's synthetic sheet of --kpis KPIs. For speed work on the recogniser, which must not
 * change what it reads.
 *
 * Parsed values and printed rates carry their cell in older models and not in newer ones (their cell is
 * the KPI's: `ByYear.cellOf`), so the models are compared without those positions, and every value's
 * cell is compared on its own, as each model tells it.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { GridSnapshot } from '../src/core/snapshot';
import { recognise } from '../src/core/recognise';
import { baselineCell, costCell, targetCell } from '../src/core/cells';
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
    const baseModel = base.recognise(structuredClone(snaps));
    const model = recognise(structuredClone(snaps));
    const want = JSON.stringify(baseModel, withoutValuePositions) + JSON.stringify(valueCells(baseModel));
    const got = JSON.stringify(model, withoutValuePositions) + JSON.stringify(valueCells(model));
    if (want === got) continue;
    differ++;
    let i = 0;
    while (want[i] === got[i]) i++;
    process.stdout.write(`${name}: differs at ${i}\n  base: …${want.slice(Math.max(0, i - 120), i + 120)}\n  this: …${got.slice(Math.max(0, i - 120), i + 120)}\n`);
  }
  process.stdout.write(`${cases.length} cases, ${differ} differ\n`);
  process.exitCode = differ ? 1 : 0;
}

/** A parsed value (text, kind, qualifier) or printed rate (text, kind, storage): the model's values. */
const isValue = (v: object): boolean => 'text' in v && 'kind' in v && ('qualifier' in v || 'storage' in v);

/**
 * JSON.stringify's replacer: values without the row and col older models gave them, the baseline and
 * target without the column newer ones keep beside the value, KPIs without their costCol.
 */
function withoutValuePositions(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && (('parsed' in v && 'col' in v) || 'costCol' in v)) {
    const rest: Record<string, unknown> = { ...v };
    if ('parsed' in v) delete rest.col;
    delete rest.costCol;
    return rest;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !isValue(v) || !('row' in v)) return v;
  const rest: Record<string, unknown> = { ...v };
  delete rest.row;
  delete rest.col;
  return rest;
}

type Placed = { get(year: number): unknown; years: readonly number[]; placed?: boolean; cellOf?: (year: number) => { row: number; col: number } | undefined };

/** "kpi field year row col" of every value of the year records, from the record (cellOf) or the value (older models). */
function valueCells(model: ReturnType<typeof recognise>): string[] {
  const out: string[] = [];
  for (const s of model.sheets) {
    for (const k of s.kpis) {
      for (const field of ['actuals', 'printedRates', 'expected', 'targets'] as const) {
        const by = k[field] as unknown as Placed | undefined;
        if (!by) continue;
        for (const y of by.years) {
          const v = by.get(y) as { row?: number; col?: number };
          const at = by.placed && by.cellOf ? by.cellOf(y) : { row: v.row, col: v.col };
          out.push(`${k.id} ${field} ${y} ${at?.row} ${at?.col}`);
        }
      }
      // the KPI's single values: their cell from the KPI (cells.ts) or, in older models, the value
      type At = { row: number; col: number } | null;
      const older = !('costCol' in (k as object));
      const own = (v: unknown) => v as At;
      const single: [string, At][] = [
        ['baseline', older ? own(k.baseline.parsed) : baselineCell(k)],
        ['target', older ? own(k.target.parsed) : targetCell(k)],
        ['cost', older ? own(k.cost) : costCell(k)],
        ...k.rateRowOther.map((v, i): [string, At] => [`rateRowOther${i}`, v]),
      ];
      for (const [field, v] of single) out.push(`${k.id} ${field} ${v ? `${v.row} ${v.col}` : '-'}`);
    }
  }
  return out;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
