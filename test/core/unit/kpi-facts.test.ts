/** The per-KPI lists of src/core/kpi-facts.ts: the KPI's own years; readable actuals made once inside an analysis, afresh outside, per definition where the unit decides. */
import { actualYears, lastReadable, printedRateList, readableActuals, withKpiFacts } from '../../../src/core/kpi-facts';
import { withKpiTerms } from '../../../src/core/rates';
import { makeKpi } from '../support/make-kpi';
import { makeDef } from './support';

const kpi = () => makeKpi({ baseline: '10件', target: '20件', actuals: { 2021: '12人', 2019: '11件', 2020: '-' }, rates: { 2019: '55.0%', 2021: '60%' } });

test('years and printed rates ascending; readable actuals only numbers in the KPI unit', () => {
  const k = kpi();
  expect(actualYears(k)).toEqual([2019, 2020, 2021]);
  expect(printedRateList(k).map(([y, p]) => [y, p.text])).toEqual([[2019, '55.0%'], [2020, ''], [2021, '60%']]);
  expect(readableActuals(k).map((a) => [a.year, a.value])).toEqual([[2019, 11]]);
  // a definition in 人 makes the other actual the readable one
  expect(readableActuals(k, makeDef({ unit: '人' })).map((a) => [a.year, a.value])).toEqual([[2021, 12]]);
  // without any unit every number counts
  const bare = makeKpi({ baseline: '10', target: '20', actuals: { 2019: '11', 2020: '12件' } });
  expect(readableActuals(bare).map((a) => a.value)).toEqual([11, 12]);
});

test('inside an analysis each list is made once; outside and after it, afresh', () => {
  const k = kpi();
  const def = makeDef({ unit: '人' });
  withKpiTerms(() => withKpiFacts(() => {
    // the years are the KPI's own list (ByYear), no copy made
    expect(actualYears(k)).toBe(k.actuals.years);
    const plain = readableActuals(k);
    expect(readableActuals(k)).toBe(plain);
    // another definition is listed anew, not served from the first
    expect(readableActuals(k, def).map((a) => a.year)).toEqual([2021]);
    expect(readableActuals(k).map((a) => a.year)).toEqual([2019]);
    // KPIs asked in turn keep their own lists
    const other = makeKpi({ baseline: '1件', target: '2件', actuals: { 2030: '1件' } });
    expect(actualYears(other)).toEqual([2030]);
    expect(actualYears(k)).toEqual([2019, 2020, 2021]);
  }));
  expect(readableActuals(k)).not.toBe(readableActuals(k));
  k.actuals.set(2022, k.actuals.get(2019)!, 9);
  expect(withKpiFacts(() => actualYears(k))).toEqual([2019, 2020, 2021, 2022]);
});

test('lastReadable: the index of readableActuals\' last (and, before an index, the one before it) without the list', () => {
  const k = makeKpi({ baseline: '10件', target: '20件', actuals: { 2018: '9件', 2019: '11件', 2020: '-', 2021: '12人', 2022: '' } });
  // years 2018…2022 at indices 0…4: 2019 is the latest readable in 件, 2018 the one before it
  expect(lastReadable(k)).toBe(1);
  expect(lastReadable(k, undefined, 1)).toBe(0);
  expect(lastReadable(k, undefined, 0)).toBe(-1);
  // a definition in 人 makes 2021 the only readable one
  expect(lastReadable(k, makeDef({ unit: '人' }))).toBe(3);
  expect(lastReadable(k, makeDef({ unit: '人' }), 3)).toBe(-1);
  // without any unit every number counts; without a number, -1
  expect(lastReadable(makeKpi({ baseline: '10', target: '20', actuals: { 2019: '11', 2020: '12件' } }))).toBe(1);
  expect(lastReadable(makeKpi({ baseline: '10件', target: '20件', actuals: { 2019: '-', 2020: 'R6着手' } }))).toBe(-1);
  // the same answer as the list, inside an analysis and outside it
  for (const d of [undefined, makeDef({ unit: '人' })]) {
    const list = readableActuals(k, d);
    const last = lastReadable(k, d);
    expect([k.actuals.years[last], k.actuals.values[last]]).toEqual([list[list.length - 1].year, list[list.length - 1].cell]);
    expect(withKpiTerms(() => lastReadable(k, d))).toBe(last);
  }
});
