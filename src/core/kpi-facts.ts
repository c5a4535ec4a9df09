/**
 * What status and several rules ask of every KPI: its years and printed rates (read from the KPI's
 * ByYear records, no list made) and its readable actuals, listed once per analysis instead of once per
 * rule and year. Outside withKpiFacts each call lists them afresh, so a live re-check of one KPI needs
 * no scope. The lists are shared: read only.
 */
import type { Kpi, ParsedValue, PrintedRate } from './model';
import type { KpiDefinition } from './definitions';
import { kpiUnit, normaliseUnit } from './rates';

export interface ReadableActual {
  year: number;
  value: number;
  cell: ParsedValue;
}

interface KpiFacts {
  readable?: ReadableActual[];
  /** The definition `readable` was made with (its unit decides which actuals count). */
  readableDef?: KpiDefinition;
}

// held only while the analysis runs (a Map: weak tables cost the garbage collector)
let facts: Map<Kpi, KpiFacts> | null = null;
// rules ask about one KPI several times in a row: the last one is kept at hand
let lastKpi: Kpi | null = null;
let lastFacts: KpiFacts | null = null;

/** Runs `f` with each KPI's lists made once. The KPIs must not change while `f` runs (analyse). */
export function withKpiFacts<T>(f: () => T): T {
  const outer = { facts, lastKpi, lastFacts };
  facts ??= new Map();
  try {
    return f();
  } finally {
    ({ facts, lastKpi, lastFacts } = outer);
  }
}

function factsOf(kpi: Kpi): KpiFacts | null {
  if (!facts) return null;
  if (kpi === lastKpi) return lastFacts;
  let known = facts.get(kpi);
  if (!known) facts.set(kpi, (known = {}));
  lastKpi = kpi;
  lastFacts = known;
  return known;
}

/** Years with an actual cell (filled or not), ascending: the KPI's own list (ByYear), read only. */
export function actualYears(kpi: Kpi): readonly number[] {
  return kpi.actuals.years;
}

/** Printed rate cells by year, ascending (a new list; hot paths read `kpi.printedRates.years` and `values`). */
export function printedRateList(kpi: Kpi): [number, PrintedRate][] {
  return kpi.printedRates.entries();
}

/** Numeric actuals in the KPI's unit, by year, ascending. */
export function readableActuals(kpi: Kpi, def?: KpiDefinition): ReadableActual[] {
  const f = factsOf(kpi);
  if (!f) return listReadable(kpi, def);
  if (f.readable && f.readableDef === def) return f.readable;
  f.readableDef = def;
  return (f.readable = listReadable(kpi, def));
}

function listReadable(kpi: Kpi, def: KpiDefinition | undefined): ReadableActual[] {
  const unit = kpiUnit(kpi, def);
  const out: ReadableActual[] = [];
  for (const year of actualYears(kpi)) {
    const cell = kpi.actuals.get(year)!;
    // a number cell always holds its value
    if (cell.kind !== 'number') continue;
    const own = normaliseUnit(cell.unit);
    if (!unit || !own || own === unit) out.push({ year, value: cell.value as number, cell });
  }
  return out;
}
