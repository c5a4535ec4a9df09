/** What a host cannot do, said once for the task pane (CapabilityNotes) and the Excel host. */
import { msg } from './entry';

export const HOST_MESSAGES = {
  'capability.notes': msg(
    () => 'このExcelではメモ(ノート)を操作できません(ExcelApi 1.18 が必要。買い切り版/LTSC Office 2024 は非対応)。メモの追加・削除は省略されます。',
    () => 'Notes cannot be edited in this Excel (needs ExcelApi 1.18; perpetual/LTSC Office 2024 lacks it). Note edits are skipped.',
  ),
  'capability.merges': msg(
    () => 'セル結合の範囲を読み取れません(ExcelApi 1.13 が必要)。結合の判定は行いません。',
    () => 'Merged areas cannot be read (needs ExcelApi 1.13); merges are not taken into account.',
  ),
  'capability.undo-group': msg(
    () => '1回の操作がExcelの「元に戻す」で複数の手順になります(ExcelApi 1.20 が必要)。アドインの「元に戻す」は使えます。',
    () => "One action may take several Excel undo steps (needs ExcelApi 1.20); the add-in's own Undo still works.",
  ),
  'capability.hyperlinks': msg(
    () => 'ハイパーリンクとライブチェックには ExcelApi 1.7 が必要です。',
    () => 'Hyperlinks and live checking need ExcelApi 1.7.',
  ),
  'read.merges-unread': msg(
    (p: { sheet: string }) => `シート「${p.sheet}」は結合セルが多すぎて、結合の範囲を読み取れませんでした。結合を考えずに点検しています。`,
    (p) => `Sheet "${p.sheet}" has too many merged areas for Excel to list them; it was checked without its merges.`,
  ),
  'capability.print-layout': msg(
    () => '「点検結果」「KPI定義」シートの印刷設定（A4横・1ページ幅・見出し行の繰り返し）はこのExcelでは設定できません(ExcelApi 1.9 が必要)。印刷前にページ設定を確認してください。',
    () => 'The page setup of the review and KPI定義 sheets (A4 landscape, one page wide, header rows repeated) cannot be set in this Excel (needs ExcelApi 1.9); check the page setup before printing.',
  ),
  'capability.widen-filters': msg(
    () => '年度列を追加しても、表の右端（最新年度）までの印刷範囲とオートフィルターは新しい年度列まで広がりません(ExcelApi 1.9 が必要)。追加後に範囲を確認してください。',
    () => 'Adding a year column does not extend a print area or autofilter that ends at the newest year to the new column (needs ExcelApi 1.9); check them after adding.',
  ),
  'capability.widen-formats': msg(
    () => '年度列を追加しても、表の右端（最新年度）までの条件付き書式は新しい年度列まで広がりません(ExcelApi 1.17 が必要)。追加後に「ルールの管理」で適用先を確認してください。',
    () => "Adding a year column does not extend conditional formats that end at the newest year to the new column (needs ExcelApi 1.17); check their 'Applies to' in Manage Rules after adding.",
  ),
  'capability.widen-validations': msg(
    () => '年度列を追加しても、前年度の列の入力規則は新しい年度列に付きません(ExcelApi 1.8 が必要)。追加後に「データの入力規則」を設定してください。',
    () => "Adding a year column does not give the new column the previous year's input rule (data validation; needs ExcelApi 1.8); set it under Data Validation after adding.",
  ),
  'file.read-failed': msg(
    (p: { detail: string }) => `ブックをファイルとして読み出せませんでした（${p.detail}）。ブックは変更していません。少し待ってからもう一度お試しください。`,
    (p) => `The workbook could not be read as a file (${p.detail}); nothing in it was changed. Please try again in a moment.`,
  ),
};
