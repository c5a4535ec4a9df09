/**
 * compareEditions on the other layout families the recogniser reads (issue #11's family workbooks):
 * an edition compared with itself finds nothing; a revised past actual and a changed target planted in
 * a copy are found at their cells, and nothing else.
 */
import ExcelJS from 'exceljs';
import { compareEditions } from '../../../src/core/compare';
import { plantFamilyChanges } from '../../support/families/plant';
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
  // plantFamilyChanges asserts that every family has a KPI with a numeric target cell of its own
  // (block: per-year targets count too) and returns both planted changes
  const expected = plantFamilyChanges(wb, prev);
  expect(expected).toHaveLength(2);
  const cur = modelOf(await roundTrip(wb as ExcelJS.Workbook));
  const found = compareEditions(prev, cur).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(found.sort()).toEqual(expected.sort());
});
