/** Hand-made definitions (KPI定義 rows) for the fast unit tests. */
import type { KpiDefinition } from '../../../src/core/definitions';

export function makeDef(over: Partial<KpiDefinition> = {}): KpiDefinition {
  return {
    name: 'テストKPI',
    unit: null,
    direction: null,
    cumulative: null,
    method: null,
    baseline: { value: null, year: null },
    target: { value: null, year: null },
    min: null,
    max: null,
    sheetNo: null,
    department: null,
    row: 2,
    ...over,
  };
}
