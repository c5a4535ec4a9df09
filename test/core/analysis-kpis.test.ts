/**
 * analysis.kpis, the assessments by KPI id, is made when first read (analyse.ts kpisWhenRead): until
 * then an accessor in its place; read, replaced or written, a plain record like any other, with the
 * same entries in the same order as stores in KPI order made it.
 */
import { recognise } from '../../src/core/recognise';
import { analyse, assessKpi } from '../../src/core/analyse';
import { sampleSnapshots } from '../support/sample';

async function analysed() {
  const model = recognise(await sampleSnapshots());
  return { model, analysis: analyse(model) };
}

test('made when first read, then a plain own record: every KPI by its id, in KPI order', async () => {
  const { model, analysis } = await analysed();
  // not made by the analysis itself
  const before = Object.getOwnPropertyDescriptor(analysis, 'kpis')!;
  expect(typeof before.get).toBe('function');
  expect(before.enumerable).toBe(true);
  expect(Object.keys(analysis)).toEqual(['kpis', 'findings', 'rounding']);
  const kpis = analysis.kpis;
  const after = Object.getOwnPropertyDescriptor(analysis, 'kpis')!;
  expect(after).toEqual({ value: kpis, writable: true, enumerable: true, configurable: true });
  expect(analysis.kpis).toBe(kpis);
  const all = model.sheets.flatMap((s) => s.kpis);
  expect(Object.keys(kpis)).toEqual(all.map((k) => k.id));
  expect(Object.getPrototypeOf(kpis)).toBeNull();
  for (const k of all) expect(kpis[k.id]).toEqual(assessKpi(k, undefined, model.sheets.find((s) => s.sheet === k.sheet)!.legends?.find((l) => l.kind === 'grade')).assessment);
  // JSON and spreads see the record, as a data property would give it
  expect(JSON.parse(JSON.stringify(analysis)).kpis[all[0].id].method).toBe(kpis[all[0].id].method);
  expect({ ...analysis }.kpis).toBe(kpis);
});

test('JSON, spreads and writes before any read see the same record', async () => {
  const a = (await analysed()).analysis;
  const b = (await analysed()).analysis;
  expect(JSON.stringify(a)).toBe(JSON.stringify({ ...b }));
  const c = (await analysed()).analysis;
  const id = Object.keys(b.kpis)[0];
  c.kpis[id] = b.kpis[Object.keys(b.kpis)[1]];
  expect(c.kpis[id]).toBe(b.kpis[Object.keys(b.kpis)[1]]);
  expect(Object.keys(c.kpis)).toEqual(Object.keys(b.kpis));
});

test('replaced before it is read: the new record stays, writable', async () => {
  const { analysis } = await analysed();
  const mine = { x: analysis.findings.length } as never;
  analysis.kpis = mine;
  expect(analysis.kpis).toBe(mine);
  expect(Object.getOwnPropertyDescriptor(analysis, 'kpis')).toEqual({ value: mine, writable: true, enumerable: true, configurable: true });
  analysis.kpis = {};
  expect(analysis.kpis).toEqual({});
});
