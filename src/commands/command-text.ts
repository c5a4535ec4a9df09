/** Status texts of the ribbon commands (pure, unit-tested). */
import type { Finding, Lang } from '../core/findings';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { PlanInput } from '../app';
import { format } from '../taskpane/i18n';

const texts = {
  ja: {
    checked: '点検しました（KPI {kpis} 件）: エラー {error} 件、警告 {warning} 件、情報 {info} 件。',
    noSheet: '進捗状況一覧表が見つかりませんでした。「重要業績評価指標(KPI)」「実績値」「達成率」の見出しがあるシートで実行してください。',
    yearAdded: '「{label}」の列を追加しました: {summary}（{n} 件の変更{skipped}）。元に戻すには作業ウィンドウの「直前の操作を元に戻す」を使います。',
    skipped: '、{m} 件はスキップ',
    nothing: '年度列は追加しませんでした: {why}',
    failed: '実行できませんでした: {detail} ブックを保存してから、もう一度お試しください。',
    close: '閉じる',
  },
  en: {
    checked: 'Checked {kpis} KPIs: {error} errors, {warning} warnings, {info} info.',
    noSheet: 'No progress sheet found. Run this on a sheet with the headers 重要業績評価指標(KPI), 実績値 and 達成率.',
    yearAdded: 'Added the "{label}" column: {summary} ({n} changes{skipped}). To undo, use "Undo last action" in the task pane.',
    skipped: ', {m} skipped',
    nothing: 'No year column added: {why}',
    failed: 'Could not run: {detail} Save the workbook and try again.',
    close: 'Close',
  },
};

export function commandText(lang: Lang) {
  return texts[lang === 'en' ? 'en' : 'ja'];
}

export function checkSummary(input: Pick<PlanInput, 'model' | 'analysis'>, lang: Lang): string {
  const t = commandText(lang);
  const kpis = input.model.sheets.reduce((n, s) => n + s.kpis.length, 0);
  if (!kpis) return t.noSheet;
  const count = (severity: string) => input.analysis.findings.filter((f: Finding) => f.severity === severity).length;
  return format(t.checked, { kpis, error: count('error'), warning: count('warning'), info: count('info') });
}

export function yearSummary(plan: EditPlan, result: ApplyResult | null, lang: Lang): string {
  const t = commandText(lang);
  if (!result) return format(t.nothing, { why: plan.notices.join(' ') || plan.summary });
  const skipped = result.skipped.length ? format(t.skipped, { m: result.skipped.length }) : '';
  // The new header label is the first text the plan writes ("R7").
  const label = plan.edits.map((e) => (e.kind === 'setCell' && typeof e.content.value === 'string' ? e.content.value : null)).find(Boolean) ?? '?';
  return format(t.yearAdded, { label, summary: plan.summary, n: result.applied, skipped });
}
