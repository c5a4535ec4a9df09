/**
 * The task pane settings folded into the core's KPI definitions: grade bands and a rate method for
 * KPIs whose KPI定義 row does not set one. Settings left at their defaults change nothing.
 */
import { DEFAULT_BANDS, definitionFor, emptyDefinition, type KpiDefinitions } from '../core/definitions';
import type { ProgressModel } from '../core/model';
import { defaultSettings, type AddinSettings } from './settings';

export function effectiveDefinitions(defs: KpiDefinitions | undefined, model: ProgressModel, settings: AddinSettings): KpiDefinitions | undefined {
  const b = settings.gradeBands;
  const d = defaultSettings.gradeBands;
  const customBands = b.A !== d.A || b.B !== d.B || b.C !== d.C;
  const method = settings.rateMethod === 'auto' ? null : settings.rateMethod;
  const grading = settings.grading === 'auto' ? null : settings.grading;
  if (!customBands && !method && !grading) return defs;
  const out: KpiDefinitions = defs
    ? { ...defs, kpis: [...defs.kpis] }
    : { sheet: '', kpis: [], bands: { ...DEFAULT_BANDS }, problems: [] };
  // A grading method chosen in 設定 wins over KPI定義's; 'auto' keeps the workbook's.
  if (grading) out.grading = grading;
  if (customBands) out.bands = { A: b.A / 100, B: b.B / 100, C: b.C / 100 };
  if (method) {
    for (const kpi of model.sheets.flatMap((s) => s.kpis)) {
      const own = definitionFor(out, kpi);
      if (!own) out.kpis.push({ ...emptyDefinition(kpi.name), method });
      else if (!own.method) out.kpis[out.kpis.indexOf(own)] = { ...own, method };
    }
  }
  return out;
}
