/**
 * One line a reader can recompute: the figures behind a grade ("達成率 89.6%（2,796棟 ÷ 目標 3,119棟）→ B").
 * Used by the task pane, flag notes and the CLI. A negative figure is never shown: it is said in words.
 */
import type { Lang } from './findings';
import type { Kpi, SheetModel } from './model';
import type { Grade, GradeBasis, GradingMethod } from './status';
import { formatYearLabel } from './years';

/** A fiscal year as the KPI's table writes it ("R2", "2020年度"); the western year when unknown. */
export function kpiYearLabel(sheet: SheetModel | undefined, kpi: Pick<Kpi, 'tableIndex'>, year: number): string {
  const yc = sheet?.tables.find((t) => t.index === kpi.tableIndex)?.columns.years.find((y) => y.year === year);
  return yc ? formatYearLabel(year, yc.style) : `${year}`;
}

export function figure(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

export const GRADING_LABEL: Record<GradingMethod, { ja: string; en: string }> = {
  rate: { ja: '達成率（実績÷目標）の区分', en: 'Achievement rate (actual ÷ target) bands' },
  path: { ja: '見込み値（按分）に対する実績の区分', en: 'Actual against the expected value (pro rata) bands' },
};

export function gradeLine(basis: GradeBasis, grade: Grade | null, lang: Lang): string {
  const en = lang === 'en';
  const u = basis.unit ?? '';
  const v = (n: number) => `${figure(n)}${u}`;
  const shown = basis.legend ? `${basis.legend.symbol}（${basis.legend.label}）` : grade;
  const tail = shown ? (en ? ` → ${shown}` : `→ ${shown}`) : '';
  if (basis.value < 0) {
    const base = basis.baseline ?? basis.reference;
    const below = basis.actual < base;
    if (en) return `${below ? 'Below' : 'Above'} the baseline (actual ${v(basis.actual)}, baseline ${v(base)})${tail}`;
    return `基準値を${below ? '下回って' : '上回って'}います（実績 ${v(basis.actual)}、基準値 ${v(base)}）${tail}`;
  }
  const name = basis.method === 'rate' ? (en ? 'Achievement rate' : '達成率') : (en ? 'Actual against expected' : '見込み値に対する実績');
  const ref = basis.method === 'rate' ? (en ? 'target' : '目標') : (en ? 'expected' : '見込み');
  let how: string;
  if (basis.formula === 'gap' && basis.baseline !== null) {
    const b = en ? `baseline ${v(basis.baseline)}` : `基準 ${v(basis.baseline)}`;
    how = `(${b} − ${v(basis.actual)}) ÷ (${b} − ${ref} ${v(basis.reference)})`;
  } else if (basis.formula === 'inverse') {
    how = `${ref} ${v(basis.reference)} ÷ ${en ? 'actual' : '実績'} ${v(basis.actual)}`;
  } else {
    how = `${v(basis.actual)} ÷ ${ref} ${v(basis.reference)}`;
  }
  return en ? `${name} ${percent(basis.value)} (${how})${tail}` : `${name} ${percent(basis.value)}（${how}）${tail}`;
}
