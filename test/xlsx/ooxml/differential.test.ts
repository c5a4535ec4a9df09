/**
 * Saving by patching (issue #16), differential: for every writer on the bundled samples and for its
 * undo, the workbook re-read from the saved bytes shows exactly what the host's in-memory model
 * (exceljs, which the host answers from) shows after the same plan — sheets, values, formulas,
 * number formats, merges, fills, notes, links. The save is intercepted at XlsxHost.toBuffer, the
 * path the CLI and the preview's download share.
 */
import { copyFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../../src/cli/main';
import { XlsxHost } from '../../../src/xlsx/host';
import { ROOT, SAMPLE_PROGRESS } from '../../support/sample';

const BLANK = join(ROOT, 'assets', 'sample', 'progress-sheet-blank-r2.xlsx');
const MANAGEMENT = join(ROOT, 'assets', 'sample', 'management-sheets.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kpi-diff-'));

interface Saved {
  model: unknown;
  file: unknown;
}

async function view(host: XlsxHost): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const s of await host.listSheets()) out[`${s.name} (${s.visibility})`] = await host.readSnapshot(s.name);
  return out;
}

/** Runs one CLI call and returns, per save, the model's view and the saved file's view. */
async function run(argv: string[]): Promise<{ code: number; saves: Saved[]; err: string }> {
  const saves: Saved[] = [];
  const original = XlsxHost.prototype.toBuffer;
  const spy = jest.spyOn(XlsxHost.prototype, 'toBuffer').mockImplementation(async function (this: XlsxHost) {
    const bytes = await original.call(this);
    saves.push({ model: await view(this), file: await view(await XlsxHost.fromBuffer(bytes)) });
    return bytes;
  });
  const err: string[] = [];
  try {
    const code = await main(argv, { out: () => undefined, err: (l) => err.push(l) });
    return { code, saves, err: err.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

const writers: [string, string, string[]][] = [
  ['fill', BLANK, []],
  ['fill --fix', SAMPLE_PROGRESS, ['--fix']],
  ['flag', SAMPLE_PROGRESS, []],
  ['link', SAMPLE_PROGRESS, ['--management', MANAGEMENT]],
  ['definitions', SAMPLE_PROGRESS, []],
  ['report', SAMPLE_PROGRESS, []],
  ['add-year', SAMPLE_PROGRESS, []],
];

test.each(writers)('%s, then undo: the saved file reads back as the model after the plan', async (name, input, extra) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
  copyFileSync(input, file);
  const command = name.split(' ')[0];
  const done = await run([command, file, '-o', file, ...extra]);
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.saves).toHaveLength(1);
  expect(done.saves[0].file).toEqual(done.saves[0].model);
  const undone = await run(['undo', file, '-o', file]);
  expect([undone.code, undone.err]).toEqual([0, '']);
  expect(undone.saves[0].file).toEqual(undone.saves[0].model);
});
