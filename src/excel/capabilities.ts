/** What this Excel can do, from the API sets it reports; everything above ExcelApi 1.7 is optional. */
import type { HostCapabilities } from '../core/host';
import type { ExcelEnv } from './env';

export interface ExcelFeatures extends HostCapabilities {
  /** Range.copyFrom (1.9): copy formats from another column on insert. */
  copyFrom: boolean;
  /** getSpecialCells / RangeAreas (1.9). */
  rangeAreas: boolean;
}

export function detectFeatures(env: ExcelEnv): ExcelFeatures {
  const has = (v: string) => env.isSetSupported('ExcelApi', v);
  const base = has('1.7');
  return {
    hyperlinks: base,
    changeEvents: base,
    copyFrom: has('1.9'),
    rangeAreas: has('1.9'),
    merges: has('1.13'),
    notes: has('1.18'),
    undoGroup: has('1.20'),
  };
}

/** Japanese / English sentences for the UI: what is unavailable in this Excel and why. */
export function unavailableFeatures(f: HostCapabilities): { ja: string; en: string }[] {
  const out: { ja: string; en: string }[] = [];
  if (!f.notes)
    out.push({
      ja: 'このExcelではメモ(ノート)を操作できません(ExcelApi 1.18 が必要。買い切り版/LTSC Office 2024 は非対応)。メモの追加・削除は省略されます。',
      en: 'Notes cannot be edited in this Excel (needs ExcelApi 1.18; perpetual/LTSC Office 2024 lacks it). Note edits are skipped.',
    });
  if (!f.merges)
    out.push({
      ja: 'セル結合の範囲を読み取れません(ExcelApi 1.13 が必要)。結合の判定は行いません。',
      en: 'Merged areas cannot be read (needs ExcelApi 1.13); merges are not taken into account.',
    });
  if (!f.undoGroup)
    out.push({
      ja: '1回の操作がExcelの「元に戻す」で複数の手順になります(ExcelApi 1.20 が必要)。アドインの「元に戻す」は使えます。',
      en: 'One action may take several Excel undo steps (needs ExcelApi 1.20); the add-in\'s own Undo still works.',
    });
  if (!f.hyperlinks)
    out.push({ ja: 'ハイパーリンクとライブチェックには ExcelApi 1.7 が必要です。', en: 'Hyperlinks and live checking need ExcelApi 1.7.' });
  return out;
}
