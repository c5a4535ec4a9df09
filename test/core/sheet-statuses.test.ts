/** SheetStatuses: a sheet's statuses by KPI position, answering as a Map of the KPIs would. */
import { SheetStatuses } from '../../src/core/analyse';
import type { Kpi } from '../../src/core/model';
import type { StatusResult } from '../../src/core/status';

const kpi = (id: string) => ({ id }) as unknown as Kpi;
const status = (year: number) => ({ status: 'behind', grade: null, progress: null, year, pathValue: null, elapsed: null, pathRatio: null, basis: null }) as StatusResult;

test('in the sheet order, back and forth, skipping, and for a KPI of no position: as the Map answers', () => {
  const kpis = [kpi('a'), kpi('b'), kpi('c'), kpi('d'), kpi('e')];
  const results = kpis.map((_, i) => status(2020 + i));
  const map = new Map(kpis.map((k, i) => [k, results[i]]));
  const statuses = new SheetStatuses(kpis, results);
  const stranger = kpi('z');
  const asks = [0, 0, 1, 1, 2, 3, 4, 4, 2, 0, 3, 1, 4, -1, 0, -1, 2, 3];
  for (const i of asks) {
    const k = i < 0 ? stranger : kpis[i];
    expect(statuses.get(k)).toBe(map.get(k));
  }
  expect(statuses.get(stranger)).toBeUndefined();
  expect(new SheetStatuses([], []).get(kpis[0])).toBeUndefined();
});
