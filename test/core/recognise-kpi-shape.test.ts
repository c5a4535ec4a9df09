/**
 * Every KPI the recogniser makes has one shape, whatever its table's layout: the same fields, in the
 * same order (the optional ones present, undefined where the layout has none), so the rules reading
 * KPIs see one object shape; and the JSON of a KPI leaves the undefined ones out, as it always did.
 */
import { recognise } from '../../src/core/recognise';
import { TableRecord } from '../../src/core/recognise/kpi';
import { Grid } from '../../src/core/recognise/grid';
import { headerAt } from '../../src/core/recognise/headers';
import { findPairs } from '../../src/core/recognise/table';
import type { CellValue } from '../../src/core/snapshot';
import { FAMILIES } from '../support/families/build';
import { sampleSnapshots, workbookSnapshots } from '../support/sample';

test('the KPIs of every layout family and of the sample have one shape (kpiRecord); the tables are made by one constructor', async () => {
  const model = recognise([...(await sampleSnapshots()), ...(await workbookSnapshots(FAMILIES.mixed()))]);
  const layouts = new Set(model.sheets.flatMap((s) => s.tables.map((t) => t.layout)));
  expect([...layouts].sort()).toEqual(['block', 'row-latest', 'row-text', 'row-years', 'side-by-side', 'two-row']);
  const kpis = model.sheets.flatMap((s) => s.kpis);
  const shapes = new Set(kpis.map((k) => Object.keys(k).join(',')));
  expect(shapes.size).toBe(1);
  for (const t of model.sheets.flatMap((s) => s.tables)) expect(t).toBeInstanceOf(TableRecord);
  expect(new Set(model.sheets.flatMap((s) => s.tables.map((t) => Object.keys(t).join(',')))).size).toBe(1);
  // the optional fields a layout lacks are left out of the JSON: a two-row KPI without a 目安値 row has none
  const plain = kpis.find((k) => k.expected === undefined && k.hasRateCells === undefined)!;
  const json = Object.keys(JSON.parse(JSON.stringify(plain)));
  expect(json).not.toContain('expected');
  expect(json.slice(-1)).toEqual(['path']);
});

test('KPIs with the same baseline (or target) cell content under the same header year and column share one frozen read', async () => {
  const model = recognise(await sampleSnapshots());
  const kpis = model.sheets.flatMap((s) => s.kpis);
  for (const field of ['baseline', 'target'] as const) {
    // by parsed value (shared per cell content), then sheet, year and column: one object each
    const groups = new Map<unknown, Map<string, Set<unknown>>>();
    for (const k of kpis) {
      const r = k[field];
      expect(Object.isFrozen(r)).toBe(true);
      const byPlace = groups.get(r.parsed) ?? new Map<string, Set<unknown>>();
      groups.set(r.parsed, byPlace);
      const key = `${k.sheet}|${r.year}|${r.col}`;
      byPlace.set(key, (byPlace.get(key) ?? new Set()).add(r));
    }
    const sets = [...groups.values()].flatMap((m) => [...m.values()]);
    for (const set of sets) expect(set.size).toBe(1);
    expect(sets.length).toBeLessThan(kpis.length);
  }
});

test('the KPI pairs found under a header have one shape, with and without 目安値 and 評価 rows', () => {
  const rows: CellValue[][] = [
    ['指標', '区分', '基準値', '目標値', 'R1', 'R2'],
    ['A', '期待値', null, null, 10, 20],
    [null, '実績値', 5, 30, 12, 18],
    [null, '達成率', null, null, '120%', '90%'],
    [null, '評価', null, null, 'A', 'B'],
    ['B', '実績値', 5, 30, 12, 18],
    [null, '達成率', null, null, '120%', '90%'],
  ];
  const none = () => rows[0].map(() => null);
  const g = new Grid({ sheet: 'S', origin: { row: 1, col: 1 }, values: rows, formulas: rows.map(none), numberFormats: rows.map(none), merges: [] });
  const h = headerAt(g, 1)!;
  const pairs = findPairs(g, h, 2);
  expect(pairs.map((p) => [p.row, p.rateRow, p.expectedRow, p.gradeRow])).toEqual([[3, 4, 2, 5], [6, 7, undefined, undefined]]);
  expect(new Set(pairs.map((p) => Object.keys(p).join(','))).size).toBe(1);
});
