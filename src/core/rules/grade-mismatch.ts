/**
 * grade-mismatch: a printed grade (評価 row, 達成度 column) that the sheet's own printed legend does
 * not give the year's rate, or a trend mark (改善○ 維持△ 悪化×) that the figures do not show.
 * Only where the sheet prints a legend: without one nothing says what a grade means.
 */
import type { Finding } from '../findings';
import type { GradeLegend, Kpi, ParsedValue } from '../model';
import { computeRate, formatRate, kpiDirection, kpiUnit, normaliseUnit, roundRate } from '../rates';
import { entryOf, gradeFromLegend, trendFromLegend } from '../legend';
import { t } from '../catalogue';
import { def, finding, shown, yearLabel, type KpiCheck, type RuleContext } from './context';

function legendOf(ctx: RuleContext, kind: GradeLegend['kind']): GradeLegend | null {
  return ctx.sheet.legends?.find((l) => l.kind === kind && (kind === 'trend' || l.entries.some((e) => e.min !== null || e.max !== null))) ?? null;
}

function entryText(ctx: RuleContext, e: { symbol: string; label: string }): string {
  return e.label && e.label !== e.symbol ? t(ctx.lang, 'grade-line.legend', e) : e.symbol;
}

function gradeFindings(ctx: RuleContext, kpi: Kpi, legend: GradeLegend, out: Finding[]): void {
  for (const [y, g] of kpi.printedGrades?.entries() ?? []) {
    if (!g.symbol) continue;
    const year = Number(y);
    const rate = computeRate(kpi, year, def(ctx, kpi)).value;
    if (rate === null) continue;
    // Judged on the rate as the sheet prints it: 79.96 % shown as 80.0 % is in the 80 % band.
    const shownRate = roundRate(rate, ctx.rounding.decimals, ctx.rounding.mode);
    const expected = gradeFromLegend(legend, shownRate);
    if (!expected) continue;
    const printed = entryOf(legend, g.text);
    if (printed && printed.symbol === expected.symbol) continue;
    out.push(finding(ctx, 'grade-mismatch', 'error', kpi, g, 'grade-mismatch', {
      printed: g.text,
      year: yearLabel(ctx, kpi, year),
      rate: formatRate(rate, ctx.rounding.decimals, ctx.rounding.mode),
      expected: entryText(ctx, expected),
    }));
  }
}

/** improved / kept / worsened from the year before (or the baseline), in the KPI's direction. */
function change(ctx: RuleContext, kpi: Kpi, year: number): 'improved' | 'kept' | 'worsened' | null {
  const unit = kpiUnit(kpi, def(ctx, kpi));
  const usable = (p: ParsedValue | null | undefined) => p && p.kind === 'number' && p.value !== null && (!unit || !normaliseUnit(p.unit) || normaliseUnit(p.unit) === unit);
  const now = kpi.actuals.get(year);
  if (!usable(now)) return null;
  const earlier = kpi.actuals.years.filter((x) => x < year && usable(kpi.actuals.get(x))).sort((a, b) => b - a)[0];
  const before = earlier !== undefined ? kpi.actuals.get(earlier) : kpi.baseline.parsed;
  if (!usable(before)) return null;
  const diff = (now!.value as number) - (before!.value as number);
  if (diff === 0) return 'kept';
  const up = kpiDirection(kpi, def(ctx, kpi)) === 'up';
  return (diff > 0) === up ? 'improved' : 'worsened';
}

function trendFindings(ctx: RuleContext, kpi: Kpi, legend: GradeLegend, out: Finding[]): void {
  for (const [y, g] of kpi.printedTrends?.entries() ?? []) {
    if (!g.symbol) continue;
    const year = Number(y);
    const c = change(ctx, kpi, year);
    const expected = c ? trendFromLegend(legend, c) : null;
    if (!expected) continue;
    const printed = entryOf(legend, g.text);
    if (printed && printed.symbol === expected.symbol) continue;
    const earlier = kpi.actuals.years.filter((x) => x < year && kpi.actuals.get(x)!.kind === 'number').sort((a, b) => b - a)[0];
    out.push(finding(ctx, 'grade-mismatch', 'error', kpi, g, 'grade-mismatch.trend', {
      printed: g.text,
      year: yearLabel(ctx, kpi, year),
      actual: shown(kpi.actuals.get(year)),
      before: earlier !== undefined ? shown(kpi.actuals.get(earlier)) : shown(kpi.baseline.parsed),
      expected: entryText(ctx, expected),
    }));
  }
}

export function gradeMismatch(ctx: RuleContext): KpiCheck | null {
  const grades = legendOf(ctx, 'grade');
  const trends = legendOf(ctx, 'trend');
  // without a printed legend nothing says what a grade means
  if (!grades && !trends) return null;
  return (kpi: Kpi, out: Finding[]) => {
    if (grades) gradeFindings(ctx, kpi, grades, out);
    if (trends) trendFindings(ctx, kpi, trends, out);
  };
}
