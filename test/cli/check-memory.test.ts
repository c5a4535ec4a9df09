/**
 * `kpi-progress check` lets go of exceljs's workbook before the core runs: check writes nothing, and
 * at 10,000 KPIs the workbook is about 150 MB of objects that every garbage collection during
 * recognise and analyse would walk. check-memory.child.ts hangs an object of a class of its own on
 * every opened workbook and looks for it in heap snapshots (which hold only what is reachable): while
 * a host is held, after readFileForCheck returns, and when check hands its snapshots to the core.
 * (A WeakRef would not do: V8 keeps a WeakRef's target alive until the current job ends.)
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { SAMPLE_PROGRESS } from '../support/sample';

const ROOT = path.resolve(__dirname, '../..');

test('the workbook is garbage once check has read it, and when the core starts', () => {
  // --no-concurrent-recompilation: an optimising compile job on V8's helper thread holds handles to the
  // closure it compiles (seen as a "(Handle scope)" root → a Context whose `this` is an exceljs Row →
  // its worksheet → the workbook) until the job ends; on a loaded machine a snapshot taken then found
  // the workbook in 3 of 6 runs, never with the flag (10 of 10). Compile jobs are V8's, not check's.
  const out = execFileSync(process.execPath, ['--no-concurrent-recompilation', '--import', 'tsx', path.join(__dirname, 'check-memory.child.ts'), SAMPLE_PROGRESS], { cwd: ROOT, encoding: 'utf8' });
  // the marker is found while its host is held (so its absence means something); none of check's own is kept
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ whileHeld: 1, afterRead: 0, atCore: [0], code: 1, kpis: expect.any(Number) });
});
