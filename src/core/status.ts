/**
 * Status and grade of a KPI from its latest actual: achieved / on-track / behind against a linear
 * path from the baseline (year) to the target (year); grade bands on progress against that path.
 */
import type { Kpi, ParsedValue } from './model';
import type { GradeBands, KpiDefinition } from './definitions';
import { DEFAULT_BANDS } from './definitions';
import { divideExact, kpiBounds, kpiDirection, kpiUnit, normaliseUnit, progressRate, rateMethod } from './rates';

export type Status = 'achieved' | 'on-track' | 'behind' | 'no-data' | 'qualitative';
export type Grade = 'A' | 'B' | 'C' | 'D';

export interface StatusResult {
  status: Status;
  grade: Grade | null;
  /** 進捗率 of the latest year: (actual − baseline) ÷ (target − baseline). */
  progress: number | null;
  /** Year judged (latest with a readable actual), or null. */
  year: number | null;
  /** Path value (見込み値, docs/GLOSSARY.md): the year's value on the straight line from baseline to target; null when years are unknown. */
  pathValue: number | null;
  /** Share of the plan period elapsed in that year (0…1), or null. */
  elapsed: number | null;
}

/** Numeric actuals in the KPI's unit, by year, ascending. */
export function readableActuals(kpi: Kpi, def?: KpiDefinition): { year: number; value: number; cell: ParsedValue }[] {
  const unit = kpiUnit(kpi, def);
  return Object.keys(kpi.actuals)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => ({ year, cell: kpi.actuals[year] }))
    .filter(({ cell }) => cell.kind === 'number' && cell.value !== null)
    .filter(({ cell }) => !unit || !normaliseUnit(cell.unit) || normaliseUnit(cell.unit) === unit)
    .map(({ year, cell }) => ({ year, value: cell.value as number, cell }));
}

/**
 * Baseline and its year. A missing baseline ("-") of a count means nothing yet: 0, from where a
 * cumulation starts; a missing percentage stays unknown (judged by its ratio to the target).
 */
export function planStart(kpi: Kpi, def?: KpiDefinition): { value: number | null; year: number | null } {
  const { baseline } = kpiBounds(kpi, def);
  const year = def?.baseline.year ?? kpi.baseline.year;
  const cumulative = def?.cumulative ?? kpi.cumulative;
  if (baseline === null && (cumulative || kpiUnit(kpi, def) !== '%')) {
    const from = kpi.cumulativeFrom;
    return { value: 0, year: from !== null && (year === null || from > year) ? from - 1 : year };
  }
  return { value: baseline, year };
}

export function isAchieved(kpi: Kpi, actual: number, target: number, def?: KpiDefinition): boolean {
  const q = kpi.target.qualifier;
  if (kpiDirection(kpi, def) === 'down') return q === 'under' ? actual < target : actual <= target;
  return q === 'over' ? actual > target : actual >= target;
}

export function gradeOf(ratioToExpected: number, bands: GradeBands = DEFAULT_BANDS): Grade {
  if (ratioToExpected >= bands.A) return 'A';
  if (ratioToExpected >= bands.B) return 'B';
  if (ratioToExpected >= bands.C) return 'C';
  return 'D';
}

export function assessStatus(kpi: Kpi, def?: KpiDefinition, bands: GradeBands = DEFAULT_BANDS): StatusResult {
  const none = { grade: null, progress: null, year: null, pathValue: null, elapsed: null };
  const { target } = kpiBounds(kpi, def);
  if (target === null || rateMethod(kpi, def) === 'none') return { status: 'qualitative', ...none };
  const actuals = readableActuals(kpi, def);
  if (actuals.length === 0) return { status: 'no-data', ...none };
  const { year, value: actual } = actuals[actuals.length - 1];
  const start = planStart(kpi, def);
  const targetYear = def?.target.year ?? kpi.target.year;

  const elapsed = start.year !== null && targetYear !== null && targetYear > start.year
    ? Math.min(1, Math.max(0, (year - start.year) / (targetYear - start.year)))
    : null;
  const pathValue = elapsed !== null && start.value !== null ? start.value + elapsed * (target - start.value) : null;
  // A KPI to keep at its level (baseline = target) is judged by its ratio to the target, in its direction.
  const keep = start.value === null || start.value === target;
  const progress = !keep
    ? progressRate(actual, start.value as number, target)
    : kpiDirection(kpi, def) === 'down' ? divideExact(target, actual) : divideExact(actual, target);
  if (isAchieved(kpi, actual, target, def)) {
    return { status: 'achieved', grade: 'A', progress, year, pathValue, elapsed };
  }
  const share = keep ? 1 : elapsed;
  if (progress === null || share === null) return { status: 'behind', grade: null, progress, year, pathValue, elapsed };
  // 12 significant digits: 0.4 / 0.5 is a B at 80 %, whatever the last binary digit says.
  const ratio = share === 0 ? (progress >= 0 ? 1 : 0) : Number((progress / share).toPrecision(12));
  const status: Status = ratio >= 1 ? 'on-track' : 'behind';
  return { status, grade: gradeOf(ratio, bands), progress, year, pathValue, elapsed };
}
