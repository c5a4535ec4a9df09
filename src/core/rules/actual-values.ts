/** Rules on the 実績値 cells: unit-mismatch, not-a-number, percent-out-of-range, year-gap. */
import type { Finding } from '../findings';
import type { ParsedValue } from '../model';
import { kpiUnit, normaliseUnit, rateMethod } from '../rates';
import { actualYears } from '../kpi-facts';
import { def, finding, shown, yearLabel, type RuleContext } from './context';

export function unitMismatch(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    const unit = kpiUnit(kpi, def(ctx, kpi));
    const bu = normaliseUnit(kpi.baseline.parsed?.unit);
    const tu = normaliseUnit(kpi.target.parsed?.unit);
    if (kpi.baseline.parsed?.kind === 'number' && kpi.target.parsed?.kind === 'number' && bu && tu && bu !== tu) {
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, kpi.baseline.parsed, 'unit-mismatch.bounds',
        { baseline: shown(kpi.baseline.parsed), target: shown(kpi.target.parsed) }));
    }
    if (!unit) continue;
    for (const year of actualYears(kpi)) {
      const a = kpi.actuals[year];
      const au = normaliseUnit(a.unit);
      if (a.kind !== 'number' || !au || au === unit) continue;
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, a, 'unit-mismatch', { text: shown(a), unit: au, kpiUnit: unit }));
    }
  }
  return out;
}

export function notANumber(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    if (rateMethod(kpi, def(ctx, kpi)) === 'none') continue;
    const unit = kpiUnit(kpi, def(ctx, kpi)) ?? '';
    for (const year of actualYears(kpi)) {
      const a = kpi.actuals[year];
      if (a.kind !== 'text' && a.kind !== 'error') continue;
      out.push(finding(ctx, 'not-a-number', 'warning', kpi, a, 'not-a-number', { text: shown(a), example: `12${unit}` }));
    }
  }
  return out;
}

export function percentOutOfRange(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    if (kpiUnit(kpi, def(ctx, kpi)) !== '%') continue;
    const cells: (ParsedValue | null)[] = [kpi.baseline.parsed, kpi.target.parsed, ...actualYears(kpi).map((y) => kpi.actuals[y])];
    for (const c of cells) {
      if (!c || c.kind !== 'number' || c.value === null) continue;
      if (normaliseUnit(c.unit) !== '%' && c.unit !== null) continue;
      if (c.value >= 0 && c.value <= 100) continue;
      out.push(finding(ctx, 'percent-out-of-range', 'error', kpi, c, 'percent-out-of-range', { text: shown(c) }));
    }
  }
  return out;
}

export function yearGap(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    const ys = actualYears(kpi);
    const filled = ys.filter((y) => kpi.actuals[y].kind !== 'empty');
    if (filled.length === 0) continue;
    const last = filled[filled.length - 1];
    // A KPI without a baseline may start later: empty years before its first entry are no gap.
    const measuredFromStart = kpi.baseline.parsed?.kind === 'number';
    for (const y of ys) {
      if (y >= last) break;
      // "-" is a deliberate blank; only truly empty cells are gaps.
      if (kpi.actuals[y].kind !== 'empty') continue;
      if (!measuredFromStart && !filled.some((f) => f < y)) continue;
      out.push(finding(ctx, 'year-gap', 'warning', kpi, kpi.actuals[y], 'year-gap',
        { year: yearLabel(ctx, kpi, y), later: yearLabel(ctx, kpi, last) }));
    }
  }
  return out;
}
