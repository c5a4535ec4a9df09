/** Task pane texts of the comparison with last year's edition (issue #15). */
import { msg } from './entry';

export const COMPARE_MESSAGES = {
  'compare.open': msg(() => '前年度版と比較', () => "Compare with last year's edition"),
  'compare.hint': msg(
    () => '前年度に公表した版のファイル(.xlsx)を選ぶと、基準値・目標値・過去の実績値などの変更を一覧にします。ファイルはこのPCの外へ送られません。',
    () => "Pick last year's published file (.xlsx) to list changed baselines, targets, past actuals and KPIs. The file never leaves this PC.",
  ),
  'compare.reading': msg((p: { file: string }) => `${p.file} を読み込んでいます…`, (p) => `Reading ${p.file}…`),
  'compare.count': msg(
    (p: { file: string; n: number; errors: number }) => `前年度版 ${p.file} との違い ${p.n} 件（エラー ${p.errors} 件）`,
    (p) => `${p.n} changes against ${p.file} (${p.errors} errors)`,
  ),
  'compare.none': msg((p: { file: string }) => `前年度版 ${p.file} からの変更はありません。`, (p) => `No changes against ${p.file}.`),
  'compare.no-table': msg(
    (p: { file: string }) => `${p.file} に進捗状況一覧表（KPI表）が見つかりません。前年度版のファイルを選んでください。`,
    (p) => `No progress table (KPI table) in ${p.file}. Pick last year's edition.`,
  ),
  'compare.previous': msg(() => '前年度版', () => 'last year'),
  'compare.current': msg(() => '今年度版', () => 'this year'),
  'compare.close': msg(() => '比較を閉じる', () => 'Close the comparison'),
};
