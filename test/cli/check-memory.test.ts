/**
 * `kpi-progress check` lets go of exceljs's workbook before the core runs: check writes nothing, and
 * at 10,000 KPIs the workbook is about 150 MB of objects that every garbage collection during
 * recognise and analyse would walk. Proved with a weak reference to the opened workbook and a full
 * collection forced at the moment check hands the snapshots to the core.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type ExcelJS from 'exceljs';
import * as load from '../../src/app/load';
import { main } from '../../src/cli/main';
import { readFileForCheck } from '../../src/cli/commands/check';
import { XlsxHost } from '../../src/xlsx/host';
import { SAMPLE_PROGRESS } from '../support/sample';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Every workbook XlsxHost.fromBuffer opens while `f` runs, held weakly. */
async function watchingWorkbooks<T>(f: (opened: WeakRef<ExcelJS.Workbook>[]) => Promise<T>): Promise<T> {
  const opened: WeakRef<ExcelJS.Workbook>[] = [];
  const original = XlsxHost.fromBuffer;
  // a plain replacement, not jest.spyOn: a mock keeps every result (the host) alive
  XlsxHost.fromBuffer = async (...args: Parameters<typeof original>) => {
    const host = await original.apply(XlsxHost, args);
    opened.push(new WeakRef(host.workbook));
    // a new WeakRef keeps its target alive until the microtask checkpoint ends: end it here
    await new Promise((r) => setImmediate(r));
    return host;
  };
  try {
    return await f(opened);
  } finally {
    XlsxHost.fromBuffer = original;
  }
}

/** Lets pending promise jobs and timers that still hold the host finish, then collects fully. */
async function collect(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  gc();
}

test('what check reads of a file keeps nothing of the host: the workbook can be collected', async () => {
  await watchingWorkbooks(async (opened) => {
    const { read } = await readFileForCheck(SAMPLE_PROGRESS, 'ja');
    expect(read.snapshots.length).toBeGreaterThan(0);
    expect(opened).toHaveLength(1);
    await collect();
    expect(opened[0].deref()).toBeUndefined();
  });
});

test('check --json: the workbook is garbage when the core starts, and the document is what it was', async () => {
  const alive: boolean[] = [];
  const analyse = load.analyseSnapshots;
  const spy = jest.spyOn(load, 'analyseSnapshots');
  await watchingWorkbooks(async (opened) => {
    spy.mockImplementation((...args) => {
      gc();
      alive.push(...opened.map((w) => w.deref() !== undefined));
      return analyse(...args);
    });
    const out: string[] = [];
    const code = await main(['check', SAMPLE_PROGRESS, '--json'], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n')).sheets[0].kpis.length).toBeGreaterThan(10);
  });
  spy.mockRestore();
  expect(alive).toEqual([false]);
});
