/**
 * add-year widens what spans the table (issue #16), through the CLI on a real file: the bundled
 * sample with ranges added by Debian's openpyxl, read back by openpyxl. The new R7 column goes in
 * at L, inside the print area A1:N412 (Excel widens it: A1:O412, シート No. stays in print), and right
 * of the ranges over the year columns D:K (Excel would leave them; the plan's `widen` takes R7 in,
 * WIDEN in src/core/plan.ts). Undo gives every range back.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../support/sample';

const PY = '/usr/bin/python3';
const SUPPORT = join(__dirname, '../support/python');
const dir = mkdtempSync(join(tmpdir(), 'kpi-widen-'));
const at = (n: string) => join(dir, n);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ranges = (file: string) => JSON.parse(execFileSync(PY, [join(SUPPORT, 'sheet-ranges.py'), file, SAMPLE_SHEET], { encoding: 'utf8' })) as Record<string, unknown>;

test('add-year widens print area, filter, names, conditional formats and validations over the table; undo narrows them back', async () => {
  execFileSync(PY, [join(SUPPORT, 'sample-ranges.py'), SAMPLE_PROGRESS, at('in.xlsx'), SAMPLE_SHEET]);
  const before = ranges(at('in.xlsx'));
  expect(before).toMatchObject({ print_area: ['$A$1:$N$412'], auto_filter: 'A10:N412' });

  const added = await run('add-year', at('in.xlsx'), '-o', at('r7.xlsx'));
  expect(added.code).toBe(0);
  const after = ranges(at('r7.xlsx'));
  expect((after.header as unknown[]).slice(10, 15)).toEqual(['R6', 'R7', '担当課', '備考', 'シート No.']);
  expect(after.print_area).toEqual(['$A$1:$O$412']);
  expect(after.auto_filter).toBe('A10:O412');
  expect(after.print_title_cols).toBe('$A:$C');
  expect(after.print_title_rows).toBe('$10:$11');
  expect(after.names).toEqual({ KPI表: `'${SAMPLE_SHEET}'!$A$10:$O$412`, 年度列: `'${SAMPLE_SHEET}'!$D$12:$L$412` });
  expect(after.conditional).toEqual(['D12:L412']);
  // the cells each validation covers (the exceljs save splits a range in overlapping pieces)
  expect(after.validations).toEqual({ 'decimal greaterThanOrEqual 0': 'D12:L412', 'textLength lessThanOrEqual 40': 'N12:N412' });

  const undone = await run('undo', at('r7.xlsx'), '-o', at('undone.xlsx'));
  expect(undone.code).toBe(0);
  expect(ranges(at('undone.xlsx'))).toEqual(before);
});
