/**
 * Run by check-memory.test.ts in a process of its own (a heap snapshot of a small process takes a
 * second; of jest's, half a minute): which opened workbooks are still reachable (1) when a host has
 * just been opened, (2) after readFileForCheck returns, (3) when the core first reads the cells of a
 * snapshot `check --json` read. Prints the three answers as JSON.
 */
import { readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeHeapSnapshot } from 'v8';
import { main } from '../../src/cli/main';
import { readFileForCheck } from '../../src/cli/commands/check';
import type { GridSnapshot } from '../../src/core/snapshot';
import { XlsxHost } from '../../src/xlsx/host';
import { ReadOnlyXlsxHost } from '../../src/xlsx/read-only-host';

/** Hung on every workbook opened: found in a heap snapshot only while the workbook is reachable. */
class OpenedWorkbookMarker {}
const MARK = Symbol('opened');

const original = XlsxHost.fromBuffer;
XlsxHost.fromBuffer = async (...args: Parameters<typeof original>) => {
  const host = await original.apply(XlsxHost, args);
  (host.workbook as unknown as Record<symbol, unknown>)[MARK] = new OpenedWorkbookMarker();
  return host;
};

/** How many marked workbooks are reachable now (a heap snapshot holds only reachable objects). */
function markedWorkbooksAlive(): number {
  const file = writeHeapSnapshot(join(tmpdir(), `kpi-check-memory-${process.pid}-${Date.now()}.heapsnapshot`));
  const heap = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  rmSync(file);
  const fields = heap.snapshot.meta.node_fields;
  const name = heap.strings.indexOf(OpenedWorkbookMarker.name);
  const object = heap.snapshot.meta.node_types[0].indexOf('object');
  let n = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    if (heap.nodes[i + fields.indexOf('name')] === name && heap.nodes[i + fields.indexOf('type')] === object) n++;
  }
  return n;
}

/** The snapshot with `count` called when its cells are first read (the getter holds nothing of the host). */
function firstReadCounted(snapshot: GridSnapshot, count: () => void): GridSnapshot {
  let values = snapshot.values;
  let seen = false;
  Object.defineProperty(snapshot, 'values', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!seen) count();
      seen = true;
      return values;
    },
    set: (v: GridSnapshot['values']) => {
      values = v;
    },
  });
  return snapshot;
}

async function run(file: string): Promise<void> {
  const host = await XlsxHost.fromBuffer(readFileSync(file));
  const whileHeld = markedWorkbooksAlive();
  void host;
  const { read } = await readFileForCheck(file, 'ja');
  const afterRead = markedWorkbooksAlive() - whileHeld;
  void read;
  // the core's first read of a snapshot's cells (recognise): a getter on each snapshot check reads
  const atCore: number[] = [];
  // check reads through the read-only reader's host when it reads the file (no exceljs workbook made), else exceljs's
  for (const proto of [XlsxHost.prototype, ReadOnlyXlsxHost.prototype] as { readSnapshot: XlsxHost['readSnapshot'] }[]) {
    const readSnapshot = proto.readSnapshot;
    proto.readSnapshot = async function (this: unknown, ...args: Parameters<typeof readSnapshot>) {
      return firstReadCounted(await readSnapshot.apply(this, args), () => atCore.push(markedWorkbooksAlive() - whileHeld));
    };
  }
  const out: string[] = [];
  const code = await main(['check', file, '--json'], { out: (l) => out.push(l), err: () => {} });
  const kpis = (JSON.parse(out.join('\n')) as { sheets: { kpis: unknown[] }[] }).sheets[0].kpis.length;
  process.stdout.write(`${JSON.stringify({ whileHeld, afterRead, atCore, code, kpis })}\n`);
}

run(process.argv[2]).catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
