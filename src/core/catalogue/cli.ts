/**
 * What the `kpi-progress` CLI says (src/cli): help, usage errors, summaries and results of each
 * command. Files, folders and sheets are named as the user gave them.
 */
import { msg } from './entry';
import { countOf } from './vocabulary';

const s = (n: number) => (n === 1 ? '' : 's');

/** One line per command in the help (`kpi-progress --help`) and under `<command> --help`. */
export const CLI_SUMMARIES = {
  'cli.summary.check': msg(() => '進捗状況一覧表を認識し、検査結果を表示する', () => 'recognise the progress sheet and report what is wrong'),
  'cli.summary.fill': msg(() => '達成率を記入する（空欄と自分で書いたセル。--fix で誤りも訂正）', () => 'write achievement rates (empty cells and its own; --fix corrects wrong ones)'),
  'cli.summary.flag': msg(() => '遅れているKPIの達成率セルに色と説明メモを付ける', () => 'mark KPIs behind with a fill and an explaining note'),
  'cli.summary.unflag': msg(() => 'flag で付けた色とメモを元に戻す', () => 'remove the marks flag made, restoring the original formats'),
  'cli.summary.link': msg(() => 'シートNo. を進行管理シートへのリンクにする', () => 'link each sheet number to its management sheet'),
  'cli.summary.add-year': msg(() => '次の年度の列を各KPI表に追加する（R6 → R7）', () => 'add the next fiscal-year column to every KPI table (R6 → R7)'),
  'cli.summary.definitions': msg(() => '「KPI定義」シートを作る（編集して検査の基準にできる）', () => 'add the editable "KPI定義" (KPI definitions) sheet'),
  'cli.summary.report': msg(() => '所見の一覧を Markdown / JSON / 「点検結果」シートに書き出す', () => 'write the findings as Markdown, JSON or a "点検結果" sheet'),
  'cli.summary.undo': msg(() => '直前の書き込みを取り消す（ブック内の記録から。--all ですべて）', () => 'revert the last write (from the record in the workbook; --all for every one)'),
  'cli.summary.clean': msg(() => 'ブック内の取り消し記録を削除する', () => 'remove the undo record from the workbook'),
  'cli.summary.diff': msg(() => '前年度版と比べて、基準値・目標値・実績値などの変更を表示する', () => "compare with last year's edition: changed baselines, targets, actuals, KPIs"),
  'cli.summary.split': msg(() => '担当課ごとに記入用のコピーを作る（自課のセルだけ入力可、シート保護）', () => 'write one copy per department with only its cells of the round open'),
  'cli.summary.merge': msg(() => '担当課の回答をKPIごとにマスターへ取り込む（競合・未回答を表示、元に戻せる）', () => "take the departments' answers into the master by KPI (conflicts and missing answers listed; undoable)"),
};

export const CLI_MESSAGES = {
  ...CLI_SUMMARIES,
  // main: help and what stops a run
  'cli.help.title': msg(() => 'KPI進捗アシスタント — 進捗状況一覧表の検査と更新', () => 'KPI progress assistant — check and update the KPI progress table'),
  'cli.help.usage': msg(() => '使い方: kpi-progress <コマンド> [引数] [--lang ja|en]', () => 'usage: kpi-progress <command> [arguments] [--lang ja|en]'),
  'cli.help.commands': msg(() => 'コマンド:', () => 'commands:'),
  'cli.usage': msg((p: { usage: string }) => `使い方: ${p.usage}`, (p) => `usage: ${p.usage}`),
  // said in both languages: the language is what is wrong
  'cli.bad-lang': msg((_: { value: string }) => '--lang は ja か en です', (p) => `--lang must be ja or en (got "${p.value}")`),
  'cli.unknown-command': msg((p: { name: string }) => `不明なコマンドです: ${p.name}`, (p) => `unknown command: ${p.name}`),
  'cli.option.unknown': msg((p: { option: string }) => `不明なオプションです: ${p.option}`, (p) => `unknown option ${p.option}`),
  'cli.option.needs-value': msg((p: { option: string }) => `${p.option} の値を指定してください`, (p) => `${p.option} needs a value`),
  'cli.stopped': msg((p: { detail: string }) => `予期しないエラーで処理を中止しました: ${p.detail}`, (p) => `Stopped by an unexpected error: ${p.detail}`),

  // arguments
  'cli.input.missing': msg(() => '入力ファイル (.xlsx) を指定してください', () => 'give the input .xlsx file'),
  'cli.input.one': msg((p: { got: string }) => `入力ファイルは1つだけ指定してください（${p.got}）`, (p) => `give one input file (got: ${p.got})`),
  'cli.output.missing': msg(
    (p: { usage: string }) => `出力先 -o <出力.xlsx> を指定してください（確認だけなら --dry-run）。\n使い方: ${p.usage}`,
    (p) => `give the output -o <out.xlsx> (or --dry-run to preview).\nusage: ${p.usage}`,
  ),
  'cli.output.missing-undo': msg(
    (p: { usage: string }) => `出力先 -o <出力.xlsx> を指定してください。\n使い方: ${p.usage}`,
    (p) => `give the output -o <out.xlsx>.\nusage: ${p.usage}`,
  ),
  'cli.year.add-year': msg(
    (p: { value: string }) => `--year は R7 / 2025 / 令和7年度 のように指定してください（${p.value}）`,
    (p) => `--year takes a year such as R7, 2025 (got "${p.value}")`,
  ),
  'cli.year.round': msg(
    (p: { value: string }) => `--year は R3、2021、令和3年度 のように年度を書いてください（${p.value}）。`,
    (p) => `--year takes a fiscal year such as R3, 2021 or 令和3年度 (got ${p.value}).`,
  ),
  'cli.report.extension': msg(
    (p: { output: string }) => `-o は .md / .json / .xlsx / .xlsm のいずれかにしてください（${p.output}）。`,
    (p) => `-o must end in .md, .json, .xlsx or .xlsm (got ${p.output}).`,
  ),

  // reading
  'cli.no-table': msg(
    (p: { file: string }) => `${p.file} に進捗状況一覧表（KPI表）が見つかりません。`,
    (p) => `No progress table (KPI table) found in ${p.file}.`,
  ),
  'cli.no-sheet': msg((p: { file: string; sheet: string }) => `${p.file} にシート「${p.sheet}」がありません。`, (p) => `${p.file} has no sheet "${p.sheet}".`),
  'cli.not-checked': msg((p: { file: string; detail: string }) => `${p.file} を検査できませんでした（${p.detail}）。`, (p) => `Could not check ${p.file} (${p.detail}).`),
  'cli.empty-folder': msg((p: { folder: string }) => `フォルダー ${p.folder} に .xlsx ファイルがありません。`, (p) => `Folder ${p.folder} holds no .xlsx file.`),

  // writing
  'cli.dry-run': msg(() => '（--dry-run: ファイルは変更していません）', () => '(--dry-run: no file written)'),
  'cli.nothing-to-change': msg(() => '変更はありません。出力ファイルは作りませんでした。', () => 'Nothing to change; no output written.'),
  'cli.saved': msg(
    (p: { cells: number; output: string }) => `${p.cells} セルを変更し ${p.output} に保存しました（元に戻す: npx kpi-progress undo ${p.output} -o <出力>）。`,
    (p) => `${p.cells} cell${s(p.cells)} changed, saved to ${p.output} (to revert: npx kpi-progress undo ${p.output} -o <out>).`,
  ),

  // check
  'cli.check.file': msg((p: { file: string }) => `ファイル: ${p.file}`, (p) => `File: ${p.file}`),
  'cli.check.truncated': msg(
    (p: { sheet: string; rows: number; cols: number; reason: string }) =>
      `注意: シート「${p.sheet}」は使用範囲が大きすぎるため先頭 ${p.rows} 行 × ${p.cols} 列だけを読みました（${p.reason}）。不要な書式や値を消してください。`,
    (p) => `Note: sheet "${p.sheet}" has a huge used range; only the first ${p.rows} rows × ${p.cols} columns were read (${p.reason}). Clear the stray formatting or values.`,
  ),
  'cli.check.sheet': msg(
    (p: { sheet: string; tables: number; kpis: number; years: string }) => `シート「${p.sheet}」: KPI表 ${p.tables} 個、KPI ${p.kpis} 件、年度 ${p.years}`,
    (p) => `Sheet "${p.sheet}": ${countOf(p.tables, 'KPI table')}, ${countOf(p.kpis, 'KPI')}, years ${p.years}`,
  ),
  'cli.check.table': msg(
    (p: { table: number; from: number; to: number; kpis: number; where: string }) => `  表${p.table} 行${p.from}–${p.to}: KPI ${p.kpis} 件  ${p.where}`,
    (p) => `  table ${p.table} rows ${p.from}–${p.to}: ${countOf(p.kpis, 'KPI')}  ${p.where}`,
  ),
  'cli.check.no-heading': msg(() => '(見出しなし)', () => '(no heading)'),
  'cli.check.breakdowns': msg(
    (p: { breakdowns: number; relisted: number }) => `  内訳 ${p.breakdowns} 件、再掲 ${p.relisted} 件`,
    (p) => `  ${countOf(p.breakdowns, 'breakdown row')}, ${countOf(p.relisted, 're-listed KPI')}`,
  ),
  'cli.check.unrecognised': msg(() => '表を認識できなかったシート:', () => 'Sheets without a recognised table:'),
  'cli.check.sheets': msg((p: { n: number; names: string }) => `${p.n} シート (${p.names})`, (p) => `${p.n} sheets (${p.names})`),
  'cli.check.no-rules': msg(() => '検査ルールはまだ実行されていません（達成率の再計算と所見は未対応）。', () => 'Rules not run yet (no recomputed rates or findings).'),
  'cli.check.findings': msg(
    (p: { n: number; counts: string[] }) => `所見 ${p.n} 件（${p.counts.join('、')}）:`,
    (p) => `${p.n} finding${s(p.n)} (${p.counts.join(', ')}):`,
  ),

  // check over many files: the closing table
  'cli.batch.ok': msg(() => '問題なし', () => 'ok'),
  'cli.batch.errors': msg(() => '誤りあり', () => 'errors'),
  'cli.batch.not-checked': msg(() => '検査不能', () => 'not checked'),
  'cli.batch.file': msg(() => 'ファイル', () => 'file'),
  'cli.batch.error-count': msg(() => '誤り', () => 'errors'),
  'cli.batch.warning-count': msg(() => '注意', () => 'warnings'),
  'cli.batch.result': msg(() => '結果', () => 'result'),
  'cli.batch.total': msg((p: { n: number }) => `合計 ${p.n} ファイル`, (p) => `total ${p.n} files`),

  // report
  'cli.report.written': msg((p: { n: number; output: string }) => `所見 ${p.n} 件を ${p.output} に書き出しました。`, (p) => `${p.n} findings written to ${p.output}.`),

  // undo, clean
  'cli.undo.nothing': msg(() => '取り消せる記録はありません。', () => 'Nothing to undo.'),
  'cli.undo.entry': msg((p: { command: string; at: string; summary: string }) => `取り消し: ${p.command}（${p.at}）${p.summary}`, (p) => `undo: ${p.command} (${p.at}) ${p.summary}`),
  'cli.undo.partly': msg(
    (p: { command: string }) => `一部のみ取り消しました: ${p.command}（後から変更されたセルは元に戻していません。記録に残しています）。`,
    (p) => `partly undone: ${p.command} (cells changed later were left as they are and stay in the record).`,
  ),
  'cli.undo.saved': msg((p: { n: number; output: string; left: number }) => `${p.n} 件を取り消し ${p.output} に保存しました（残り ${p.left} 件）。`, (p) => `${p.n} undone, saved to ${p.output} (${p.left} left).`),
  'cli.clean.nothing': msg(() => '取り消し記録はありません。', () => 'No undo record.'),
  'cli.clean.would': msg((p: { n: number }) => `取り消し記録 ${p.n} 件を削除します（--dry-run）。`, (p) => `would remove ${p.n} undo entries (--dry-run).`),
  'cli.clean.saved': msg((p: { n: number; output: string }) => `取り消し記録 ${p.n} 件を削除し ${p.output} に保存しました。`, (p) => `${p.n} undo entries removed, saved to ${p.output}.`),

  // diff
  'cli.diff.two-files': msg(
    (p: { usage: string }) => `前年度版と今年度版の2つのファイルを指定してください。\n使い方: ${p.usage}`,
    (p) => `give two files: last year's edition, then this year's.\nusage: ${p.usage}`,
  ),
  'cli.diff.previous-no-table': msg(
    (p: { file: string }) => `--previous の ${p.file} に進捗状況一覧表（KPI表）が見つかりません。前年度版のファイルを指定してください。`,
    (p) => `No progress table (KPI table) in ${p.file} given with --previous; give last year's edition.`,
  ),
  'cli.diff.previous': msg((p: { file: string; kpis: number }) => `前年度版: ${p.file}（KPI ${p.kpis} 件）`, (p) => `Previous edition: ${p.file} (${p.kpis} KPIs)`),
  'cli.diff.current': msg((p: { file: string; kpis: number }) => `今年度版: ${p.file}（KPI ${p.kpis} 件）`, (p) => `Current edition: ${p.file} (${p.kpis} KPIs)`),
  'cli.diff.matched': msg(
    (p: { same: number; renamed: number; removed: number; added: number }) => `対応付け: 同名 ${p.same} 件、名称変更 ${p.renamed} 件、削除 ${p.removed} 件、追加 ${p.added} 件`,
    (p) => `Matched: ${p.same} by name, ${p.renamed} renamed; ${p.removed} removed, ${p.added} added`,
  ),
  'cli.diff.none': msg(() => '変更はありません。', () => 'No changes.'),
  'cli.diff.count': msg(
    (p: { n: number; errors: string; kpis: number }) => `変更 ${p.n} 件（${p.errors}、KPI ${p.kpis} 件）:`,
    (p) => `${p.n} change${s(p.n)} (${p.errors}, ${p.kpis} KPI${s(p.kpis)}):`,
  ),
  'cli.diff.previous-kpi': msg((p: { kpi: string }) => `前年度版 ${p.kpi}`, (p) => `previous edition ${p.kpi}`),

  // split, merge
  'cli.split.arguments': msg(
    (p: { usage: string }) => `マスターの .xlsx と出力フォルダー -o を指定してください。\n使い方: ${p.usage}`,
    (p) => `give the master .xlsx and the output folder -o.\nusage: ${p.usage}`,
  ),
  'cli.split.due': msg((p: { value: string }) => `--due は 2026-06-30 のように書いてください（${p.value}）。`, (p) => `--due takes a date such as 2026-06-30 (got ${p.value}).`),
  'cli.split.no-departments': msg(
    (p: { file: string }) => `${p.file} に年度の列または担当課がありません。担当課の列に課名を書いてから分けてください。`,
    (p) => `${p.file} has no year columns or no departments; fill in the 担当課 column first.`,
  ),
  'cli.split.collecting': msg(
    (p: { era: string; year: number; n: number }) => `${p.era}（${p.year}年度）の実績値を ${p.n} 課に配布します:`,
    (p) => `Collecting FY${p.year} (${p.era}) actuals from ${p.n} departments:`,
  ),
  'cli.split.copy': msg(
    (p: { file: string; kpis: number; cells: number }) => `  ${p.file}: KPI ${p.kpis} 件、入力できるセル ${p.cells} 個`,
    (p) => `  ${p.file}: ${p.kpis} KPIs, ${p.cells} open cells`,
  ),
  'cli.merge.arguments': msg(
    (p: { usage: string }) => `マスター、回答ファイル、出力 -o を指定してください（確認だけなら --dry-run）。\n使い方: ${p.usage}`,
    (p) => `give the master, the answers and the output -o (or --dry-run).\nusage: ${p.usage}`,
  ),
  'cli.merge.conflicts': msg((p: { n: number }) => `競合 ${p.n} 件（書き込んでいません）:`, (p) => `${p.n} conflicts (not written):`),
  'cli.merge.missing': msg(
    (p: { n: number; era: string; year: number }) => `未回答 ${p.n} 課（${p.era} が空のKPI）:`,
    (p) => `${p.n} departments have not answered (KPIs still empty for FY${p.year}):`,
  ),
  'cli.merge.saved': msg(
    (p: { n: number; output: string }) => `${p.n} セルを取り込み ${p.output} に保存しました（元に戻す: kpi-progress undo ${p.output} -o <出力>）。`,
    (p) => `${p.n} cells merged, saved to ${p.output} (to revert: kpi-progress undo ${p.output} -o <out>).`,
  ),
  'cli.merge.checked': msg(
    (p: { n: number; errors: string; output: string }) => `取り込み後の検査: 所見 ${p.n} 件（${p.errors}）。一覧は kpi-progress check ${p.output}`,
    (p) => `Check after merging: ${p.n} findings (${p.errors}); list them with kpi-progress check ${p.output}`,
  ),
};
