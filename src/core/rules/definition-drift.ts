/** definition-drift: baseline, target, unit, years or actuals that disagree with the KPI定義 sheet. */
import { baselineCell, targetCell } from '../cells';
import type { Finding } from '../findings';
import type { Kpi } from '../model';
import type { DefinitionProblem, KpiDefinitions } from '../definitions';
import { eraYearLabel } from '../definitions';
import { normaliseUnit } from '../rates';
import { message, word } from '../messages';
import { def, finding, near, shown, type KpiCheck, type RuleContext } from './context';

export function definitionDrift(ctx: RuleContext): KpiCheck | null {
  // without a KPI定義 sheet no KPI has a definition to drift from
  if (!ctx.definitions) return null;
  return (kpi: Kpi, out: Finding[]) => {
    const d = def(ctx, kpi);
    if (!d) return;
    const defCell = `${ctx.definitions!.sheet}!A${d.row}`;
    const at = (p: { row: number; col: number } | null | undefined) => p ?? kpi.nameCell;
    const drift = (what: string, cell: { row: number; col: number } | null | undefined, value: string, defined: string) =>
      out.push(finding(ctx, 'definition-drift', 'error', kpi, at(cell), 'definition-drift',
        { what: word(ctx.lang, what), value, defined, defCell }));
    const numbersDiffer = (a: number | null, b: number | null) => a !== null && b !== null && !near(a, b);
    if (numbersDiffer(kpi.baseline.value, d.baseline.value)) drift('baseline', baselineCell(kpi), shown(kpi.baseline.parsed), String(d.baseline.value));
    if (numbersDiffer(kpi.target.value, d.target.value)) drift('target', targetCell(kpi), shown(kpi.target.parsed), String(d.target.value));
    const unit = normaliseUnit(kpi.unit);
    const defUnit = normaliseUnit(d.unit);
    if (unit && defUnit && unit !== defUnit) drift('unit', targetCell(kpi) ?? baselineCell(kpi), unit, defUnit);
    if (numbersDiffer(kpi.baseline.year, d.baseline.year)) {
      drift('baselineYear', baselineCell(kpi), eraYearLabel(kpi.baseline.year), eraYearLabel(d.baseline.year));
    }
    if (numbersDiffer(kpi.target.year, d.target.year)) {
      drift('targetYear', targetCell(kpi), eraYearLabel(kpi.target.year), eraYearLabel(d.target.year));
    }
    outOfRange(ctx, kpi, d.min, d.max, defCell, out);
  };
}

function outOfRange(ctx: RuleContext, kpi: Kpi, min: number | null, max: number | null, defCell: string, out: Finding[]): void {
  if (min === null && max === null) return;
  const { years, values } = kpi.actuals;
  for (let i = 0; i < years.length; i++) {
    const a = values[i];
    if (a.kind !== 'number' || a.value === null) continue;
    if ((min === null || a.value >= min) && (max === null || a.value <= max)) continue;
    out.push(finding(ctx, 'definition-drift', 'error', kpi, kpi.actuals.cell(years[i]), 'definition-drift.range',
      { value: shown(a), range: `${min ?? ''}～${max ?? ''}`, defCell }));
  }
}

/** Unreadable cells of the KPI定義 sheet, as findings on that sheet (warnings: the rest is still used). */
export function definitionProblems(defs: KpiDefinitions | undefined, lang: 'ja' | 'en'): Finding[] {
  return (defs?.problems ?? []).map((p: DefinitionProblem) => ({
    rule: 'definition-drift',
    severity: 'warning',
    sheet: defs!.sheet,
    cell: p.cell,
    kpi: null,
    message: message(lang, 'definition-drift.unreadable', { detail: p[lang] }),
  }));
}
