/** Status texts of the ribbon commands (pure, unit-tested); the sentences are catalogue entries (ribbon.*). */
import type { Finding, Lang } from '../core/findings';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { PlanInput } from '../app';
import { t } from '../core/catalogue';

export function checkSummary(input: Pick<PlanInput, 'model' | 'analysis'>, lang: Lang): string {
  const kpis = input.model.sheets.reduce((n, s) => n + s.kpis.length, 0);
  if (!kpis) return t(lang, 'ribbon.no-sheet');
  const count = (severity: string) => input.analysis.findings.filter((f: Finding) => f.severity === severity).length;
  return t(lang, 'ribbon.checked', { kpis, error: count('error'), warning: count('warning'), info: count('info') });
}

export function yearSummary(plan: EditPlan, result: ApplyResult | null, lang: Lang): string {
  if (!result) return t(lang, 'ribbon.nothing', { why: plan.notices.join(' ') || plan.summary });
  // The new header label is the first text the plan writes ("R7").
  const label = plan.edits.map((e) => (e.kind === 'setCell' && typeof e.content.value === 'string' ? e.content.value : null)).find(Boolean) ?? '?';
  return t(lang, 'ribbon.year-added', { label, summary: plan.summary, n: result.applied, skipped: result.skipped.length });
}
