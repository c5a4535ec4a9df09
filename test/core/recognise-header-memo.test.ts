/**
 * readHeaderRow remembers each one-row header per grid by its own texts (a sheet of thousands of
 * tables repeats a few headers): rows with the same texts in the same columns share one reading, and a
 * row that differs in any cell, or is read over other columns, is read afresh.
 */
import fc from 'fast-check';
import { Grid } from '../../src/core/recognise/grid';
import { readHeaderRow, type HeaderRow } from '../../src/core/recognise/headers';
import { isUnrecognised, recogniseSheet } from '../../src/core/recognise';
import type { CellValue, GridSnapshot } from '../../src/core/snapshot';

function snapshot(rows: CellValue[][]): GridSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return { sheet: 's', origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
}

/** A HeaderRow as plain data, without its row. */
function plain(h: HeaderRow) {
  return { ...h, row: 0, roles: [...h.roles] };
}

const HEADER = ['指標名', '区分', '基準値 (H30)', '目標値 (R6)', 'R1', 'R2', 'R3', '担当課', '備考'];

test('tables under the same header share its reading; each table keeps its own rows', () => {
  const rows: CellValue[][] = [];
  for (let t = 0; t < 3; t++) {
    rows.push(HEADER, [`指標${t}`, '実績値', '10件', '20件', '11件', '12件', '13件', '企画課', null], [null, '達成率', null, null, '55%', '60%', '65%', null, null], []);
  }
  const m = recogniseSheet(snapshot(rows));
  if (isUnrecognised(m)) throw new Error(m.reason);
  expect(m.tables.map((t) => t.headerRow)).toEqual([1, 5, 9]);
  expect(m.tables[1].columns.years).toBe(m.tables[0].columns.years);
  expect(m.tables[2].headers).toBe(m.tables[0].headers);
  // and so one list of years for the year records of every KPI under it (ByYear never changes it)
  expect(m.kpis[2].actuals.years).toBe(m.kpis[0].actuals.years);
  expect(m.kpis[2].printedRates.years).toBe(m.kpis[0].actuals.years);
  expect(m.tables.map((t) => [t.baselineYear, t.targetYear, t.columns.years.map((y) => y.year)])).toEqual([...Array(3)].map(() => [2018, 2024, [2019, 2020, 2021]]));
});

// header words, years, figures and blanks: rows that read as headers, near-misses and data rows; texts
// alike in length and first and last character (R1実績 and R2実績, 基準値 and 基本値) meet in one hash
const TEXTS = [null, '', '指標名', 'KPI', '区分', '基準値', '現状値 (H30)', '目標値', 'R6目標', 'R1', 'R2', '令和元年度', 'H31/R1', '2020年度', '担当課', '備考', 'シートNo.', '事業費', '26件', '実績値', '達成率', 'No.', '目 標', '企画課', 'R1実績', 'R2実績', '基本値'];

test('a header read again on the same grid reads as it does on a grid of its own', () => {
  const row = fc.array(fc.constantFrom(...TEXTS), { minLength: 6, maxLength: 6 });
  // rows copied from a few originals, some with one cell changed: the same texts again, and near-copies
  const copy = fc.tuple(fc.nat(), fc.boolean(), fc.nat(5), fc.constantFrom(...TEXTS));
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), fc.array(copy, { minLength: 2, maxLength: 8 }), fc.nat(5), fc.nat(5), (originals, copies, from, width) => {
      const rows = copies.map(([i, change, col, text]) => {
        const r = originals[i % originals.length].slice();
        if (change) r[col] = text;
        return r;
      });
      const g = new Grid(snapshot(rows));
      const to = from + width;
      for (let r = 1; r <= rows.length; r++) {
        // each row read whole and in part, so later rows meet readings remembered for either
        const whole = readHeaderRow(g, r);
        const part = readHeaderRow(g, r, 1, from + 1, to + 1);
        expect(whole.row).toBe(r);
        expect(part.row).toBe(r);
        expect(plain(whole)).toEqual(plain(readHeaderRow(new Grid(snapshot(rows)), r)));
        expect(plain(part)).toEqual(plain(readHeaderRow(new Grid(snapshot(rows)), r, 1, from + 1, to + 1)));
      }
    }),
    { numRuns: 500 },
  );
});
