/** What the ribbon buttons (src/commands) say in their status dialog, and its button. */
import { msg } from './entry';
import { severityCount } from './vocabulary';

export const RIBBON_MESSAGES = {
  'ribbon.checked': msg(
    (p: { kpis: number; error: number; warning: number; info: number }) => `点検しました（KPI ${p.kpis} 件）: ${severityCount('error', p.error, 'ja')}、${severityCount('warning', p.warning, 'ja')}、${severityCount('info', p.info, 'ja')}。`,
    (p) => `Checked ${p.kpis} KPIs: ${severityCount('error', p.error, 'en')}, ${severityCount('warning', p.warning, 'en')}, ${severityCount('info', p.info, 'en')}.`,
  ),
  'ribbon.no-sheet': msg(
    () => '進捗状況一覧表が見つかりませんでした。「重要業績評価指標(KPI)」「実績値」「達成率」の見出しがあるシートで実行してください。',
    () => 'No progress sheet found. Run this on a sheet with the headers 重要業績評価指標(KPI), 実績値 and 達成率.',
  ),
  'ribbon.year-added': msg(
    (p: { label: string; summary: string; n: number; skipped: number }) =>
      `「${p.label}」の列を追加しました: ${p.summary}（${p.n} 件の変更${p.skipped ? `、${p.skipped} 件はスキップ` : ''}）。元に戻すには作業ウィンドウの「直前の操作を元に戻す」を使います。`,
    (p) => `Added the "${p.label}" column: ${p.summary} (${p.n} changes${p.skipped ? `, ${p.skipped} skipped` : ''}). To undo, use "Undo last action" in the task pane.`,
  ),
  'ribbon.nothing': msg((p: { why: string }) => `年度列は追加しませんでした: ${p.why}`, (p) => `No year column added: ${p.why}`),
  'ribbon.failed': msg(
    (p: { detail: string }) => `実行できませんでした: ${p.detail} ブックを保存してから、もう一度お試しください。`,
    (p) => `Could not run: ${p.detail} Save the workbook and try again.`,
  ),
  'ribbon.close': msg(() => '閉じる', () => 'Close'),
};
