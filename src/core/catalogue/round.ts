/** Task pane texts of the yearly round (issue #17): distributing copies, taking answers back in. */
import { msg } from './entry';
import { REQUEST_SHEET_NAME } from './words';

export const ROUND_MESSAGES = {
  'round.title': msg(() => '担当課への照会', () => 'Yearly round with the departments'),
  'round.distribute': msg(() => '担当課ごとに配布', () => 'One copy per department'),
  'round.distribute-hint': msg(
    () => '担当課ごとに、その課のセルだけ入力できる保護付きのコピーをダウンロードします。ファイルはこのPCの外へ送られません。',
    () => "Downloads one protected copy per department with only that department's cells open. Nothing leaves this PC.",
  ),
  'round.no-file': msg(
    () => 'このExcelではブックをファイルとして読めないため、配布用のコピーを作れません。ブックを保存し、ブラウザー版のプレビューで開いて配布してください。',
    () => 'This Excel cannot hand the workbook over as a file, so copies cannot be made here. Save the workbook and distribute it from the browser preview.',
  ),
  'round.no-departments': msg(() => '年度の列または担当課がありません。担当課の列に課名を書いてから配布してください。', () => 'No year columns or no departments: fill in the 担当課 column first.'),
  'round.distributed': msg(
    (p: { n: number; year: string }) => `${p.year}の実績値の記入用コピーを ${p.n} 課分ダウンロードしました。`,
    (p) => `Downloaded copies for ${p.n} departments to collect ${p.year} actuals.`,
  ),
  'round.copy': msg((p: { file: string; kpis: number; cells: number }) => `${p.file}: KPI ${p.kpis} 件、入力できるセル ${p.cells} 個`, (p) => `${p.file}: ${p.kpis} KPIs, ${p.cells} open cells`),
  'round.import': msg(() => '回答を取り込む', () => 'Take the answers in'),
  'round.import-hint': msg(
    () => '担当課から戻った回答ファイル(.xlsx)を選ぶと、KPIごとに取り込む値と競合・未回答を表示します。ファイルはこのPCの外へ送られません。',
    () => 'Pick the answer files (.xlsx) the departments sent back: the values to write, the conflicts and the missing answers are shown by KPI. Nothing leaves this PC.',
  ),
  'round.reading': msg((p: { n: number }) => `回答 ${p.n} 件を読み込んでいます…`, (p) => `Reading ${p.n} answers…`),
  'round.department': msg((p: { department: string; file: string; n: number }) => `${p.department}（${p.file}）: ${p.n} セル`, (p) => `${p.department} (${p.file}): ${p.n} cells`),
  'round.conflicts': msg((p: { n: number }) => `競合 ${p.n} 件（書き込みません）`, (p) => `${p.n} conflicts (not written)`),
  'round.missing': msg((p: { n: number; year: string }) => `未回答 ${p.n} 課（${p.year}が空のKPI）`, (p) => `${p.n} departments have not answered (KPIs still empty for ${p.year})`),
  'round.conflict-source': msg((p: { department: string; file: string }) => `${p.department}（${p.file}）`, (p) => `${p.department} (${p.file})`),
  'round.none-empty': msg(() => '（空のKPIなし）', () => '(none empty)'),
  'round.master': msg(() => 'マスター', () => 'master'),
  'round.answer': msg(() => '回答', () => 'answer'),
  'round.empty': msg(() => '(空)', () => '(empty)'),
  'round.reason.other-department': msg(() => '他の課のKPI', () => "another department's KPI"),
  'round.reason.not-asked': msg(() => '今回の記入欄ではないセル', () => 'a cell the round did not ask for'),
  'round.reason.answers-disagree': msg(() => '回答どうしが食い違い', () => 'answers disagree'),
  'round.reason.kpi-added': msg(() => 'マスターにないKPI', () => 'a KPI not in the master'),
  'round.reason.kpi-removed': msg(() => '回答から消えたKPI', () => 'a KPI missing from the answer'),
  'round.reason.unknown-department': msg(() => 'どの課の回答か分からない', () => 'whose answer it is is unknown'),
  'round.no-table': msg((p: { file: string }) => `${p.file} に進捗状況一覧表（KPI表）が見つかりません。`, (p) => `No progress table (KPI table) in ${p.file}.`),
};


/**
 * The 「記入のお願い」 sheet of a department's copy (src/core/compare/round.ts) and the merge plan's
 * summary (src/core/compare/merge.ts). {fy} is a fiscal year as "R6（2024年度）" / "FY2024 (R6)".
 */
export const ROUND_COPY_MESSAGES = {
  'round.copy.fy': msg((p: { year: number; era: string }) => `${p.era}（${p.year}年度）`, (p) => `FY${p.year} (${p.era})`),
  'round.copy.title': msg((p: { department: string }) => `${REQUEST_SHEET_NAME}（${p.department}）`, (p) => `Please fill in (${p.department})`),
  'round.copy.department': msg(() => '担当課', () => 'Department'),
  'round.copy.year': msg(() => '記入する年度', () => 'Fiscal year'),
  'round.copy.years': msg((p: { fy: string; next: string | null }) => (p.next === null ? p.fy : `${p.fy} と ${p.next}`), (p) => (p.next === null ? p.fy : `${p.fy} and ${p.next}`)),
  'round.copy.due': msg(() => '提出期限', () => 'Due'),
  'round.copy.due-unknown': msg(() => '（企画担当にご確認ください）', () => '(ask the planning division)'),
  'round.copy.contact': msg(() => '問い合わせ先', () => 'Contact'),
  'round.copy.contact-unknown': msg(() => '（企画担当）', () => '(the planning division)'),
  'round.copy.id': msg(() => '回答の識別', () => 'Round'),
  'round.copy.how': msg(
    (p: { era: string }) =>
      `黄色の行が貴課のKPIです。その行の実績値（${p.era}）と備考だけが入力できます。ほかの欄・ほかの課のKPIは変更せず、このファイルのまま返送してください（ファイル名は変えても構いません）。`,
    (p) => `The yellow rows are your department's KPIs. Only their ${p.era} actual and 備考 can be typed in. Do not change other cells or other departments' KPIs, and send this file back (renaming it is fine).`,
  ),
  'round.copy.sheet': msg(() => 'シート', () => 'Sheet'),
  'round.copy.cell': msg(() => 'セル', () => 'Cell'),
  'round.copy.what': msg(() => '記入する欄', () => 'To fill'),
  'round.copy.actual': msg((p: { era: string }) => `実績値 ${p.era}`, (p) => `actual ${p.era}`),
  'round.copy.remark': msg(() => '備考', () => '備考 (remarks)'),
  'round.merge.summary': msg(
    (p: { n: number; files: number; conflicts: number }) => `回答 ${p.files} 件から ${p.n} セルを取り込み（競合 ${p.conflicts} 件は書き込まない）`,
    (p) => `merge ${p.n} cells from ${p.files} answers (${p.conflicts} conflicts not written)`,
  ),
};
