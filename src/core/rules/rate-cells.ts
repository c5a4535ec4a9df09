/** Rules on the 達成率 row: misplaced-value, qualitative-rate, rate-format, large-overshoot. */
import type { Finding } from '../findings';
import type { Kpi, ParsedValue, PrintedRate } from '../model';
import { cellAddress } from '../snapshot';
import { computeRate, formatRate, rateMethod } from '../rates';
import { message } from '../messages';
import { def, finding, rateFix, sameKpis, type KpiCheck, type RuleContext } from './context';

/** Rates far above the target: at or above this share of the target. */
export const OVERSHOOT = 1.5;

const shows = (p: ParsedValue) => p.kind !== 'empty' && p.kind !== 'none';
const misprinted = (p: PrintedRate) => p.kind === 'text' || p.kind === 'error';

export function misplacedValue(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    // most KPIs have nothing misplaced: no lists made for them
    const printed = kpi.printedRates.values;
    if (!kpi.rateRowOther.some(shows) && !printed.some(misprinted)) return;
    const cells = [
      ...kpi.rateRowOther.filter(shows).map((p) => ({ row: p.row, col: p.col, text: p.text })),
      ...kpi.printedRates.entries().filter(([, p]) => misprinted(p)).map(([year, p]) => ({ ...kpi.printedRates.cell(year), text: p.text })),
    ].sort((a, b) => a.col - b.col);
    for (const c of cells) out.push(finding(ctx, 'misplaced-value', 'warning', kpi, c, 'misplaced-value', { text: c.text.trim() }));
  };
}

/** The printed rate of the same KPI and year elsewhere (`same`: sameKpis) that shows "-", if any. */
function dashElsewhere(same: readonly Kpi[], year: number): { row: number; col: number } | undefined {
  for (let i = 0; i < same.length; i++) {
    const p = same[i].printedRates.get(year);
    if (p && p.kind === 'none') return same[i].printedRates.cell(year);
  }
  return undefined;
}

export function qualitativeRate(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const qualitative = rateMethod(kpi, def(ctx, kpi)) === 'none';
    // the KPI's other listings, gathered once per KPI rather than per printed rate
    let same: readonly Kpi[] | undefined;
    const { years, values } = kpi.printedRates;
    for (let i = 0; i < years.length; i++) {
      const year = years[i];
      const p = values[i];
      if (p.kind !== 'rate') continue;
      const dash = dashElsewhere((same ??= sameKpis(ctx, kpi)), year);
      const where = dash ? `${kpi.sheet}!${cellAddress(dash.row, dash.col)}` : '';
      if (qualitative) {
        out.push(finding(ctx, 'qualitative-rate', 'warning', kpi, kpi.printedRates.cell(year), 'qualitative-rate', {
          target: kpi.target.text.trim() || '-',
          printed: p.text.trim(),
          other: dash ? message(ctx.lang, 'qualitative-rate.other', { cell: where }) : '',
        }));
      } else if (dash) {
        out.push(finding(ctx, 'qualitative-rate', 'warning', kpi, kpi.printedRates.cell(year), 'qualitative-rate.dash', { cell: where, printed: p.text.trim() }));
      }
    }
  };
}

export function rateFormat(ctx: RuleContext): KpiCheck {
  const common = ctx.rounding.decimals;
  return (kpi: Kpi, out: Finding[]) => {
    const { years, values } = kpi.printedRates;
    for (let i = 0; i < years.length; i++) {
      const p = values[i];
      if (p.kind !== 'rate' || p.decimals === null || p.decimals === common) continue;
      const at = kpi.printedRates.cell(years[i]);
      out.push(finding(ctx, 'rate-format', 'info', kpi, at, 'rate-format', { text: p.text.trim(), decimals: p.decimals, common },
        p.value !== null ? rateFix(ctx, kpi, p, at, p.value, common) : undefined));
    }
  };
}

export function largeOvershoot(ctx: RuleContext): KpiCheck {
  return (kpi: Kpi, out: Finding[]) => {
    const { years, values } = kpi.printedRates;
    for (let i = 0; i < years.length; i++) {
      const year = years[i];
      const p = values[i];
      if (p.kind !== 'rate') continue;
      const value = computeRate(kpi, year, def(ctx, kpi)).value ?? p.value;
      if (value === null || value < OVERSHOOT) continue;
      out.push(finding(ctx, 'large-overshoot', 'info', kpi, kpi.printedRates.cell(year), 'large-overshoot',
        { rate: formatRate(value, ctx.rounding.decimals, ctx.rounding.mode) }));
    }
  };
}
