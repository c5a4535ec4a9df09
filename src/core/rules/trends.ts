/** Rules on how actuals move over the years: cumulative-decrease, missing-remark. */
import type { Finding } from '../findings';
import { kpiDirection } from '../rates';
import { planStart, readableActuals } from '../status';
import { amount, def, finding, shown, tableOf, yearLabel, type RuleContext } from './context';

export function cumulativeDecrease(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    const d = def(ctx, kpi);
    if (!(d?.cumulative ?? kpi.cumulative)) continue;
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
  }
  return out;
}

export function missingRemark(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const kpi of ctx.sheet.kpis) {
    const col = tableOf(ctx, kpi)?.columns.remark;
    // A relisted KPI is explained where it is first listed.
    if (!col || kpi.relistedFrom || (kpi.remark ?? '').trim() !== '') continue;
    const d = def(ctx, kpi);
    const st = ctx.statuses[kpi.id];
    const actuals = readableActuals(kpi, d);
    const last = actuals[actuals.length - 1];
    const prev = actuals[actuals.length - 2];
    const worse = last && prev && (kpiDirection(kpi, d) === 'down' ? last.value > prev.value : last.value < prev.value);
    let reason: string | null = null;
    if (worse) {
      reason = ctx.lang === 'ja'
        ? `実績が ${yearLabel(ctx, kpi, prev.year)} の ${shown(prev.cell)} から ${yearLabel(ctx, kpi, last.year)} の ${shown(last.cell)} に悪化している`
        : `The actual worsened from ${shown(prev.cell)} (${yearLabel(ctx, kpi, prev.year)}) to ${shown(last.cell)} (${yearLabel(ctx, kpi, last.year)})`;
    } else if (st?.status === 'behind' && (st.grade === 'C' || st.grade === 'D') && st.year !== null) {
      // Grade B is 概ね順調 (roughly on track): no explanation expected.
      const y = yearLabel(ctx, kpi, st.year);
      const pathValue = st.pathValue !== null ? `${amount(st.pathValue)}${kpi.unit ?? ''}` : null;
      reason = ctx.lang === 'ja'
        ? `${y}の実績 ${shown(last.cell)} が${pathValue ? `見込み値 ${pathValue}` : '目標までの道筋'}を下回り評価${st.grade}である`
        : `The ${y} actual ${shown(last.cell)} is behind ${pathValue ? `the path value ${pathValue}` : 'the path to the target'} (grade ${st.grade})`;
    }
    if (!reason) continue;
    out.push(finding(ctx, 'missing-remark', 'warning', kpi, { row: kpi.row, col }, 'missing-remark', { reason }));
  }
  return out;
}
