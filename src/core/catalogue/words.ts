/**
 * Japanese words the product reads in (and writes back to) the sheets: units, status words of printed
 * legends, the words and sheet names of its own sheets. They are vocabulary, not sentences, and
 * never translated (a sheet says 「か所」 or 「評価の方法」 whatever the user's language); they live
 * here, beside the catalogue, so that every hiragana-bearing text of the product is in one place.
 */

/** Units with kana seen in real progress sheets (src/core/values.ts KNOWN_UNITS). */
export const KANA_UNITS = ['か国', 'か所'] as const;

/** Status words printed in grade and trend legends ("A:順調", "改善○"), longest first where one contains another. */
export const LEGEND_WORDS = ['概ね順調', 'おおむね順調', '順調', 'やや遅れ', '大幅な遅れ', '遅れ', '要改善', '未達成', '達成', '改善', '維持', '悪化', '未実施', '横ばい'] as const;

/** Words of the KPI定義 sheet that are read back by their text (src/core/definitions.ts). */
export const DEFINITION_WORDS = {
  methodHeader: '達成率の計算',
  gradingTitle: '評価の方法',
  none: 'なし',
} as const;

/** The first sheet of every round copy, found again by this name (src/core/compare/round.ts). */
export const REQUEST_SHEET_NAME = '記入のお願い';

/** Row 1 of the hidden undo record sheet `_kpi_undo`, in both languages (src/core/undo.ts). */
export const UNDO_RECORD_HEADER = 'KPI進捗アシスタント 取り消し記録 (編集しないでください) / undo record of KPI progress assistant (do not edit)';
