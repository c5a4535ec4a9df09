/**
 * The task pane's own texts: title, tabs, overview, findings, actions, settings and the pane's
 * messages. The command names (`action.*`) and status words (`status.*`) are the product's
 * vocabulary, shared with the ribbon, the CLI and the report sheets.
 */
import { msg } from './entry';
import { countOf } from './vocabulary';

export const PANE_MESSAGES = {
  'pane.app-title': msg(() => 'KPI進捗アシスタント', () => 'KPI Progress Assistant'),
  'pane.loading': msg(() => 'ブックを読み込んでいます…', () => 'Reading the workbook…'),
  'pane.working': msg(() => '処理しています…', () => 'Working…'),
  'pane.reload': msg(() => '再読み込み', () => 'Reload'),
  'pane.dismiss': msg(() => '閉じる', () => 'Dismiss'),
  'pane.tab.overview': msg(() => '概要', () => 'Overview'),
  'pane.tab.findings': msg(() => '点検', () => 'Findings'),
  'pane.tab.actions': msg(() => '操作', () => 'Actions'),
  'pane.tab.settings': msg(() => '設定', () => 'Settings'),
  'pane.live-checking': msg(() => 'ライブ点検', () => 'Live checking'),
  'pane.live-unavailable': msg(
    () => 'このExcelでは変更イベントが使えないため、ライブ点検は利用できません。',
    () => 'Live checking is unavailable: this Excel has no change events.',
  ),
  'pane.render-error.title': msg(() => '作業ウィンドウを表示できませんでした', () => 'The task pane stopped'),
  'pane.render-error.hint': msg(
    () => 'このエラーでブックは変更されていません。「再試行」を押すか、作業ウィンドウを開き直してください。',
    () => 'The workbook was not changed by this. Press Retry, or close and reopen the pane.',
  ),
  'pane.retry': msg(() => '再試行', () => 'Retry'),

  // 概要 / Overview
  'pane.overview.sheets': msg(() => '認識したシート', () => 'Recognised sheets'),
  'pane.overview.sheet': msg(() => 'シート', () => 'Sheet'),
  'pane.overview.tables': msg(() => '表', () => 'Tables'),
  'pane.overview.kpis': msg(() => 'KPI', () => 'KPIs'),
  'pane.overview.years': msg(() => '年度', () => 'Years'),
  'pane.overview.unrecognised': msg(() => '認識できなかったシート', () => 'Sheets not recognised'),
  'pane.overview.structure': msg(() => '目標 → 施策 → KPI', () => 'Goal → measure → KPI'),
  'pane.overview.by-status': msg(() => '状況別KPI', () => 'KPIs by status'),
  'pane.overview.by-grade': msg(() => '評価別KPI', () => 'KPIs by grade'),
  'pane.overview.progress-by-goal': msg(
    () => '基本目標別のKPIの状況（達成・順調 / 全KPI）',
    () => 'KPIs by status per basic goal (achieved or on track / all)',
  ),
  'pane.overview.no-progress': msg(() => '進捗を計算できるKPIがありません。', () => 'No KPI has a progress figure yet.'),
  'pane.overview.no-sheet': msg(
    () => '進捗状況一覧表が見つかりません。「重要業績評価指標(KPI)」「実績値」「達成率」の見出しがあるシートを開いてから「再読み込み」を押してください。',
    () => 'No progress sheet found. Open a sheet with the headers 重要業績評価指標(KPI), 実績値 and 達成率, then press Reload.',
  ),
  // A KPI's status in its latest year with an actual (src/core/status.ts), and the missing grade.
  'status.achieved': msg(() => '達成', () => 'Achieved'),
  'status.on-track': msg(() => '順調', () => 'On track'),
  'status.behind': msg(() => '遅れ', () => 'Behind'),
  'status.no-data': msg(() => 'データなし', () => 'No data'),
  'status.qualitative': msg(() => '定性目標', () => 'Qualitative'),
  'grade.none': msg(() => 'なし', () => 'None'),

  // 点検 / Findings
  'pane.findings.count': msg((p: { n: number }) => `${p.n} 件の指摘`, (p) => countOf(p.n, 'finding')),
  'pane.findings.none': msg(() => '指摘はありません。', () => 'No findings.'),
  'pane.findings.filter': msg(() => 'セル・KPI名・メッセージで絞り込み', () => 'Filter by cell, KPI name or message'),
  'pane.findings.all-severities': msg(() => 'すべての重要度', () => 'All severities'),
  'pane.findings.show-all': msg((p: { n: number }) => `すべて表示（${p.n} 件）`, (p) => `Show all (${p.n})`),
  'pane.findings.go-to-cell': msg(() => 'セルへ移動', () => 'Go to cell'),
  'pane.findings.fix': msg(() => '修正', () => 'Fix'),

  // 操作 / Actions: the commands' names and what each does.
  'action.fill': msg(() => '達成率を記入', () => 'Fill rates'),
  'action.fill.help': msg(() => '実績値から達成率を計算し、空の達成率セルに記入します。', () => 'Computes achievement rates from the actuals and fills the empty rate cells.'),
  'action.fix': msg(() => '誤った達成率を訂正', () => 'Correct wrong rates'),
  'action.fix.help': msg(
    () => '空の達成率セルに記入し、点検で誤り（達成率の不一致）と判定された達成率も計算値に書き換えます。',
    () => 'Fills empty rate cells and also rewrites printed rates that the check found wrong (rate mismatch).',
  ),
  'action.flag': msg(() => '遅れているKPIの達成率に色とメモ', () => 'Colour the rates of KPIs behind'),
  'action.flag.help': msg(
    () => '見込み値より遅れているKPIの最新の達成率セルに評価別の色を付け、評価の根拠をメモに残します。',
    () => 'Colours the latest rate cell of each KPI behind its path by grade and leaves the figures behind the grade as a note.',
  ),
  'action.unflag': msg(() => '色とメモを消去', () => 'Remove flags'),
  'action.unflag.help': msg(() => 'このアドインが付けた色とメモを取り除きます。', () => 'Removes the colours and notes this add-in added.'),
  'action.link': msg(() => 'シートNo.にリンク', () => 'Link sheet numbers'),
  'action.link.help': msg(() => 'シートNo.から進行管理シートへのハイパーリンクを付けます。', () => 'Links each sheet number to its management sheet.'),
  'action.add-year': msg(() => '年度列を追加', () => 'Add year column'),
  'action.add-year.help': msg(() => '最後の年度の右に次の年度の列を追加します。', () => 'Adds the next fiscal year column right of the last year.'),
  'action.definitions': msg(() => 'KPI定義シート', () => 'KPI definitions sheet'),
  'action.definitions.help': msg(() => '各KPIの計算方法を記録する「KPI定義」シートを作ります。', () => 'Creates a KPI定義 sheet recording how each KPI is computed.'),
  'action.report': msg(() => '点検レポート', () => 'Check report'),
  'action.report.help': msg(() => '指摘と評価の一覧を新しいシートに書き出します。', () => 'Writes the findings and grades to a new sheet.'),
  'action.preview': msg(() => 'プレビュー', () => 'Preview'),
  'action.apply': msg(() => '適用', () => 'Apply'),
  'action.cancel': msg(() => 'キャンセル', () => 'Cancel'),
  'action.undo': msg(() => '直前の操作を元に戻す', () => 'Undo last action'),
  'pane.plan.cells': msg((p: { n: number }) => `変更するセル: ${p.n}`, (p) => `Cells to change: ${p.n}`),
  'pane.plan.more-cells': msg((p: { n: number }) => `ほか ${p.n} セル`, (p) => countOf(p.n, 'more cell')),
  'pane.plan.nothing': msg(() => '変更はありません。', () => 'Nothing to change.'),
  'pane.applied': msg((p: { n: number }) => `${p.n} セルを変更しました。`, (p) => `Changed ${countOf(p.n, 'cell')}.`),
  'pane.applied-with-skips': msg(
    (p: { n: number; m: number; reasons: string }) => `${p.n} セルを変更し、${p.m} セルは変更しませんでした（${p.reasons}）。`,
    (p) => `Changed ${countOf(p.n, 'cell')}; left ${p.m} unchanged (${p.reasons}).`,
  ),
  'pane.undone': msg((p: { n: number }) => `直前の操作を元に戻しました（${p.n} 件）。`, (p) => `Undid the last action (${countOf(p.n, 'change')}).`),
  'pane.nothing-to-undo': msg(() => '元に戻せる操作はありません。', () => 'There is no action to undo.'),

  // 設定 / Settings
  'settings.grade-bands': msg(() => '評価の区分（下限 %）', () => 'Grade bands (lower bound, %)'),
  'settings.grading': msg(() => '評価の方法', () => 'Grading method'),
  'settings.grading.auto': msg(() => 'ブックに従う（表の凡例・KPI定義。なければ達成率）', () => 'As the workbook says (printed legend, KPI定義; else achievement rate)'),
  'settings.rate-method': msg(() => '達成率の計算方法', () => 'Rate method'),
  'settings.rate-method.auto': msg(() => '自動（通常は 実績値 ÷ 目標値、減少が目標のKPIは進捗率）', () => 'Automatic (actual ÷ target; progress for decrease targets)'),
  'settings.rate-method.ratio': msg(() => '実績値 ÷ 目標値', () => 'Actual ÷ target'),
  'settings.rate-method.gap': msg(() => '進捗率（実績−基準）÷（目標−基準）', () => 'Progress (actual − baseline) ÷ (target − baseline)'),
  'settings.management-workbook': msg(() => '進行管理シートの場所', () => 'Management sheets location'),
  'settings.management-workbook.hint': msg(
    () => '同じブック内なら空欄。別ブックならファイル名（例: 進行管理シート.xlsx）',
    () => 'Blank for this workbook, or a file name (e.g. 進行管理シート.xlsx)',
  ),
  'settings.language': msg(() => '表示言語', () => 'Language'),
  'settings.save': msg(() => '保存', () => 'Save'),
  'settings.saved': msg(() => '設定をブックに保存しました。', () => 'Settings saved in the workbook.'),

  // The pane's errors and warnings; {detail} is a translated catalogue error.
  'pane.truncated': msg(
    (p: { sheet: string; rows: number; cols: number; reason: string }) =>
      `シート「${p.sheet}」は ${p.rows} 行 × ${p.cols} 列までしか読み取っていません（${p.reason}）。不要な書式や空白行を削除すると全体を点検できます。`,
    (p) => `Only ${p.rows} rows × ${p.cols} columns of sheet "${p.sheet}" were read (${p.reason}). Delete unused formatting or empty rows to check all of it.`,
  ),
  'pane.error-read': msg(
    (p: { detail: string }) => `ブックを読み取れませんでした: ${p.detail} もう一度「再読み込み」を押してください。`,
    (p) => `Could not read the workbook: ${p.detail} Press Reload to try again.`,
  ),
  'pane.error-apply': msg(
    (p: { detail: string }) => `変更を適用できませんでした: ${p.detail} 該当セルを確認して、もう一度お試しください。`,
    (p) => `Could not apply the changes: ${p.detail} Check the cells listed and try again.`,
  ),
  // The browser preview's toolbar (src/preview).
  'preview.title': msg(() => 'KPI進捗アシスタント — プレビュー', () => 'KPI Progress Assistant — preview'),
  'preview.sample': msg(() => 'サンプル: ', () => 'Sample: '),
  'preview.sample.published': msg(() => '公表どおり（R2）', () => 'as published (R2)'),
  'preview.sample.blank': msg(() => 'R2 の達成率が空欄', () => 'R2 rates blank'),
  'preview.open': msg(() => '.xlsx を開く: ', () => 'Open .xlsx: '),
  'preview.download': msg(() => 'ダウンロード', () => 'Download'),
  'pane.error-settings': msg((p: { detail: string }) => `設定を保存できませんでした: ${p.detail}`, (p) => `Could not save the settings: ${p.detail}`),
};
