/** buildIndex: byId holds the KPIs other KPIs refer to (first listings, breakdown totals), not every KPI. */
import { recognise } from '../../../src/core/recognise';
import { buildIndex, looseKey, sameKpis, type RuleContext } from '../../../src/core/rules/context';
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

test('sameKpis answers the same from listedElsewhere as from byKey, keyOf and relists (made when first asked)', async () => {
  const model = recognise(await sampleSnapshots());
  const all = model.sheets.flatMap((s) => s.kpis);
  const index = buildIndex(model);
  const ctx = { index } as RuleContext;
  const quick = all.map((k) => sameKpis(ctx, k));
  expect(quick.some((same) => same.length > 0)).toBe(true);
  // reading the lookups does not drop it; a KPI moved through keyOf does
  for (const k of all) expect(index.keyOf.get(k)).toBe(looseKey(k.name));
  expect(index.listedElsewhere).toBeDefined();
  index.keyOf.set(all[0], index.keyOf.get(all[0])!);
  expect(index.listedElsewhere).toBeUndefined();
  expect(all.map((k) => sameKpis(ctx, k))).toEqual(quick);
});

test('a KPI renamed as recheck moves it (byKey, keyOf) is found by the KPI it now shares a name with', async () => {
  const model = recognise(await sampleSnapshots());
  const all = model.sheets.flatMap((s) => s.kpis);
  const index = buildIndex(model);
  const ctx = { index } as RuleContext;
  const alone = all.find((k) => sameKpis(ctx, k).length === 0)!;
  const moved = all.find((k) => k !== alone && sameKpis(ctx, k).length === 0 && !k.relistedFrom)!;
  const renamed = { ...moved, name: alone.name };
  // what recheck's patchIndex does for an edited name
  const before = index.keyOf.get(moved)!;
  const list = index.byKey.get(before)!;
  list.splice(list.indexOf(moved), 1);
  const after = looseKey(renamed.name);
  index.byKey.set(after, [...(index.byKey.get(after) ?? []), renamed]);
  index.keyOf.delete(moved);
  index.keyOf.set(renamed, after);
  expect(sameKpis(ctx, alone)).toEqual([renamed]);
  expect(sameKpis(ctx, renamed)).toEqual([alone]);
});
