/**
 * rate-mismatch: a printed rate that the computed one, rounded by the sheet's convention, does not
 * reproduce. Says which other computation does reproduce it, when one does.
 */
import type { Kpi } from '../model';
import type { Finding } from '../findings';
import { computeRate, divideExact, formatRate, kpiBounds, progressRate, roundRate, yearTarget, type RoundingMode } from '../rates';
import { actualYears } from '../kpi-facts';
import { message } from '../messages';
import { t as say } from '../catalogue';
import { def, everyKpi, finding, rateFix, shown, yearLabel, type KpiCheck, type Rule, type RuleContext } from './context';

interface Candidate {
  /** What computes this value, in the finding's language. */
  how: string;
  value: number | null;
  mode?: RoundingMode;
}

/**
 * Computations a person may have used instead. Only asked for a year whose rate was computed, so its
 * actual and the KPI's target are numbers (computeRate gives no rate otherwise).
 */
function candidates(ctx: RuleContext, kpi: Kpi, year: number, actual: number): Candidate[] {
  const d = def(ctx, kpi);
  const { baseline, target } = kpiBounds(kpi, d) as { baseline: number | null; target: number };
  const a = shown(kpi.actuals.get(year));
  const b = shown(kpi.baseline.parsed) || String(baseline);
  const t = shown(kpi.target.parsed) || String(target);
  const out: Candidate[] = [];
  const other = ctx.rounding.mode === 'half-up' ? 'truncate' : 'half-up';
  const rate = computeRate(kpi, year, d);
  const computed = rate.value;
  const rateMethodUsed = rate.method;
  const { lang } = ctx;
  out.push({ how: say(lang, other === 'truncate' ? 'rule.how.truncate' : 'rule.how.half-up'), value: computed, mode: other });
  if (baseline !== null) {
    out.push({ how: say(lang, 'rule.how.actual-baseline', { a, b }), value: divideExact(actual, baseline) });
    // For an up-type KPI the progress rate is the gap formula; offer whichever the KPI does not use.
    if (rateMethodUsed === 'ratio') {
      out.push({ how: say(lang, 'rule.how.progress', { a, b, t }), value: progressRate(actual, baseline, target) });
    } else {
      out.push({ how: say(lang, 'rule.how.actual-target', { a, t }), value: divideExact(actual, target) });
    }
  }
  for (const y of actualYears(kpi)) {
    // Stryker disable next-line ConditionalExpression: this year's own rate has just failed to reproduce the printed figure, so it is never the one named
    if (y === year) continue;
    const v = computeRate(kpi, y, d).value;
    out.push({ how: say(lang, 'rule.how.other-year', { year: yearLabel(ctx, kpi, y) }), value: v });
  }
  out.push({ how: say(lang, 'rule.how.target-actual', { a, t }), value: divideExact(target, actual) });
  if (kpi.actuals.get(year)!.unit === '%') {
    out.push({ how: say(lang, 'rule.how.actual-itself', { a }), value: divideExact(actual, 100) });
  }
  return out;
}

/**
 * The first candidate that, rounded at `decimals` (by its own mode, else the sheet's), shows `printed`.
 * A function of its own rather than an arrow inside the check: an arrow capturing the loop's figures
 * made every printed rate of every KPI allocate a scope for them (about 2.9 MB per 10,000 KPIs).
 */
function reproducing(cands: Candidate[], decimals: number, mode: RoundingMode, printed: number): Candidate | undefined {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.value !== null && roundRate(c.value, decimals, c.mode ?? mode) === printed) return c;
  }
  return undefined;
}

export function rateMismatchRule(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const { years, values } = kpi.printedRates;
    for (let i = 0; i < years.length; i++) {
      const year = years[i];
      const p = values[i];
      // only a printed rate (kind 'rate') carries a value
      if (p.value === null) continue;
      const rate = computeRate(kpi, year, def(ctx, kpi));
      if (rate.value === null) continue;
      // "68.90%" on a one-decimal sheet is a format matter (rate-format), judged at one decimal.
      const decimals = Math.min(p.decimals ?? ctx.rounding.decimals, ctx.rounding.decimals);
      const printed = roundRate(p.value, decimals, 'half-up');
      if (roundRate(rate.value, decimals, ctx.rounding.mode) === printed) continue;
      const how = reproducing(candidates(ctx, kpi, year, kpi.actuals.get(year)!.value as number), decimals, ctx.rounding.mode, printed);
      const { baseline, target } = kpiBounds(kpi, def(ctx, kpi));
      const a = shown(kpi.actuals.get(year));
      // the year's own target where the sheet prints one (期待値, 施策目標 of that year)
      const t = yearTarget(kpi, year) !== null ? shown(kpi.targets!.get(year)!) : shown(kpi.target.parsed) || target;
      const formula = rate.method === 'ratio'
        ? `${a} ÷ ${t}`
        : `(${shown(kpi.baseline.parsed) || baseline} − ${a}) ÷ (${shown(kpi.baseline.parsed) || baseline} − ${shown(kpi.target.parsed) || target})`;
      const explanation = how ? message(ctx.lang, 'rate-mismatch.how', { how: how.how }) : '';
      const at = kpi.printedRates.cell(year);
      out.push(finding(ctx, 'rate-mismatch', 'error', kpi, at, 'rate-mismatch', {
        printed: p.text || formatRate(p.value, decimals, 'half-up'),
        computed: formatRate(rate.value, decimals, ctx.rounding.mode),
        formula,
        explanation,
      }, rateFix(ctx, kpi, p, at, rate.value, decimals)));
    }
  };
}

/** rate-mismatch over every KPI of the sheet. */
export const rateMismatch: Rule = everyKpi(rateMismatchRule);
