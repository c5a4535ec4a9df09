/**
 * One line a reader can recompute: the figures behind a grade ("達成率 89.6%（2,796棟 ÷ 目標 3,119棟）→ B").
 * Used by the task pane, flag notes and the CLI. A negative figure is never shown: it is said in words.
 */
import { t } from './catalogue';
import type { Lang } from './findings';
import type { Kpi, SheetModel } from './model';
import type { Grade, GradeBasis } from './status';
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

export function gradeLine(basis: GradeBasis, grade: Grade | null, lang: Lang): string {
  const u = basis.unit ?? '';
  const v = (n: number) => `${figure(n)}${u}`;
  const shown = basis.legend ? t(lang, 'grade-line.legend', basis.legend) : grade;
  const tail = shown ? t(lang, 'grade-line.grade', { grade: shown }) : '';
  if (basis.value < 0) {
    const base = basis.baseline ?? basis.reference;
    return t(lang, basis.actual < base ? 'grade-line.below-baseline' : 'grade-line.above-baseline', { actual: v(basis.actual), baseline: v(base), tail });
  }
  const name = t(lang, basis.method === 'rate' ? 'grade-line.rate' : 'grade-line.path');
  const ref = t(lang, basis.method === 'rate' ? 'grade-line.target' : 'grade-line.expected', { v: v(basis.reference) });
  let how: string;
  if (basis.formula === 'gap' && basis.baseline !== null) {
    const b = t(lang, 'grade-line.baseline', { v: v(basis.baseline) });
    how = `(${b} − ${v(basis.actual)}) ÷ (${b} − ${ref})`;
  } else if (basis.formula === 'inverse') {
    how = `${ref} ÷ ${t(lang, 'grade-line.actual', { v: v(basis.actual) })}`;
  } else {
    how = `${v(basis.actual)} ÷ ${ref}`;
  }
  return t(lang, 'grade-line.line', { name, value: percent(basis.value), how, tail });
}
