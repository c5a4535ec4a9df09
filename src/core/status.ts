/**
 * Status and grade of a KPI from its latest actual. Status: achieved / on-track / behind against a
 * linear path from the baseline (year) to the target (year). Grade: bands on one figure a reader can
 * check by hand, chosen by the grading method — the achievement rate (actual ÷ target, the table's own
 * 達成率; default) or the actual against that year's expected value on the path (見込み値, 按分).
 */
import type { GradeLegend, Kpi, LegendEntry } from './model';
import { gradeFromLegend } from './legend';
import type { GradeBands, KpiDefinition } from './definitions';
import { DEFAULT_BANDS } from './definitions';
import { computeRate, divideExact, kpiBaseline, kpiDirection, kpiTarget, kpiUnit, progressRate, rateMethod } from './rates';
import { lastReadable } from './kpi-facts';
import { significant12 } from './rate-shortcuts';

export { readableActuals } from './kpi-facts';

export type Status = 'achieved' | 'on-track' | 'behind' | 'no-data' | 'qualitative';
export type Grade = 'A' | 'B' | 'C' | 'D';
/** rate: 達成率（実績÷目標）の区分; path: 見込み値（按分, the path value）に対する実績の区分. */
export type GradingMethod = 'rate' | 'path';
export const DEFAULT_GRADING: GradingMethod = 'rate';

/** The figures behind a grade, so every grade can be shown as one line a reader can recompute. */
export interface GradeBasis {
  /** rate: the KPI's achievement rate; expected: actual against the expected value. */
  method: GradingMethod;
  /** ratio: actual ÷ reference; gap: (baseline − actual) ÷ (baseline − reference); inverse: reference ÷ actual (decrease-type). */
  formula: 'ratio' | 'gap' | 'inverse';
  /** The fraction compared with the bands. */
  value: number;
  year: number;
  actual: number;
  /** Target (rate) or expected value (expected). */
  reference: number;
  baseline: number | null;
  unit: string | null;
  /** The printed legend's entry the figure falls in, when the sheet prints a legend ("B+", 概ね順調). */
  legend?: { symbol: string; label: string };
}

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
  /** Progress against the path (1 = exactly on it); null when it cannot be told. Independent of the grading method. */
  pathRatio: number | null;
  /** The figures behind the grade; null when there is no grade. */
  basis: GradeBasis | null;
}

/**
 * Baseline and its year. A missing baseline ("-") of a count means nothing yet: 0, from where a
 * cumulation starts; a missing percentage stays unknown (judged by its ratio to the target).
 */
export function planStart(kpi: Kpi, def?: KpiDefinition): { value: number | null; year: number | null } {
  return { value: planStartValue(kpi, def), year: planStartYear(kpi, def) };
}

/** Whether the plan starts from 0: no baseline, and a cumulation or a count (not a percentage). */
function startsFromZero(kpi: Kpi, def: KpiDefinition | undefined): boolean {
  return kpiBaseline(kpi, def) === null && ((def?.cumulative ?? kpi.cumulative) || kpiUnit(kpi, def) !== '%');
}

/** planStart's value, without making the pair (status asks it of every KPI). */
function planStartValue(kpi: Kpi, def: KpiDefinition | undefined): number | null {
  return startsFromZero(kpi, def) ? 0 : kpiBaseline(kpi, def);
}

/** planStart's year: the baseline's, or the year before a cumulation that starts later. */
function planStartYear(kpi: Kpi, def: KpiDefinition | undefined): number | null {
  const year = def?.baseline.year ?? kpi.baseline.year;
  if (!startsFromZero(kpi, def)) return year;
  const from = kpi.cumulativeFrom;
  return from !== null && from > (year ?? -Infinity) ? from - 1 : year;
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

export interface GradeOptions {
  bands?: GradeBands;
  method?: GradingMethod;
  /** A grade legend the sheet prints: it wins over bands and method (its own wording says which figure). */
  legend?: GradeLegend;
}

/** Which figure a printed legend bands: "「実績値」が「期待値」以上" → expected; otherwise the 達成率. */
export function legendMethod(legend: GradeLegend): GradingMethod {
  // asked for every KPI of the sheet with the sheet's one legend: its answer kept at hand
  // Stryker disable next-line ConditionalExpression: answering afresh for the same legend gives the same method (the cache only saves time)
  if (legend !== lastLegend) {
    lastMethod = /期待値|見込/.test(legend.text) ? 'path' : 'rate';
    lastLegend = legend;
  }
  return lastMethod;
}

let lastLegend: GradeLegend | null = null;
let lastMethod: GradingMethod = DEFAULT_GRADING;

/** A legend symbol as one of A–D for counts and colours: its letter, else its rank among the bands. */
function gradeOfEntry(legend: GradeLegend, entry: LegendEntry): Grade {
  const letter = /^[A-D]/.exec(entry.symbol)?.[0];
  if (letter) return letter as Grade;
  const rank = legend.entries.indexOf(entry);
  return (['A', 'B', 'C', 'D'] as const)[Math.min(3, Math.max(0, rank))];
}

export function assessStatus(kpi: Kpi, def?: KpiDefinition, grading: GradeBands | GradeOptions = DEFAULT_BANDS): StatusResult {
  const opts: GradeOptions = 'A' in grading ? { bands: grading as GradeBands } : (grading as GradeOptions);
  const bands = opts.bands ?? DEFAULT_BANDS;
  const method = opts.legend ? legendMethod(opts.legend) : opts.method ?? DEFAULT_GRADING;
  const target = kpiTarget(kpi, def);
  // Stryker disable next-line ConditionalExpression: rateMethod is 'none' whenever the target is null; the test narrows the type
  if (target === null || rateMethod(kpi, def) === 'none') return QUALITATIVE;
  const last = lastReadable(kpi, def);
  if (last < 0) return NO_DATA;
  const year = kpi.actuals.years[last];
  const actual = kpi.actuals.values[last].value as number;
  // the plan's start as two figures (planStart without its pair)
  const startValue = planStartValue(kpi, def);
  const startYear = planStartYear(kpi, def);
  const targetYear = def?.target.year ?? kpi.target.year;

  const elapsed = startYear !== null &&
    // Stryker disable next-line ConditionalExpression: without a target year the comparison below is false anyway (null > year)
    targetYear !== null &&
    targetYear > startYear
    ? Math.min(1, Math.max(0, (year - startYear) / (targetYear - startYear)))
    : null;
  const pathValue = elapsed !== null && startValue !== null ? startValue + elapsed * (target - startValue) : null;
  // Graded against the sheet's own 目安値 row when it prints one for the year, else the path value.
  const printed = kpi.expected?.get(year);
  const expected = printed?.kind === 'number' ? printed.value : pathValue;
  // A KPI to keep at its level (baseline = target) is judged by its ratio to the target, in its direction.
  const keep = startValue === null || startValue === target;
  const progress = !keep
    ? progressRate(actual, startValue as number, target)
    : kpiDirection(kpi, def) === 'down' ? divideExact(target, actual) : divideExact(actual, target);
  const share = keep ? 1 : elapsed;
  // 12 significant digits: 0.4 / 0.5 is a B at 80 %, whatever the last binary digit says (Number(x.toPrecision(12)), without the text).
  const pathRatio = progress === null || share === null ? null
    : share === 0 ? (progress >= 0 ? 1 : 0) : significant12(progress / share);
  const basis = gradeBasis(kpi, def, method, { year, actual, expected, target });
  const achieved = isAchieved(kpi, actual, target, def);
  let grade: Grade | null = achieved ? 'A' : basis ? gradeOf(significant12(basis.value), bands) : null;
  const entry = opts.legend && basis ? gradeFromLegend(opts.legend, achieved ? Math.max(1, basis.value) : basis.value) : null;
  if (entry && basis && opts.legend) {
    basis.legend = { symbol: entry.symbol, label: entry.label };
    grade = gradeOfEntry(opts.legend, entry);
  }
  const status: Status = achieved ? 'achieved' : (pathRatio ?? 0) >= 1 ? 'on-track' : 'behind';
  return new StatusRecord(status, grade, progress, year, pathValue, elapsed, pathRatio, basis);
}

/**
 * A StatusResult, made by one constructor: the results stay alive until the sheet's rules have run, so
 * V8 pretenured an object literal's allocation site in the middle of a cold run and threw away the
 * optimised code allocating there (assessStatus, gradeBasis and the analysis's assessmentOf, marked
 * together for 'code dependencies'). A class's objects have no allocation site; the same own
 * properties in the same order, so JSON and spreads see the literal's.
 */
class StatusRecord implements StatusResult {
  declare status: Status;
  declare grade: Grade | null;
  declare progress: number | null;
  declare year: number | null;
  declare pathValue: number | null;
  declare elapsed: number | null;
  declare pathRatio: number | null;
  declare basis: GradeBasis | null;

  constructor(
    status: Status, grade: Grade | null, progress: number | null, year: number | null,
    pathValue: number | null, elapsed: number | null, pathRatio: number | null, basis: GradeBasis | null,
  ) {
    this.status = status;
    this.grade = grade;
    this.progress = progress;
    this.year = year;
    this.pathValue = pathValue;
    this.elapsed = elapsed;
    this.pathRatio = pathRatio;
    this.basis = basis;
  }
}

/** A GradeBasis, made by one constructor for the same reason (legend, when a printed legend names one, added after). */
class BasisRecord implements GradeBasis {
  declare method: GradingMethod;
  declare formula: 'ratio' | 'gap' | 'inverse';
  declare value: number;
  declare year: number;
  declare actual: number;
  declare reference: number;
  declare baseline: number | null;
  declare unit: string | null;
  declare legend?: { symbol: string; label: string };

  constructor(
    method: GradingMethod, formula: 'ratio' | 'gap' | 'inverse', value: number, year: number, actual: number,
    reference: number, baseline: number | null, unit: string | null,
  ) {
    this.method = method;
    this.formula = formula;
    this.value = value;
    this.year = year;
    this.actual = actual;
    this.reference = reference;
    this.baseline = baseline;
    this.unit = unit;
  }
}

/** The status of a KPI without a year to judge: no grade, no figures. One shared result per status (read only, as every result). */
function emptyStatus(status: 'qualitative' | 'no-data'): StatusResult {
  return new StatusRecord(status, null, null, null, null, null, null, null);
}

/**
 * V8 gives each field of a shape the representation of the first values stored in it (small integer,
 * double, object) and widens it when a later object stores another kind: a null, a fraction, then a
 * whole number in pathValue, progress or a basis's baseline, late in a sheet. Each widening throws away
 * the optimised code that read or wrote the narrower field (assessStatus and the analysis's
 * assessmentOf, compiled twice in a cold run). The two shapes are made here once with a null, a
 * fraction and a whole number in every numeric field (and a null basis before an object), before any
 * KPI: their fields hold any value from the start. The objects are dropped; the values a result
 * exposes are not touched.
 */
// Stryker disable all: settling the shapes changes no value any result holds (only V8's field representations)
function settleShapes(): void {
  const kinds: (number | null)[] = [null, 0.5, 1];
  for (const n of kinds) {
    const basis = new BasisRecord('rate', 'ratio', n as number, n as number, n as number, n as number, n, null);
    void new StatusRecord('behind', null, n, n, n, n, n, n === null ? null : basis);
  }
}

settleShapes();
// Stryker restore all
const QUALITATIVE = emptyStatus('qualitative');
const NO_DATA = emptyStatus('no-data');

/**
 * The figure a grade rests on. rate: the KPI's own achievement rate of the judged year (actual ÷ target,
 * or the gap formula for decrease-type KPIs). expected: actual ÷ expected value (expected ÷ actual for
 * decrease-type KPIs); without plan years, as rate.
 */
function gradeBasis(
  kpi: Kpi, def: KpiDefinition | undefined, method: GradingMethod,
  at: { year: number; actual: number; expected: number | null; target: number },
): GradeBasis | null {
  const unit = kpiUnit(kpi, def);
  const down = kpiDirection(kpi, def) === 'down';
  if (method === 'path' && at.expected !== null) {
    const value = down ? divideExact(at.expected, at.actual) : divideExact(at.actual, at.expected);
    if (value !== null && value >= 0) {
      return new BasisRecord(method, down ? 'inverse' : 'ratio', value, at.year, at.actual, at.expected, null, unit);
    }
  }
  const { target } = at;
  const rate = computeRate(kpi, at.year, def);
  if (rate.value === null) {
    // A decrease-type KPI kept at its level (baseline = target) has no gap rate: target ÷ actual.
    const inverse = down ? divideExact(target, at.actual) : null;
    return inverse === null || inverse < 0 ? null
      : new BasisRecord('rate', 'inverse', inverse, at.year, at.actual, target, null, unit);
  }
  const gap = rate.method === 'gap';
  return new BasisRecord('rate', gap ? 'gap' : 'ratio', rate.value, at.year, at.actual, target, gap ? kpiBaseline(kpi, def) : null, unit);
}
