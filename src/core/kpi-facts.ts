/**
 * What status and several rules ask of every KPI: its years and printed rates (read from the KPI's
 * ByYear records, no list made) and its readable actuals, listed once per analysis instead of once per
 * rule and year, and kept with the KPI's terms (rates.ts). Outside withKpiTerms (withKpiFacts) each
 * call lists them afresh, so a live re-check of one KPI needs no scope. The lists are shared: read only.
 */
import type { Kpi, ParsedValue, PrintedRate } from './model';
import type { KpiDefinition } from './definitions';
import { keptWithTerms, kpiUnit, normaliseUnit, withKpiTerms } from './rates';

export interface ReadableActual {
  year: number;
  value: number;
  cell: ParsedValue;
}

/**
 * Runs `f` with each KPI's lists made once: they are kept with the KPI's terms (withKpiTerms in
 * rates.ts, one table per analysis for both). The KPIs must not change while `f` runs (analyse).
 */
export function withKpiFacts<T>(f: () => T): T {
  return withKpiTerms(f);
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
  return keptWithTerms(kpi, def, listReadable);
}

function listReadable(kpi: Kpi, def: KpiDefinition | undefined): ReadableActual[] {
  const unit = kpiUnit(kpi, def);
  const out: ReadableActual[] = [];
  const { years, values } = kpi.actuals;
  for (let i = 0; i < years.length; i++) {
    const cell = values[i];
    // a number cell always holds its value
    if (readable(cell, unit)) out.push(new Readable(years[i], cell.value as number, cell));
  }
  return out;
}

/**
 * A ReadableActual, made by a constructor: the lists are kept for the whole analysis, so V8 pretenured
 * an object literal's allocation site in the middle of a cold run and threw away listReadable's
 * optimised code. The literal's own properties in its order.
 */
class Readable implements ReadableActual {
  constructor(readonly year: number, readonly value: number, readonly cell: ParsedValue) {}
}

/**
 * The index in `kpi.actuals` of the latest readable actual before index `before` (all years when
 * omitted), or -1: readableActuals' last (and, from there, the one before it) without making the list.
 * Status and missing-remark ask only for those two, for every KPI.
 */
export function lastReadable(kpi: Kpi, def?: KpiDefinition, before: number = kpi.actuals.values.length): number {
  const unit = kpiUnit(kpi, def);
  const values = kpi.actuals.values;
  for (let i = before - 1; i >= 0; i--) if (readable(values[i], unit)) return i;
  return -1;
}

/** A number cell (which always holds its value) in the KPI's unit, or without a unit of its own. */
function readable(cell: ParsedValue, unit: string | null): boolean {
  if (cell.kind !== 'number') return false;
  const own = normaliseUnit(cell.unit);
  return !unit || !own || own === unit;
}
