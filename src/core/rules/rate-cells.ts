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
    // one list, by index (these KPIs are few, their code rarely optimised: no spreads, pairs or closures per KPI)
    const cells: { row: number; col: number; text: string }[] = [];
    const others = kpi.rateRowOther;
    for (let i = 0; i < others.length; i++) if (shows(others[i])) cells.push({ row: others[i].row, col: others[i].col, text: others[i].text });
    const { years } = kpi.printedRates;
    for (let i = 0; i < years.length; i++) {
      if (!misprinted(printed[i])) continue;
      const at = kpi.printedRates.cell(years[i]);
      cells.push({ row: at.row, col: at.col, text: printed[i].text });
    }
    cells.sort(byColumn);
    for (let i = 0; i < cells.length; i++) out.push(finding(ctx, 'misplaced-value', 'warning', kpi, cells[i], 'misplaced-value', { text: cells[i].text.trim() }));
  };
}

function byColumn(a: { col: number }, b: { col: number }): number {
  return a.col - b.col;
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
