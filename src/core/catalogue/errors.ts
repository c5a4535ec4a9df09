/**
 * Errors the hosts and the core raise (`throw new MessageError('error.sheet-not-found', { sheet })`);
 * the task pane, the ribbon and the CLI translate them into the user's language.
 * Each says what went wrong, where, and how to fix it.
 */
import { msg } from './entry';

export const ERRORS = {
  'error.unexpected': msg(
    (p: { detail: string }) => `予期しないエラーが発生しました: ${p.detail}`,
    (p) => `An unexpected error occurred: ${p.detail}`,
  ),
  'error.sheet-not-found': msg(
    (p: { sheet: string }) => `シート「${p.sheet}」が見つかりません。名前が変わっていないか確認し、もう一度読み込んでください。`,
    (p) => `Sheet "${p.sheet}" was not found. Check whether it was renamed, then reload.`,
  ),
  'error.write-refused': msg(
    (p: { why: string; block: number; blocks: number }) =>
      `Excelが書き込みを拒否しました${p.block === 0 ? '' : `（${p.blocks} 回中 ${p.block + 1} 回目。それまでの書き込みは反映済み）`}: ${p.why}。Excelの「元に戻す」(Ctrl+Z) で戻せます。結合セルやシートの保護を確認して、もう一度実行してください。`,
    (p) =>
      `Excel refused the writes${p.block === 0 ? '' : ` (block ${p.block + 1} of ${p.blocks}; earlier blocks were written)`}: ${p.why}. Excel's Undo (Ctrl+Z) reverts them. Check merged cells and sheet protection, then run it again.`,
  ),
  'error.settings-not-saved': msg(
    (p: { detail: string }) => `設定をブックに保存できませんでした: ${p.detail}。ブックが読み取り専用でないか確認して、もう一度保存してください。`,
    (p) => `Could not save the settings in the workbook: ${p.detail}. Check that the workbook is not read-only, then save again.`,
  ),
  'error.no-such-sheet': msg(
    (p: { sheet: string; names: string[] }) => `シート「${p.sheet}」がありません（あるシート: ${p.names.join('、')}）。`,
    (p) => `No sheet "${p.sheet}" (sheets: ${p.names.join(', ')}).`,
  ),
  'undo.damaged': msg(
    (p: { sheet: string; row: number | null; why: string | null }) =>
      `取り消し記録（非表示シート ${p.sheet}）が読めません: ${p.row !== null ? `${p.row}行目が記録の形式ではありません` : p.why}。取り消しはできません。kpi-progress clean で記録を消せます。`,
    (p) => `The undo record (hidden sheet ${p.sheet}) cannot be read: ${p.row !== null ? `row ${p.row} is not part of the record` : p.why}. Undo is not possible; kpi-progress clean removes the record.`,
  ),
  'error.command-unavailable': msg(
    (p: { command: string }) => `「${p.command}」はまだ利用できません。`,
    (p) => `"${p.command}" is not available yet.`,
  ),
};
