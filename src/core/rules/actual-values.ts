/** Rules on the 実績値 cells: unit-mismatch, not-a-number, percent-out-of-range, year-gap. */
import type { Finding } from '../findings';
import type { Kpi, ParsedValue } from '../model';
import { kpiUnit, normaliseUnit, rateMethod } from '../rates';
import { actualYears } from '../kpi-facts';
import { def, finding, shown, yearLabel, type KpiCheck, type RuleContext } from './context';

export function unitMismatch(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const unit = kpiUnit(kpi, def(ctx, kpi));
    const bu = normaliseUnit(kpi.baseline.parsed?.unit);
    const tu = normaliseUnit(kpi.target.parsed?.unit);
    if (kpi.baseline.parsed?.kind === 'number' && kpi.target.parsed?.kind === 'number' && bu && tu && bu !== tu) {
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, kpi.baseline.parsed, 'unit-mismatch.bounds',
        { baseline: shown(kpi.baseline.parsed), target: shown(kpi.target.parsed) }));
    }
    if (!unit) return;
    for (const year of actualYears(kpi)) {
      const a = kpi.actuals.get(year)!;
      const au = normaliseUnit(a.unit);
      if (a.kind !== 'number' || !au || au === unit) continue;
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, a, 'unit-mismatch', { text: shown(a), unit: au, kpiUnit: unit }));
    }
  };
}

export function notANumber(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    if (rateMethod(kpi, def(ctx, kpi)) === 'none') return;
    const unit = kpiUnit(kpi, def(ctx, kpi)) ?? '';
    for (const year of actualYears(kpi)) {
      const a = kpi.actuals.get(year)!;
      if (a.kind !== 'text' && a.kind !== 'error') continue;
      out.push(finding(ctx, 'not-a-number', 'warning', kpi, a, 'not-a-number', { text: shown(a), example: `12${unit}` }));
    }
  };
}

export function percentOutOfRange(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    if (kpiUnit(kpi, def(ctx, kpi)) !== '%') return;
    const cells: (ParsedValue | null)[] = [kpi.baseline.parsed, kpi.target.parsed, ...actualYears(kpi).map((y) => kpi.actuals.get(y)!)];
    for (const c of cells) {
      if (!c || c.kind !== 'number' || c.value === null) continue;
      if (normaliseUnit(c.unit) !== '%' && c.unit !== null) continue;
      if (c.value >= 0 && c.value <= 100) continue;
      out.push(finding(ctx, 'percent-out-of-range', 'error', kpi, c, 'percent-out-of-range', { text: shown(c) }));
    }
  };
}

export function yearGap(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const ys = actualYears(kpi);
    const filled = ys.filter((y) => kpi.actuals.get(y)!.kind !== 'empty');
    if (filled.length === 0) return;
    const last = filled[filled.length - 1];
    // A KPI without a baseline may start later: empty years before its first entry are no gap.
    const measuredFromStart = kpi.baseline.parsed?.kind === 'number';
    for (const y of ys) {
      if (y >= last) break;
      // "-" is a deliberate blank; only truly empty cells are gaps.
      if (kpi.actuals.get(y)!.kind !== 'empty') continue;
      if (!measuredFromStart && !filled.some((f) => f < y)) continue;
      out.push(finding(ctx, 'year-gap', 'warning', kpi, kpi.actuals.get(y)!, 'year-gap',
        { year: yearLabel(ctx, kpi, y), later: yearLabel(ctx, kpi, last) }));
    }
  };
}
