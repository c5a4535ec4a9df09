/**
 * `kpi-progress diff` on real .xlsx files of layout families other than the two-row one (issue #15):
 * a revised past actual and a changed target planted in a copy are found at their cells, and an
 * edition compared with itself finds nothing.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { FAMILIES, type FamilyName } from '../support/families/build';
import { modelOf } from '../support/editions';
import { plantFamilyChanges as plant } from '../support/families/plant';
import { roundTrip } from '../support/variants';

jest.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), 'kpi-diff-families-'));

async function diff(previous: string, current: string): Promise<{ code: number; doc: { findings: { rule: string; severity: string; sheet: string; cell: string; message: string }[] } }> {
  const out: string[] = [];
  const code = await main(['diff', previous, current, '--json'], { out: (l) => out.push(l), err: () => undefined });
  return { code, doc: JSON.parse(out.join('\n')) };
}

const families: FamilyName[] = ['row-latest', 'block', 'row-years'];

test.each(families)('%s: diff finds the planted revised actual and changed target at their cells, and nothing against itself', async (family) => {
  const previous = join(dir, `${family}-previous.xlsx`);
  await FAMILIES[family]().xlsx.writeFile(previous);
  const wb = FAMILIES[family]();
  const expected = plant(wb, modelOf(await roundTrip(FAMILIES[family]())));
  const current = join(dir, `${family}-current.xlsx`);
  await wb.xlsx.writeFile(current);

  const same = await diff(previous, previous);
  expect(same).toEqual({ code: 0, doc: expect.objectContaining({ findings: [] }) });

  const changed = await diff(previous, current);
  expect(changed.doc.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort()).toEqual(expected.sort());
  // Exit status as check: 1 when the revised actual is an error (備考 says nothing), 0 when 備考 explains it (info).
  const revised = changed.doc.findings.find((f) => f.rule === 'actual-revised')!;
  expect(revised.severity).toBe(family === 'row-latest' ? 'info' : 'error');
  expect(changed.code).toBe(revised.severity === 'error' ? 1 : 0);
});
