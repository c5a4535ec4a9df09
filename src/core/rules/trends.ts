/** Rules on how actuals move over the years: cumulative-decrease, missing-remark. */
import type { Finding } from '../findings';
import type { Kpi, ParsedValue } from '../model';
import type { KpiDefinition } from '../definitions';
import { kpiDirection } from '../rates';
import { planStart, readableActuals } from '../status';
import { lastReadable } from '../kpi-facts';
import { amount, def, finding, shown, tableOf, yearLabel, type KpiCheck, type RuleContext } from './context';
import { t } from '../catalogue';

export function cumulativeDecrease(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const d = def(ctx, kpi);
    if (!(d?.cumulative ?? kpi.cumulative)) return;
    // most cumulative KPIs never go down: no list of their readable actuals made for them
    if (!decreases(kpi, d)) return;
    const actuals = readableActuals(kpi, d);
    // the figure before each actual: the baseline (when it is a number), then the actual before
    let prevValue: number | null = null;
    let prevYear: number | null = null;
    let prevCell: ParsedValue | null = null;
    if (kpi.baseline.parsed?.kind === 'number') {
      const start = planStart(kpi, d);
      if (start.value !== null) {
        prevValue = start.value;
        prevYear = start.year;
        prevCell = kpi.baseline.parsed;
      }
    }
    for (const a of actuals) {
      if (prevValue !== null && a.value < prevValue) {
        out.push(finding(ctx, 'cumulative-decrease', 'error', kpi, kpi.actuals.cell(a.year), 'cumulative-decrease', {
          prev: shown(prevCell),
          prevYear: prevYear !== null ? yearLabel(ctx, kpi, prevYear) : '',
          value: shown(a.cell),
          year: yearLabel(ctx, kpi, a.year),
        }));
      }
      prevValue = a.value;
      prevYear = a.year;
      prevCell = a.cell;
    }
  };
}

/**
 * Whether a readable actual is below the one before it (the earliest: below the plan's start, when the
 * baseline is a number), as cumulativeDecrease's walk finds: the actuals walked by index, latest first.
 */
function decreases(kpi: Kpi, d: KpiDefinition | undefined): boolean {
  const values = kpi.actuals.values;
  let at = lastReadable(kpi, d);
  if (at < 0) return false;
  for (let before = lastReadable(kpi, d, at); before >= 0; at = before, before = lastReadable(kpi, d, at)) {
    if ((values[at].value as number) < (values[before].value as number)) return true;
  }
  if (kpi.baseline.parsed?.kind !== 'number') return false;
  const start = planStart(kpi, d).value;
  return start !== null && (values[at].value as number) < start;
}

/** Below 80 % of the way the plan expects by now. */
const CLEARLY_BEHIND = 0.8;

export function missingRemark(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const col = tableOf(ctx, kpi)?.columns.remark;
    // A relisted KPI is explained where it is first listed.
    if (!col || kpi.relistedFrom || (kpi.remark ?? '').trim() !== '') return;
    const d = def(ctx, kpi);
    const st = ctx.statuses.get(kpi);
    // the latest two readable actuals, by their index in kpi.actuals (no list of them made)
    const last = lastReadable(kpi, d);
    const prev = last > 0 ? lastReadable(kpi, d, last) : -1;
    const { years, values } = kpi.actuals;
    const worse = prev >= 0 &&
      (kpiDirection(kpi, d) === 'down' ? values[last].value! > values[prev].value! : values[last].value! < values[prev].value!);
    let reason: string | null = null;
    if (worse) {
      reason = t(ctx.lang, 'rule.remark.worsened', { from: shown(values[prev]), fromYear: yearLabel(ctx, kpi, years[prev]), to: shown(values[last]), toYear: yearLabel(ctx, kpi, years[last]) });
    } else if (st?.status === 'behind' && st.pathRatio !== null && st.pathRatio < CLEARLY_BEHIND && st.year !== null) {
      // Clearly behind the path to the target, whatever grading method is chosen (80 %: 概ね順調 above it).
      const y = yearLabel(ctx, kpi, st.year);
      const expected = st.pathValue !== null ? `${amount(st.pathValue)}${kpi.unit ?? ''}` : null;
      reason = t(ctx.lang, 'rule.remark.far-behind', { year: y, actual: shown(values[last]), expected });
    }
    if (!reason) return;
    out.push(finding(ctx, 'missing-remark', 'warning', kpi, { row: kpi.row, col }, 'missing-remark', { reason }));
  };
}
