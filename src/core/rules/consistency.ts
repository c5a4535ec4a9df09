/** Rules across KPIs: relisted-mismatch (same KPI, other figures), breakdown-sum (parts ≠ total). */
import type { Finding } from '../findings';
import type { Kpi, ParsedValue } from '../model';
import { actualYears } from '../kpi-facts';
import { cellAddress } from '../snapshot';
import { normaliseUnit } from '../rates';
import { word } from '../messages';
import { amount, finding, near, shown, yearLabel, type KpiCheck, type RuleContext } from './context';
import { t as say } from '../catalogue';

/** Comparable form of a figure: number + unit, or its text; "-" and blank count as the same "nothing". */
function figure(p: ParsedValue | null | undefined): string {
  if (!p || p.kind === 'empty' || p.kind === 'none') return '';
  if (p.kind === 'number' || p.kind === 'reference') return `${p.kind}:${p.value}${normaliseUnit(p.unit) ?? ''}`;
  return p.text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * figure(a) === figure(b), without making the two texts when the cells agree as they are (same kind
 * and value and unit, or same text: most figures of a relisted KPI); the texts decide otherwise.
 */
function sameFigure(a: ParsedValue | null | undefined, b: ParsedValue | null | undefined): boolean {
  if (a && b && a.kind === b.kind) {
    if (a.kind === 'number' || a.kind === 'reference' ? a.value === b.value && a.unit === b.unit : a.text === b.text) return true;
  }
  return figure(a) === figure(b);
}

/** The figures of a KPI to compare: baseline, target, each year's actual (labelled by figureLabel). */
function figures(kpi: Kpi): (ParsedValue | null)[] {
  return [kpi.baseline.parsed, kpi.target.parsed, ...kpi.actuals.values];
}

/** What figures(kpi)[i] is, for a finding (made only when one is found). */
function figureLabel(ctx: RuleContext, kpi: Kpi, i: number): string {
  if (i === 0) return word(ctx.lang, 'baseline');
  if (i === 1) return word(ctx.lang, 'target');
  return `${yearLabel(ctx, kpi, actualYears(kpi)[i - 2])} ${word(ctx.lang, 'actual')}`;
}

export function relistedMismatch(ctx: RuleContext): KpiCheck {
  const { byId } = ctx.index;
  return (kpi: Kpi, out: Finding[]) => {
    const first = kpi.relistedFrom ? byId.get(kpi.relistedFrom) : undefined;
    if (!first) return;
    const mine = figures(kpi);
    const theirs = figures(first);
    const n = Math.min(mine.length, theirs.length);
    for (let i = 0; i < n; i++) {
      const cell = mine[i];
      const o = theirs[i];
      if (!cell || sameFigure(cell, o)) continue;
      if (cell.kind === 'empty' && o?.kind !== 'number') continue;
      // Another sheet may be another edition (last year's copy): there only figures both show must agree.
      if (first.sheet !== kpi.sheet && (figure(cell) === '' || figure(o) === '')) continue;
      out.push(finding(ctx, 'relisted-mismatch', 'error', kpi, cell, 'relisted-mismatch', {
        what: figureLabel(ctx, kpi, i),
        value: shown(cell) || say(ctx.lang, 'rule.blank'),
        original: shown(o) || say(ctx.lang, 'rule.blank'),
        first: `${first.sheet}!${o ? cellAddress(o.row, o.col) : cellAddress(first.row, first.nameCell.col)}`,
      }));
    }
  };
}

export function breakdownSum(ctx: RuleContext): KpiCheck {
  return (total: Kpi, out: Finding[]) => {
    const parts = ctx.index.parts.get(total.id);
    if (!parts) return;
    // Costs add up too (事業費 of a total is its parts' sum); relisted rows may show "-" for 0, so only here.
    const withCost = (k: Kpi) => [...figures(k), k.cost];
    const mine = withCost(total);
    const theirs = parts.map(withCost);
    mine.forEach((t, i) => {
      if (!t || t.kind !== 'number' || t.value === null) return;
      const cells = theirs.map((fs) => fs[i] ?? null);
      // Parts that say nothing ("-") contribute nothing; unreadable or other-unit parts make the sum unknown.
      if (cells.some((c) => c && c.kind !== 'number' && c.kind !== 'none' && c.kind !== 'empty')) return;
      const numbers = cells.filter((c): c is ParsedValue => !!c && c.kind === 'number' && c.value !== null);
      if (numbers.length === 0) return;
      if (numbers.some((c) => normaliseUnit(c.unit) && normaliseUnit(t.unit) && normaliseUnit(c.unit) !== normaliseUnit(t.unit))) return;
      const sum = numbers.reduce((s, c) => s + (c.value as number), 0);
      if (near(sum, t.value)) return;
      out.push(finding(ctx, 'breakdown-sum', 'error', total, t, 'breakdown-sum', {
        what: i === mine.length - 1 ? word(ctx.lang, 'cost') : figureLabel(ctx, total, i),
        total: shown(t),
        sum: `${amount(sum, 6)}${t.unit ?? ''}`,
        parts: numbers.map((c) => shown(c)).join(' + '),
      }));
    });
  };
}
