/** Rules on the 実績値 cells: unit-mismatch, not-a-number, percent-out-of-range, year-gap. */
import type { Finding } from '../findings';
import type { Kpi, ParsedValue } from '../model';
import { baselineCell, targetCell } from '../cells';
import { kpiUnit, normaliseUnit, rateMethod } from '../rates';
import { def, finding, shown, yearLabel, type KpiCheck, type RuleContext } from './context';

export function unitMismatch(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const unit = kpiUnit(kpi, def(ctx, kpi));
    const bu = normaliseUnit(kpi.baseline.parsed?.unit);
    const tu = normaliseUnit(kpi.target.parsed?.unit);
    if (kpi.baseline.parsed?.kind === 'number' && kpi.target.parsed?.kind === 'number' && bu && tu && bu !== tu) {
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, baselineCell(kpi)!, 'unit-mismatch.bounds',
        { baseline: shown(kpi.baseline.parsed), target: shown(kpi.target.parsed) }));
    }
    if (!unit) return;
    const { years, values } = kpi.actuals;
    for (let i = 0; i < years.length; i++) {
      const a = values[i];
      if (a.kind !== 'number') continue;
      const au = normaliseUnit(a.unit);
      if (!au || au === unit) continue;
      out.push(finding(ctx, 'unit-mismatch', 'error', kpi, kpi.actuals.cell(years[i]), 'unit-mismatch', { text: shown(a), unit: au, kpiUnit: unit }));
    }
  };
}

export function notANumber(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    if (rateMethod(kpi, def(ctx, kpi)) === 'none') return;
    const { years, values } = kpi.actuals;
    for (let i = 0; i < years.length; i++) {
      const a = values[i];
      if (a.kind !== 'text' && a.kind !== 'error') continue;
      out.push(finding(ctx, 'not-a-number', 'warning', kpi, kpi.actuals.cell(years[i]), 'not-a-number', { text: shown(a), example: `12${kpiUnit(kpi, def(ctx, kpi)) ?? ''}` }));
    }
  };
}

export function percentOutOfRange(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    if (kpiUnit(kpi, def(ctx, kpi)) !== '%') return;
    // baseline, target, then each year's actual
    outOfPercent(ctx, kpi, kpi.baseline.parsed, out, 'baseline');
    outOfPercent(ctx, kpi, kpi.target.parsed, out, 'target');
    const { years, values } = kpi.actuals;
    for (let i = 0; i < years.length; i++) outOfPercent(ctx, kpi, values[i], out, years[i]);
  };
}

/** The KPI's baseline, target, or the actual of a year (`of`: where its cell is). */
function outOfPercent(ctx: RuleContext, kpi: Kpi, c: ParsedValue | null, out: Finding[], of: 'baseline' | 'target' | number): void {
  if (!c || c.kind !== 'number' || c.value === null) return;
  if (normaliseUnit(c.unit) !== '%' && c.unit !== null) return;
  if (c.value >= 0 && c.value <= 100) return;
  const at = of === 'baseline' ? baselineCell(kpi)! : of === 'target' ? targetCell(kpi)! : kpi.actuals.cell(of);
  out.push(finding(ctx, 'percent-out-of-range', 'error', kpi, at, 'percent-out-of-range', { text: shown(c) }));
}

export function yearGap(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const { years: ys, values } = kpi.actuals;
    // the last filled year ("-" counts as filled); none: nothing to be missing before
    let last = values.length - 1;
    while (last >= 0 && values[last].kind === 'empty') last--;
    if (last < 0) return;
    // A KPI without a baseline may start later: empty years before its first entry are no gap.
    const measuredFromStart = kpi.baseline.parsed?.kind === 'number';
    let seenFilled = false;
    for (let i = 0; i < last; i++) {
      // "-" is a deliberate blank; only truly empty cells are gaps.
      if (values[i].kind !== 'empty') {
        seenFilled = true;
        continue;
      }
      if (!measuredFromStart && !seenFilled) continue;
      out.push(finding(ctx, 'year-gap', 'warning', kpi, kpi.actuals.cell(ys[i]), 'year-gap',
        { year: yearLabel(ctx, kpi, ys[i]), later: yearLabel(ctx, kpi, ys[last]) }));
    }
  };
}
