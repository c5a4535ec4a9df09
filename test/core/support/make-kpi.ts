/** Hand-made KPIs for rate and status tests: cells written as a person types them ("26件", "68.9%"). */
import { ByYear } from '../../../src/core/by-year';
import type { Kpi } from '../../../src/core/model';
import { parseRate, parseValue } from '../../../src/core/values';

export interface KpiSpec {
  name?: string;
  baseline: string;
  target: string;
  actuals: Record<number, string>;
  rates?: Record<number, string>;
  cumulative?: boolean;
  cumulativeFrom?: number | null;
  direction?: Kpi['direction'];
  baselineYear?: number;
  targetYear?: number;
  remark?: string;
}

export function makeKpi(spec: KpiSpec): Kpi {
  const baseline = parseValue(spec.baseline, null);
  const target = parseValue(spec.target, null);
  const years = Object.keys(spec.actuals).map(Number).sort((a, b) => a - b);
  const actuals: Kpi['actuals'] = ByYear.onRow(10);
  const printedRates: Kpi['printedRates'] = ByYear.onRow(11);
  years.forEach((y, i) => {
    actuals.set(y, parseValue(spec.actuals[y], null), 5 + i);
    printedRates.set(y, parseRate(spec.rates?.[y] ?? '', null), 5 + i);
  });
  const num = (p: typeof baseline) => (p.kind === 'number' ? p.value : null);
  return {
    id: 'S!10',
    sheet: 'S',
    tableIndex: 0,
    name: spec.name ?? 'テストKPI',
    nameCell: { row: 10, col: 1 },
    row: 10,
    rateRow: 11,
    unit: target.unit ?? baseline.unit,
    direction: spec.direction ?? 'none',
    cumulative: spec.cumulative ?? false,
    cumulativeFrom: spec.cumulativeFrom ?? null,
    baseline: { year: spec.baselineYear ?? 2018, value: num(baseline), text: spec.baseline, parsed: baseline, col: 3 },
    target: { year: spec.targetYear ?? 2024, value: num(target), text: spec.target, qualifier: target.qualifier, parsed: target, col: 4 },
    actuals,
    printedRates,
    rateRowOther: [],
    cost: null,
    costCol: null,
    department: null,
    remark: spec.remark ?? null,
    sheetNo: null,
    sheetNoCell: null,
    breakdownOf: null,
    relistedFrom: null,
    path: [],
  };
}
