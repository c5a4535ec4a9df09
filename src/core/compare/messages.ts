/**
 * Messages of the comparison of editions, Japanese first and English: what changed, why a reader
 * cares, what to do. Parameters arrive formatted ("R1", "31件").
 */
import type { Lang } from '../findings';

type P = Record<string, string>;
const TEXTS: Record<string, { ja: (p: P) => string; en: (p: P) => string }> = {
  'baseline-changed': {
    ja: (p) => `基準値が前年度版の「${p.prev}」から「${p.cur}」に変わっています。基準値は策定時に決まるもので、変わると達成率の意味も変わります。理由を備考に書くか、前年度版の値に戻してください。`,
    en: (p) => `The baseline changed from "${p.prev}" in last year's edition to "${p.cur}". A baseline is fixed when the plan is made; changing it changes what the rates mean. Explain it in 備考 or restore last year's value.`,
  },
  'target-changed': {
    ja: (p) => `目標値（${p.what}）が前年度版の「${p.prev}」から「${p.cur}」に変わっています。目標の変更は公表の際に説明が要ります。計画の改訂によるものなら備考に書いてください。`,
    en: (p) => `The target (${p.whatEn}) changed from "${p.prev}" in last year's edition to "${p.cur}". A changed target needs an explanation when published: if the plan was revised, say so in 備考.`,
  },
  'actual-revised': {
    ja: (p) => `${p.year} の実績値が前年度版の「${p.prev}」から「${p.cur}」に変わっていますが、備考に説明がありません。修正なら理由を備考に書き、誤りなら前年度版の値に戻してください。`,
    en: (p) => `The ${p.year} actual changed from "${p.prev}" in last year's edition to "${p.cur}", and 備考 says nothing about it. Explain the revision in 備考, or restore last year's value.`,
  },
  'actual-revised.explained': {
    ja: (p) => `${p.year} の実績値が前年度版の「${p.prev}」から「${p.cur}」に修正されています（備考: ${p.remark}）。`,
    en: (p) => `The ${p.year} actual was revised from "${p.prev}" in last year's edition to "${p.cur}" (備考: ${p.remark}).`,
  },
  'rate-revised': {
    ja: (p) => `${p.year} の達成率が前年度版の「${p.prev}」から「${p.cur}」に変わっていますが、実績値・基準値・目標値は変わっていません。どちらが正しいか確かめて揃えてください。`,
    en: (p) => `The ${p.year} rate changed from "${p.prev}" in last year's edition to "${p.cur}", though the actual, baseline and target did not. Check which is right.`,
  },
  'kpi-removed': {
    ja: (p) => `前年度版のKPI「${p.prev}」（${p.where}）が今年度版にありません。廃止や統合なら、その旨を説明してください。`,
    en: (p) => `KPI "${p.prev}" of last year's edition (${p.where}) is not in this edition. If it was dropped or merged, say so.`,
  },
  'kpi-added': {
    ja: (p) => `KPI「${p.cur}」は前年度版にありません。新しいKPIなら、基準値・目標値とその根拠を確かめてください。`,
    en: (p) => `KPI "${p.cur}" is not in last year's edition. If it is new, check its baseline, target and their basis.`,
  },
  'kpi-renamed': {
    ja: (p) => `KPI名が前年度版の「${p.prev}」から「${p.cur}」に変わっています（${p.why}が同じため同じKPIと判断）。名称の変更は説明が要ります。`,
    en: (p) => `The KPI was renamed from "${p.prev}" in last year's edition to "${p.cur}" (taken as the same KPI: same ${p.whyEn}). A renamed KPI needs an explanation.`,
  },
  'sheet-number-changed': {
    ja: (p) => `シートNo.が前年度版の「${p.prev}」から「${p.cur}」に変わっています。進行管理シートの番号と合っているか確かめてください。`,
    en: (p) => `The シートNo. changed from "${p.prev}" in last year's edition to "${p.cur}". Check it still names the right management sheet.`,
  },
  'department-changed': {
    ja: (p) => `担当課が前年度版の「${p.prev}」から「${p.cur}」に変わっています。組織の改編などによるものか確かめてください。`,
    en: (p) => `The department changed from "${p.prev}" in last year's edition to "${p.cur}". Check this is intended (a reorganisation, for example).`,
  },
  'unit-changed': {
    ja: (p) => `単位が前年度版の「${p.prev}」から「${p.cur}」に変わっています。単位が変わると年度間で比べられません。数え方を変えたのか、書き誤りか確かめてください。`,
    en: (p) => `The unit changed from "${p.prev}" in last year's edition to "${p.cur}"; figures in different units cannot be compared across years. Check whether the count changed or the unit is a slip.`,
  },
};

export function changeMessage(lang: Lang, key: string, params: P): string {
  const m = TEXTS[key];
  return m ? m[lang](params) : key;
}

const REASONS: Record<string, [string, string]> = {
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

export function reasonWords(reasons: string[], lang: Lang): string {
  const words = reasons.map((r) => REASONS[r]?.[lang === 'en' ? 1 : 0] ?? r);
  return words.join(lang === 'en' ? ', ' : '・');
}
