/**
 * compareEditions on the other layout families the recogniser reads (issue #11's family workbooks):
 * an edition compared with itself finds nothing; a revised past actual and a changed target planted in
 * a copy are found at their cells, and nothing else.
 */
import ExcelJS from 'exceljs';
import { compareEditions } from '../../../src/core/compare';
import { cellAddress } from '../../../src/core/snapshot';
import { FAMILIES } from '../../support/families/build';
import { modelOf } from '../../support/editions';
import { roundTrip } from '../../support/variants';

const names = Object.keys(FAMILIES) as (keyof typeof FAMILIES)[];

test.each(names)('%s: an edition with itself has no changes', async (family) => {
  const wb = await roundTrip(FAMILIES[family]());
  const model = modelOf(wb);
  expect(model.sheets.flatMap((s) => s.kpis).length).toBeGreaterThan(0);
  expect(compareEditions(model, modelOf(await roundTrip(FAMILIES[family]()))).findings).toEqual([]);
});

test.each(names)('%s: a revised past actual and a changed target are found at their cells', async (family) => {
  const prev = modelOf(await roundTrip(FAMILIES[family]()));
  const wb = FAMILIES[family]();
  const kpis = prev.sheets.flatMap((s) => s.kpis);
  const expected: string[] = [];
  const bump = (sheet: string, row: number, col: number) => {
    const cell = wb.getWorksheet(sheet)!.getCell(row, col);
    const v = cell.value;
    cell.value = typeof v === 'number' ? v + 1 : String(v).replace(/\d+/, (d) => String(Number(d) + 1));
  };
  const withActual = kpis.find((k) => Object.values(k.actuals).some((a) => a.kind === 'number'))!;
  const actual = Object.values(withActual.actuals).find((a) => a.kind === 'number')!;
  bump(withActual.sheet, actual.row, actual.col);
  expected.push(`actual-revised ${withActual.sheet}!${cellAddress(actual.row, actual.col)}`);
  const withTarget = kpis.find((k) => k !== withActual && k.target.parsed?.kind === 'number' && k.target.parsed.row && !(k.target.parsed.row === k.row && Object.values(k.actuals).some((a) => a.col === k.target.parsed!.col)));
  if (withTarget) {
    const p = withTarget.target.parsed!;
    bump(withTarget.sheet, p.row, p.col);
    expected.push(`target-changed ${withTarget.sheet}!${cellAddress(p.row, p.col)}`);
  }
  // Every family has a KPI with a numeric target cell of its own (block: per-year targets count too).
  expect(expected).toHaveLength(2);
  const cur = modelOf(await roundTrip(wb as ExcelJS.Workbook));
  const found = compareEditions(prev, cur).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(found.sort()).toEqual(expected.sort());
});
