/**
 * What reading a workbook says: sheets recognition passed over (src/core/recognise.ts) and the
 * problems of a KPI定義 sheet (src/core/definitions.ts), plus the KPI定義 sheet's own words.
 */
import { msg } from './entry';

export const MODEL_MESSAGES = {
  'recognise.headerless-pair': msg(
    (p: { sheet: string; row: number }) =>
      `シート「${p.sheet}」の${p.row}行目から実績値・達成率の行がありますが、その上に見出し行（重要業績評価指標・目標値・年度）がありません。前のシートの表の続きなら、見出し行をこのシートの先頭にもコピーしてください。`,
    (p) => `Sheet "${p.sheet}" has 実績値/達成率 rows from row ${p.row} but no header row (KPI, 目標値, years) above them; if it continues a table of another sheet, copy that header row to the top of this sheet.`,
  ),
  'recognise.header-only': msg(
    (p: { sheet: string; row: number }) =>
      `シート「${p.sheet}」の${p.row}行目に見出し行がありますが、その下に「実績値」と「達成率」の2行1組のKPI行がありません。見出し行の直後にKPIの行を置いてください。`,
    (p) => `Sheet "${p.sheet}" has a header row at row ${p.row} but no KPI pair (実績値 row + 達成率 row) below it; put the KPI rows right under the header.`,
  ),
  'recognise.no-table': msg(
    (p: { sheet: string; missing: string[]; closest: number | null }) =>
      `シート「${p.sheet}」にKPI表が見つかりません: 見出し行に ${p.missing.join('・')} がありません${p.closest === null ? '' : `（最も近いのは${p.closest}行目）`}。見出し行に「重要業績評価指標(KPI)」「目標値」と年度の列を置いてください。`,
    (p) => `No KPI table on sheet "${p.sheet}": no header row with ${p.missing.join(', ')}${p.closest === null ? '' : ` (closest: row ${p.closest})`}. Add a header row with the KPI name, 目標値 and year columns.`,
  ),
  // What a near-miss header row lacks (the list in recognise.no-table).
  'recognise.missing.kpi': msg(() => '重要業績評価指標(KPI) または 基準値', () => 'KPI name (重要業績評価指標) or baseline (基準値)'),
  'recognise.missing.target': msg(() => '目標値', () => 'target (目標値)'),
  'recognise.missing.years': msg(() => '年度の列 (R1, 2019年度 など)', () => 'year columns (R1, 2019年度 …)'),
  'recognise.failed': msg((p: { sheet: string; detail: string }) => `シート「${p.sheet}」を読み取れませんでした（${p.detail}）。`, (p) => `Could not read sheet "${p.sheet}" (${p.detail}).`),
  'recognise.empty': msg((p: { sheet: string }) => `シート「${p.sheet}」は空です。`, (p) => `Sheet "${p.sheet}" is empty.`),

  'definitions.no-header': msg(
    () => '見出し「KPI名」の行が見つかりません。definitions コマンドで作り直すか、見出し行を戻してください。',
    () => 'No header row with "KPI名" found. Recreate the sheet with the definitions command or restore the header row.',
  ),
  'definitions.unreadable-word': msg(
    (p: { value: string; allowed: string }) => `「${p.value}」は読めません。${p.allowed} のいずれかを書いてください。この行は表から推定します。`,
    (p) => `"${p.value}" cannot be read; write one of ${p.allowed}. Inferred from the table instead.`,
  ),
  'definitions.not-a-number': msg(
    (p: { what: string; value: string }) => `${p.what}「${p.value}」は数として読めません。数だけを書いてください。`,
    (p) => `${p.what} "${p.value}" is not a number; write the number only.`,
  ),
  'definitions.grading-unreadable': msg(
    (p: { how: string; rate: string; path: string }) => `評価の方法「${p.how}」は読めません。「${p.rate}」か「${p.path}」を書いてください。既定（達成率）を使います。`,
    (p) => `Grading method "${p.how}" cannot be read; write "${p.rate}" or "${p.path}". Using the default (achievement rate).`,
  ),
  'definitions.band-unreadable': msg(
    (p: { grade: string }) => `評価${p.grade}の下限が読めません。「80%」のように書いてください。既定値を使います。`,
    (p) => `The lower bound of grade ${p.grade} cannot be read; write it like "80%". Using the default.`,
  ),
  'definitions.bands-order': msg(
    () => '評価区分の下限は A ≥ B ≥ C の順にしてください。既定値 (100% / 80% / 50%) を使います。',
    () => 'Grade bounds must be A ≥ B ≥ C. Using the defaults (100% / 80% / 50%).',
  ),
  // The KPI定義 sheet's note and band heading (written in Japanese: see DEFINITION_WORDS).
  'definitions.sheet-note': msg(
    () => 'KPI定義: この表を直すと、達成率・評価・検証はこの定義に従います。方向=増加/減少、累計=累計/単年度、達成率の計算=実績÷目標/差分/なし/自動。',
    () => 'KPI定義: edit this table and rates, grades and checks follow it. Direction (方向) = 増加 / 減少, cumulative (累計) = 累計 / 単年度, rate method = 実績÷目標 / 差分 / none / 自動 (auto).',
  ),
  'definitions.bands.rate': msg(() => '達成率の下限', () => 'lower bound of the achievement rate'),
  'definitions.bands.path': msg(() => '見込み値に対する実績の下限', () => 'lower bound of the actual against the expected value'),
};
