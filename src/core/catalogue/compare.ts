/** Task pane texts of the comparison with last year's edition (issue #15). */
import { msg } from './entry';
import { severityCount } from './vocabulary';

export const COMPARE_MESSAGES = {
  'compare.open': msg(() => '前年度版と比較', () => "Compare with last year's edition"),
  'compare.hint': msg(
    () => '前年度に公表した版のファイル(.xlsx)を選ぶと、基準値・目標値・過去の実績値などの変更を一覧にします。ファイルはこのPCの外へ送られません。',
    () => "Pick last year's published file (.xlsx) to list changed baselines, targets, past actuals and KPIs. The file never leaves this PC.",
  ),
  'compare.reading': msg((p: { file: string }) => `${p.file} を読み込んでいます…`, (p) => `Reading ${p.file}…`),
  'compare.count': msg(
    (p: { file: string; n: number; errors: number }) => `前年度版 ${p.file} との違い ${p.n} 件（${severityCount('error', p.errors, 'ja')}）`,
    (p) => `${p.n} changes against ${p.file} (${severityCount('error', p.errors, 'en')})`,
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

/** A matched KPI's reasons, as the rename message names them (src/core/compare/match.ts). */
const MATCH_REASONS: Record<string, [ja: string, en: string]> = {
  name: ['名前', 'name'],
  path: ['見出し', 'heading'],
  position: ['位置', 'position'],
  order: ['順序', 'order'],
  baseline: ['基準値', 'baseline'],
  target: ['目標値', 'target'],
  actuals: ['実績値', 'actuals'],
  department: ['担当課', 'department'],
  'similar-name': ['似た名前', 'similar name'],
};
const reasons = (list: string[], i: 0 | 1, sep: string) => list.map((r) => MATCH_REASONS[r]?.[i] ?? r).join(sep);

/**
 * What changed against last year's edition (src/core/compare/compare.ts): what changed, why a reader
 * cares, what to do. Parameters arrive formatted ("R1", "31件").
 */
export const EDITION_MESSAGES = {
  'edition.baseline-changed': msg(
    (p: { prev: string; cur: string }) => `基準値が前年度版の「${p.prev}」から「${p.cur}」に変わっています。基準値は策定時に決まるもので、変わると達成率の意味も変わります。理由を備考に書くか、前年度版の値に戻してください。`,
    (p) => `The baseline changed from "${p.prev}" in last year's edition to "${p.cur}". A baseline is fixed when the plan is made; changing it changes what the rates mean. Explain it in 備考 or restore last year's value.`,
  ),
  'edition.target-changed': msg(
    (p: { prev: string; cur: string; value: boolean; year: boolean }) =>
      `目標値（${[p.value ? '値' : null, p.year ? '年度' : null].filter(Boolean).join('・')}）が前年度版の「${p.prev}」から「${p.cur}」に変わっています。目標の変更は公表の際に説明が要ります。計画の改訂によるものなら備考に書いてください。`,
    (p) =>
      `The target (${[p.value ? 'value' : null, p.year ? 'year' : null].filter(Boolean).join(' and ')}) changed from "${p.prev}" in last year's edition to "${p.cur}". A changed target needs an explanation when published: if the plan was revised, say so in 備考.`,
  ),
  'edition.actual-revised': msg(
    (p: { year: string; prev: string; cur: string }) => `${p.year} の実績値が前年度版の「${p.prev}」から「${p.cur}」に変わっていますが、備考に説明がありません。修正なら理由を備考に書き、誤りなら前年度版の値に戻してください。`,
    (p) => `The ${p.year} actual changed from "${p.prev}" in last year's edition to "${p.cur}", and 備考 says nothing about it. Explain the revision in 備考, or restore last year's value.`,
  ),
  'edition.actual-revised.explained': msg(
    (p: { year: string; prev: string; cur: string; remark: string }) => `${p.year} の実績値が前年度版の「${p.prev}」から「${p.cur}」に修正されています（備考: ${p.remark}）。`,
    (p) => `The ${p.year} actual was revised from "${p.prev}" in last year's edition to "${p.cur}" (備考: ${p.remark}).`,
  ),
  'edition.rate-revised': msg(
    (p: { year: string; prev: string; cur: string }) => `${p.year} の達成率が前年度版の「${p.prev}」から「${p.cur}」に変わっていますが、実績値・基準値・目標値は変わっていません。どちらが正しいか確かめて揃えてください。`,
    (p) => `The ${p.year} rate changed from "${p.prev}" in last year's edition to "${p.cur}", though the actual, baseline and target did not. Check which is right.`,
  ),
  'edition.kpi-removed': msg(
    (p: { prev: string; where: string }) => `前年度版のKPI「${p.prev}」（${p.where}）が今年度版にありません。廃止や統合なら、その旨を説明してください。`,
    (p) => `KPI "${p.prev}" of last year's edition (${p.where}) is not in this edition. If it was dropped or merged, say so.`,
  ),
  'edition.kpi-added': msg(
    (p: { cur: string }) => `KPI「${p.cur}」は前年度版にありません。新しいKPIなら、基準値・目標値とその根拠を確かめてください。`,
    (p) => `KPI "${p.cur}" is not in last year's edition. If it is new, check its baseline, target and their basis.`,
  ),
  'edition.kpi-renamed': msg(
    (p: { prev: string; cur: string; reasons: string[] }) =>
      `KPI名が前年度版の「${p.prev}」から「${p.cur}」に変わっています（${reasons(p.reasons, 0, '・') || '位置'}が同じため同じKPIと判断）。名称の変更は説明が要ります。`,
    (p) => `The KPI was renamed from "${p.prev}" in last year's edition to "${p.cur}" (taken as the same KPI: same ${reasons(p.reasons, 1, ', ') || 'position'}). A renamed KPI needs an explanation.`,
  ),
  'edition.sheet-number-changed': msg(
    (p: { prev: string; cur: string }) => `シートNo.が前年度版の「${p.prev}」から「${p.cur}」に変わっています。進行管理シートの番号と合っているか確かめてください。`,
    (p) => `The シートNo. changed from "${p.prev}" in last year's edition to "${p.cur}". Check it still names the right management sheet.`,
  ),
  'edition.department-changed': msg(
    (p: { prev: string; cur: string }) => `担当課が前年度版の「${p.prev}」から「${p.cur}」に変わっています。組織の改編などによるものか確かめてください。`,
    (p) => `The department changed from "${p.prev}" in last year's edition to "${p.cur}". Check this is intended (a reorganisation, for example).`,
  ),
  'edition.unit-changed': msg(
    (p: { prev: string; cur: string }) => `単位が前年度版の「${p.prev}」から「${p.cur}」に変わっています。単位が変わると年度間で比べられません。数え方を変えたのか、書き誤りか確かめてください。`,
    (p) => `The unit changed from "${p.prev}" in last year's edition to "${p.cur}"; figures in different units cannot be compared across years. Check whether the count changed or the unit is a slip.`,
  ),
  // An empty figure in a change message.
  'edition.blank': msg(() => '(空)', () => '(blank)'),
  // A fiscal year no table column names: the era label in Japanese ("R6"), FY2024 in English.
  'year.fiscal': msg((p: { year: number; era: string }) => p.era, (p) => `FY${p.year}`),
};
