/** What the planners say: plan summaries and notices (src/core/plans). */
import { msg } from './entry';
import { countOf } from './vocabulary';

export const PLAN_MESSAGES = {
  'plan.definitions.exists.summary': msg(
    (p: { sheet: string }) => `「${p.sheet}」シートは既にあります`,
    (p) => `sheet "${p.sheet}" exists`,
  ),
  'plan.definitions.exists.notice': msg(
    (p: { sheet: string }) => `「${p.sheet}」シートは既にあるため変更しません。作り直すにはシートを削除してから実行してください。`,
    (p) => `Sheet "${p.sheet}" already exists and was left alone; delete it first to generate it again.`,
  ),
  'plan.definitions.summary': msg(
    (p: { sheet: string; kpis: number }) => `「${p.sheet}」シートを追加（KPI ${p.kpis} 件）`,
    (p) => `add sheet "${p.sheet}" (${countOf(p.kpis, 'KPI')})`,
  ),
  'plan.link.tooltip': msg(
    (p: { sheetNo: string | null }) => `進行管理シート ${p.sheetNo}`,
    (p) => `management sheet ${p.sheetNo}`,
  ),
  'plan.link.no-management.cli': msg(
    () => '進行管理シートが見つかりません。同じブックに「01」「No.01」などの名前のシートを置くか、--management <ファイル.xlsx> で指定してください。',
    () => 'No management sheets found: add sheets named "01", "No.01" … to the workbook or give --management <file.xlsx>.',
  ),
  'plan.link.no-management.pane': msg(
    () => '進行管理シートが見つかりません。同じブックに「01」「No.01」などの名前のシートを置くか、「設定」タブの「進行管理シートの場所」で別のブックを指定してください。',
    () => 'No management sheets found: add sheets named "01", "No.01" … to the workbook, or name another workbook under "Management sheets location" on the Settings tab.',
  ),
  'plan.link.missing': msg(
    (p: { count: number; list: string }) => `進行管理シートが無いシートNo. ${p.count} 個: ${p.list}`,
    (p) => `${p.count} sheet numbers without a management sheet: ${p.list}`,
  ),
  'plan.link.unused': msg(
    (p: { sheets: string }) => `どのKPIからも参照されない進行管理シート: ${p.sheets}`,
    (p) => `Management sheets no KPI points to: ${p.sheets}`,
  ),
  'plan.link.already': msg(
    (p: { n: number }) => `リンク済み ${p.n} セルはそのままです。`,
    (p) => `${countOf(p.n, 'cell')} already linked kept.`,
  ),
  'plan.link.summary': msg(
    (p: { n: number }) => `シートNo. ${p.n} セルに進行管理シートへのリンクを設定`,
    (p) => `link ${countOf(p.n, 'sheet-number cell')} to their management sheets`,
  ),
  'plan.flag.no-grade': msg(
    (p: { n: number }) => `評価なし ${p.n}`,
    (p) => `no grade ${p.n}`,
  ),
  'plan.flag.summary': msg(
    (p: { n: number; parts: string }) => `遅れているKPI ${p.n} 件の達成率セルに色と説明を付与（${p.parts}）`,
    (p) => `colour the rates of ${countOf(p.n, 'KPI')} behind, with a note (${p.parts})`,
  ),
  'plan.flag.unflag.summary': msg(
    (p: { n: number }) => `色付け ${p.n} セルを元に戻す`,
    (p) => `unflag ${countOf(p.n, 'cell')}`,
  ),
  'plan.flag.unflag.changed': msg(
    (p: { n: number }) => `${p.n} 件は色やメモが変更済みのため戻しません。`,
    (p) => `${p.n} marks were changed since and are left alone.`,
  ),
  'plan.report.file': msg(
    (p: { file: string }) => `ファイル: ${p.file}`,
    (p) => `File: ${p.file}`,
  ),
  'plan.report.made': msg(
    (p: { at: string }) => `作成日時: ${p.at}`,
    (p) => `Made: ${p.at}`,
  ),
  'plan.report.title': msg(
    () => `点検結果`,
    () => `Review`,
  ),
  'plan.report.summary': msg(
    (p: { sheet: string; n: number }) => `「${p.sheet}」シートに所見 ${p.n} 件を書き出し`,
    (p) => `write ${p.n} finding${p.n === 1 ? '' : 's'} to sheet "${p.sheet}"`,
  ),
  'plan.report.markdown.sheet': msg(
    (p: { sheet: string; tables: number; kpis: number }) => `- シート「${p.sheet}」: KPI表 ${p.tables} 個、KPI ${p.kpis} 件`,
    (p) => `- sheet "${p.sheet}": ${p.tables} KPI table${p.tables === 1 ? '' : 's'}, ${p.kpis} KPI${p.kpis === 1 ? '' : 's'}`,
  ),
  'plan.report.counts': msg(
    (p: { n: number; parts: string[] }) => `所見 ${p.n} 件（${p.parts.join('、')}）`,
    (p) => `${p.n} finding${p.n === 1 ? '' : 's'} (${p.parts.join(', ')})`,
  ),
  // The report's second line: file name and time, as far as known.
  'plan.report.meta': msg((p: { parts: string[] }) => p.parts.join('　'), (p) => p.parts.join('   ')),
  // The columns of every report form (sheet, Markdown, JSON keys in this order).
  'plan.report.column.severity': msg(() => '重要度', () => 'Severity'),
  'plan.report.column.rule': msg(() => '規則', () => 'Rule'),
  'plan.report.column.sheet': msg(() => 'シート', () => 'Sheet'),
  'plan.report.column.cell': msg(() => 'セル', () => 'Cell'),
  'plan.report.column.year': msg(() => '年度', () => 'Year'),
  'plan.report.column.finding': msg(() => '内容', () => 'Finding'),
  'plan.report.markdown.none': msg(
    () => `所見はありません。`,
    () => `No findings.`,
  ),
  'plan.fill.kept-fix': msg(
    (p: { n: number }) => `誤りの見つからない記入済みの達成率 ${p.n} セルはそのままにしました。`,
    (p) => `${p.n} filled rate cells without an error were kept.`,
  ),
  'plan.fill.kept.cli': msg(
    (p: { n: number }) => `記入済みの達成率 ${p.n} セルはそのままにしました（誤りの訂正は --fix）。`,
    (p) => `${p.n} rate cells already filled were kept (to correct wrong ones: --fix).`,
  ),
  'plan.fill.kept.pane': msg(
    (p: { n: number }) => `記入済みの達成率 ${p.n} セルはそのままにしました（誤りの訂正は「誤った達成率を訂正」）。`,
    (p) => `${p.n} rate cells already filled were kept (to correct wrong ones: "Correct wrong rates").`,
  ),
  'plan.fill.none': msg(
    (p: { n: number }) => `計算できない達成率 ${p.n} 件（定性目標・単位違いなど）は書きません。`,
    (p) => `${p.n} rates cannot be computed (qualitative target, other unit …) and are not written.`,
  ),
  'plan.fill.summary': msg(
    (p: { n: number; empty: number; refreshed: number; fixed: number }) => `達成率 ${p.n} セルを記入（空欄 ${p.empty}、再計算 ${p.refreshed}、訂正 ${p.fixed}）`,
    (p) => `fill ${p.n} rate cells (${p.empty} empty, ${p.refreshed} refreshed, ${p.fixed} corrected)`,
  ),
  'plan.add-year.not-next': msg(
    (p: { sheet: string; table: number; row: number; newest: string; next: string | number }) => `${p.sheet} 表${p.table}（${p.row}行）の最新年度は ${p.newest} です。${p.next}年度は次の年度ではないため追加しません。`,
    (p) => `${p.sheet} table ${p.table} (row ${p.row}) ends at ${p.newest}; ${p.next} is not the next year, nothing added.`,
  ),
  'plan.add-year.exists': msg(
    (p: { sheet: string; table: number; row: number; next: string | number }) => `${p.sheet} 表${p.table}（${p.row}行）には ${p.next}年度の列が既にあります。変更しません。`,
    (p) => `${p.sheet} table ${p.table} (row ${p.row}) already has a ${p.next} column; nothing changed.`,
  ),
  'plan.add-year.latest-only': msg(
    (p: { sheet: string; table: number; row: number }) => `${p.sheet} 表${p.table}（${p.row}行）は最新年度だけを載せる形式のため、年度列は追加しません。`,
    (p) => `${p.sheet} table ${p.table} (row ${p.row}) shows the latest year only; no year column is added.`,
  ),
  'plan.add-year.split': msg(
    (p: { sheet: string; column: string; tables: string; count: number }) => `${p.sheet}: ${p.column}列に年度を挿入すると列の配置が違う表 ${p.tables}が崩れるため、${p.count} 個の表に追加しませんでした。表の列をそろえてから実行してください。`,
    (p) => `${p.sheet}: inserting a year at column ${p.column} would split table(s) ${p.tables} laid out differently, so ${p.count} tables got no new column; align the tables' columns first.`,
  ),
  'plan.add-year.newest-empty': msg(
    (p: { newest: string; next: string }) => `${p.newest}の実績がまだ入っていないため、${p.next}の列は追加しませんでした。`,
    (p) => `${p.newest} has no actuals yet, so no ${p.next} column was added.`,
  ),
  'plan.add-year.ask': msg(
    (p: { names: string[] }) => `最新の年度（${p.names.join('、')}）に実績がまだありません。それでも次の年度の列を追加しますか。`,
    (p) => `The newest year (${p.names.join(', ')}) has no actuals yet. Add the next year column anyway?`,
  ),
  'plan.add-year.anyway': msg(
    () => `空の年度のまま追加する`,
    () => `Add it anyway`,
  ),
  'plan.add-year.ask-cli': msg(
    (p: { names: string[] }) => `最新の年度列（${p.names.join('、')}）に実績がまだありません。空の年度をもう一つ追加するには --year（例 --year R8）か --force を指定してください。`,
    (p) => `the newest year column (${p.names.join(', ')}) has no actuals yet; another empty year is added only with --year (e.g. --year R8) or --force.`,
  ),
  // A table named in plan.add-year.split: "2（5行）".
  'plan.add-year.table': msg((p: { index: number; row: number }) => `${p.index}（${p.row}行）`, (p) => `${p.index} (row ${p.row})`),
  'plan.add-year.no-year-table': msg(
    () => `年度列のある表がありません。`,
    () => `No table with year columns.`,
  ),
  'plan.add-year.summary': msg(
    (p: { n: number }) => `${p.n} 個の表に年度列を追加`,
    (p) => `add a year column to ${p.n} tables`,
  ),
  'plan.text-cut': msg(
    (p: { n: number; list: string }) => `セルに入る文字数（32,767 文字）を超える ${p.n} 件の文字列を切り詰めました: ${p.list}`,
    (p) => `${p.n} texts longer than a cell holds (32,767 characters) were cut: ${p.list}`,
  ),
};
