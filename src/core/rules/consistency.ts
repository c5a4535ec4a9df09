/** Rules across KPIs: relisted-mismatch (same KPI, other figures), breakdown-sum (parts ≠ total). */
import { baselineCell, costCell, targetCell } from '../cells';
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

/**
 * The figures of a KPI to compare, by index: baseline, target, each year's actual (labelled by
 * figureLabel); read in place, as a relisted KPI and its first listing are compared without a list of
 * each made (there are hundreds of relistings).
 */
function figureAt(kpi: Kpi, i: number): ParsedValue | null {
  return i === 0 ? kpi.baseline.parsed : i === 1 ? kpi.target.parsed : kpi.actuals.values[i - 2];
}

/** How many figures figureAt gives. */
function figureCount(kpi: Kpi): number {
  return kpi.actuals.values.length + 2;
}

/** The cell of figureAt(kpi, i): the baseline and target carry theirs, a year's actual is its record's. */
function figureCell(kpi: Kpi, i: number): { row: number; col: number } | null {
  if (i === 0) return baselineCell(kpi);
  if (i === 1) return targetCell(kpi);
  return kpi.actuals.cellOf(kpi.actuals.years[i - 2]) ?? null;
}

/** What figureAt(kpi, i) is, for a finding (made only when one is found). */
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
    const n = Math.min(figureCount(kpi), figureCount(first));
    for (let i = 0; i < n; i++) {
      const cell = figureAt(kpi, i);
      const o = figureAt(first, i);
      if (!cell || sameFigure(cell, o)) continue;
      if (cell.kind === 'empty' && o?.kind !== 'number') continue;
      // Another sheet may be another edition (last year's copy): there only figures both show must agree.
      if (first.sheet !== kpi.sheet && (figure(cell) === '' || figure(o) === '')) continue;
      const theirCell = o ? figureCell(first, i) : null;
      out.push(finding(ctx, 'relisted-mismatch', 'error', kpi, figureCell(kpi, i)!, 'relisted-mismatch', {
        what: figureLabel(ctx, kpi, i),
        value: shown(cell) || say(ctx.lang, 'rule.blank'),
        original: shown(o) || say(ctx.lang, 'rule.blank'),
        first: `${first.sheet}!${theirCell ? cellAddress(theirCell.row, theirCell.col) : cellAddress(first.row, first.nameCell.col)}`,
      }));
    }
  };
}

/**
 * figureAt(k, i) and after the last figure the KPI's 事業費: baseline, target, each year's actual, then the 事業費, as
 * breakdown-sum lines a total's figures up with each part's (a part with fewer years meets the total's
 * last years with its cost or nothing, as the lists did), without making the lists.
 */
function withCostAt(k: Kpi, i: number): ParsedValue | null | undefined {
  if (i === 0) return k.baseline.parsed;
  if (i === 1) return k.target.parsed;
  const n = k.actuals.values.length;
  if (i - 2 < n) return k.actuals.values[i - 2];
  return i - 2 === n ? k.cost : undefined;
}

/** The cell of withCostAt(k, i) (a value there): the baseline, target and cost carry theirs, an actual is its record's. */
function withCostCell(k: Kpi, i: number): { row: number; col: number } {
  if (i === 0) return baselineCell(k)!;
  if (i === 1) return targetCell(k)!;
  const n = k.actuals.values.length;
  return i - 2 < n ? k.actuals.cell(k.actuals.years[i - 2]) : costCell(k)!;
}

/** Parts that say nothing ("-") contribute nothing; unreadable or other-unit parts make the sum unknown. */
function unreadable(c: ParsedValue | null | undefined): boolean {
  return !!c && c.kind !== 'number' && c.kind !== 'none' && c.kind !== 'empty';
}

function counted(c: ParsedValue | null | undefined): c is ParsedValue {
  return !!c && c.kind === 'number' && c.value !== null;
}

export function breakdownSum(ctx: RuleContext): KpiCheck {
  return (total: Kpi, out: Finding[]) => {
    const parts = ctx.index.parts.get(total.id);
    if (!parts) return;
    // Costs add up too (事業費 of a total is its parts' sum); relisted rows may show "-" for 0, so only here.
    const last = total.actuals.values.length + 2;
    for (let i = 0; i <= last; i++) {
      const t = withCostAt(total, i);
      if (!t || t.kind !== 'number' || t.value === null) continue;
      let unknown = false;
      let numbers = 0;
      let otherUnit = false;
      let sum = 0;
      for (const part of parts) {
        const c = withCostAt(part, i);
        if (unreadable(c)) {
          unknown = true;
          break;
        }
        if (!counted(c)) continue;
        numbers++;
        const cu = normaliseUnit(c.unit);
        const tu = normaliseUnit(t.unit);
        if (cu && tu && cu !== tu) otherUnit = true;
        sum += c.value as number;
      }
      if (unknown || numbers === 0 || otherUnit || near(sum, t.value)) continue;
      const shownParts: string[] = [];
      for (const part of parts) {
        const c = withCostAt(part, i);
        if (counted(c)) shownParts.push(shown(c));
      }
      out.push(finding(ctx, 'breakdown-sum', 'error', total, withCostCell(total, i), 'breakdown-sum', {
        what: i === last ? word(ctx.lang, 'cost') : figureLabel(ctx, total, i),
        total: shown(t),
        sum: `${amount(sum, 6)}${t.unit ?? ''}`,
        parts: shownParts.join(' + '),
      }));
    }
  };
}
