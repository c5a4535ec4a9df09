/** Rules on how actuals move over the years: cumulative-decrease, missing-remark. */
import type { Finding } from '../findings';
import type { Kpi } from '../model';
import { kpiDirection } from '../rates';
import { planStart, readableActuals } from '../status';
import { amount, def, finding, shown, tableOf, yearLabel, type KpiCheck, type RuleContext } from './context';
import { t } from '../catalogue';

export function cumulativeDecrease(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const d = def(ctx, kpi);
    if (!(d?.cumulative ?? kpi.cumulative)) return;
    const start = planStart(kpi, d);
    let prev = kpi.baseline.parsed?.kind === 'number' && start.value !== null
      ? { label: shown(kpi.baseline.parsed), year: start.year, value: start.value }
      : null;
    for (const a of readableActuals(kpi, d)) {
      if (prev && a.value < prev.value) {
        out.push(finding(ctx, 'cumulative-decrease', 'error', kpi, a.cell, 'cumulative-decrease', {
          prev: prev.label,
          prevYear: prev.year !== null ? yearLabel(ctx, kpi, prev.year) : '',
          value: shown(a.cell),
          year: yearLabel(ctx, kpi, a.year),
        }));
      }
      prev = { label: shown(a.cell), year: a.year, value: a.value };
    }
  };
}

/** Below 80 % of the way the plan expects by now. */
const CLEARLY_BEHIND = 0.8;

export function missingRemark(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const col = tableOf(ctx, kpi)?.columns.remark;
    // A relisted KPI is explained where it is first listed.
    if (!col || kpi.relistedFrom || (kpi.remark ?? '').trim() !== '') return;
    const d = def(ctx, kpi);
    const st = ctx.statuses[kpi.id];
    const actuals = readableActuals(kpi, d);
    const last = actuals[actuals.length - 1];
    const prev = actuals[actuals.length - 2];
    const worse = last && prev && (kpiDirection(kpi, d) === 'down' ? last.value > prev.value : last.value < prev.value);
    let reason: string | null = null;
    if (worse) {
      reason = t(ctx.lang, 'rule.remark.worsened', { from: shown(prev.cell), fromYear: yearLabel(ctx, kpi, prev.year), to: shown(last.cell), toYear: yearLabel(ctx, kpi, last.year) });
    } else if (st?.status === 'behind' && st.pathRatio !== null && st.pathRatio < CLEARLY_BEHIND && st.year !== null) {
      // Clearly behind the path to the target, whatever grading method is chosen (80 %: 概ね順調 above it).
      const y = yearLabel(ctx, kpi, st.year);
      const expected = st.pathValue !== null ? `${amount(st.pathValue)}${kpi.unit ?? ''}` : null;
      reason = t(ctx.lang, 'rule.remark.far-behind', { year: y, actual: shown(last.cell), expected });
    }
    if (!reason) return;
    out.push(finding(ctx, 'missing-remark', 'warning', kpi, { row: kpi.row, col }, 'missing-remark', { reason }));
  };
}
