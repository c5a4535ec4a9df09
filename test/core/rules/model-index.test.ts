/** buildIndex: byId holds the KPIs other KPIs refer to (first listings, breakdown totals), not every KPI. */
import { recognise } from '../../../src/core/recognise';
import { buildIndex } from '../../../src/core/rules/context';
import { sampleSnapshots } from '../../support/sample';

test('byId: exactly the KPIs that a relisting or a breakdown part names, each by its id', async () => {
  const model = recognise(await sampleSnapshots());
  const all = model.sheets.flatMap((s) => s.kpis);
  const named = new Set(all.flatMap((k) => [k.relistedFrom, k.breakdownOf]).filter((id): id is string => !!id));
  const index = buildIndex(model);
  const referred = all.filter((k) => named.has(k.id));
  expect(referred.length).toBeGreaterThan(0);
  expect(referred.length).toBeLessThan(all.length);
  expect([...index.byId.keys()].sort()).toEqual(referred.map((k) => k.id).sort());
  for (const k of referred) expect(index.byId.get(k.id)).toBe(k);
  // the other lookups still cover every KPI
  expect(index.keyOf.size).toBe(all.length);
  expect([...index.byKey.values()].flat().length).toBe(all.length);
});

test('a model without relistings or breakdowns has nothing in byId', async () => {
  const model = recognise(await sampleSnapshots());
  const plain = { ...model, sheets: model.sheets.map((s) => ({ ...s, kpis: s.kpis.map((k) => ({ ...k, relistedFrom: null, breakdownOf: null })) })) };
  const index = buildIndex(plain);
  expect(index.byId.size).toBe(0);
  expect(index.parts.size).toBe(0);
  expect(index.relists.size).toBe(0);
});
