/**
 * Finding messages, Japanese first and English. Each says what is wrong and how to fix it, plainly; no stock sentences about why it matters.
 * Parameters arrive already formatted for display ("68.2%", "259人 ÷ 380人").
 */
import type { Lang } from './findings';

export type MessageParams = Record<string, string | number>;
type Text = (p: MessageParams) => string;

const MESSAGES = {
  'rate-mismatch': {
    ja: (p) => `達成率 ${p.printed} は計算値 ${p.computed}（${p.formula}）と合いません。${p.explanation}${p.computed} に直してください。`,
    en: (p) => `Rate ${p.printed} differs from the computed ${p.computed} (${p.formula}). ${p.explanation}Correct it to ${p.computed}.`,
  },
  'rate-mismatch.how': {
    ja: (p) => `印刷値は「${p.how}」で再現できます。`,
    en: (p) => `The printed figure is reproduced by ${p.how}. `,
  },
  'unit-mismatch': {
    ja: (p) => `実績値「${p.text}」の単位「${p.unit}」がKPIの単位「${p.kpiUnit}」と違います。${p.kpiUnit} で数え直すか、単位の書き誤りを直してください。`,
    en: (p) => `Actual "${p.text}" is in ${p.unit}, but the KPI counts ${p.kpiUnit}. Recount in ${p.kpiUnit} or fix the unit.`,
  },
  'unit-mismatch.bounds': {
    ja: (p) => `基準値「${p.baseline}」と目標値「${p.target}」の単位が違います。比べられないため達成率・評価が出せません。どちらかの単位を揃えてください。`,
    en: (p) => `Baseline "${p.baseline}" and target "${p.target}" use different units, so no rate or grade can be given. Use one unit.`,
  },
  'grade-mismatch': {
    ja: (p) => `${p.year}の評価「${p.printed}」は、達成率 ${p.rate} に対してシートの凡例が示す評価「${p.expected}」と合いません。評価か達成率を確認してください。`,
    en: (p) => `The ${p.year} grade "${p.printed}" is not what the sheet's own legend gives a rate of ${p.rate} ("${p.expected}"). Check the grade or the rate.`,
  },
  'grade-mismatch.trend': {
    ja: (p) => `${p.year}の「${p.printed}」は実績の推移（${p.before} → ${p.actual}）と合いません。凡例では「${p.expected}」です。改善・悪化の表示を確認してください。`,
    en: (p) => `The ${p.year} mark "${p.printed}" does not match the figures (${p.before} → ${p.actual}); the legend says "${p.expected}". Check the improvement mark.`,
  },
  'not-a-number': {
    ja: (p) => `実績値「${p.text}」を数として読めません。「${p.example}」のように数と単位だけを書き、説明は備考へ移してください。`,
    en: (p) => `Actual "${p.text}" cannot be read as a number. Write a number with its unit (like "${p.example}") and move the explanation to 備考.`,
  },
  'cumulative-decrease': {
    ja: (p) => `累計のKPIが ${p.prevYear} の ${p.prev} から ${p.year} の ${p.value} に減っています。数値を確認してください（単年度の値なら KPI定義 で「単年度」にしてください）。`,
    en: (p) => `A cumulative KPI falls from ${p.prev} (${p.prevYear}) to ${p.value} (${p.year}). Check the count or the copy (if it is a per-year value, set 単年度 in KPI定義).`,
  },
  'percent-out-of-range': {
    ja: (p) => `割合のKPIの値 ${p.text} が 0～100% の範囲外です。値か単位を確認してください。`,
    en: (p) => `Percentage KPI value ${p.text} is outside 0–100 %. Check the value or its unit.`,
  },
  'relisted-mismatch': {
    ja: (p) => `再掲（または同名）のKPIの${p.what}「${p.value}」が最初の掲載 ${p.first} の「${p.original}」と違います。どちらが正しいか確認して揃えてください。`,
    en: (p) => `This relisted (or repeated) KPI shows ${p.what} "${p.value}", but its first listing at ${p.first} shows "${p.original}". Check which is right and make them match.`,
  },
  'breakdown-sum': {
    ja: (p) => `${p.what}の合計 ${p.total} が内訳の和 ${p.sum}（${p.parts}）と合いません。内訳か合計を直してください。`,
    en: (p) => `${p.what} total ${p.total} differs from the sum of its breakdown rows ${p.sum} (${p.parts}). Correct the parts or the total.`,
  },
  'missing-remark': {
    ja: (p) => `${p.reason}のに備考が空です。備考に要因と対策を書いてください。`,
    en: (p) => `${p.reason}, yet 備考 is empty. Add the cause and the response to 備考.`,
  },
  'misplaced-value': {
    ja: (p) => `達成率の行に達成率でない値「${p.text}」があります。この値は実績値の行か備考へ移し、ここは達成率か「-」にしてください。`,
    en: (p) => `The 達成率 row holds "${p.text}", which is not a rate. Move it to the 実績値 row or to 備考 and leave a rate or "-" here.`,
  },
  'qualitative-rate': {
    ja: (p) => `目標が数値でない（${p.target}）KPIに数値の達成率 ${p.printed} が書かれています。${p.other}「-」にするか、数値目標を KPI定義 に書いてください。`,
    en: (p) => `The KPI's target is not a number (${p.target}) but a numeric rate ${p.printed} is shown. ${p.other}Use "-" or put a numeric target in KPI定義.`,
  },
  'qualitative-rate.other': {
    ja: (p) => `同じKPIは ${p.cell} では「-」です。`,
    en: (p) => `The same KPI shows "-" at ${p.cell}. `,
  },
  'qualitative-rate.dash': {
    ja: (p) => `同じKPIの同じ年度が ${p.cell} では「-」なのに、ここでは ${p.printed} です。どちらかに揃えてください。`,
    en: (p) => `The same KPI and year shows "-" at ${p.cell} but ${p.printed} here. Make them match.`,
  },
  'year-gap': {
    ja: (p) => `${p.year}の実績値が空なのに、後の ${p.later} は記入済みです。値か「-」を入れてください。`,
    en: (p) => `The ${p.year} actual is empty although the later ${p.later} is filled. Enter the value or "-".`,
  },
  'rate-format': {
    ja: (p) => `達成率「${p.text}」の表示（小数${p.decimals}桁）が、このシートの他の達成率（小数${p.common}桁）と揃っていません。小数${p.common}桁に揃えてください。`,
    en: (p) => `Rate "${p.text}" shows ${p.decimals} decimal(s) while the sheet's other rates show ${p.common}. Use ${p.common}.`,
  },
  'large-overshoot': {
    ja: (p) => `達成率 ${p.rate} は目標を大きく超えています。目標値が妥当か、実績の数え方が目標と同じか確認し、必要なら目標の見直しを検討してください。`,
    en: (p) => `A rate of ${p.rate} is far above the target. Check the target and that the actual is counted like it, and consider revising the target.`,
  },
  'definition-drift': {
    ja: (p) => `${p.what}「${p.value}」が KPI定義（${p.defCell}）の「${p.defined}」と違います。表か KPI定義 のどちらかを直してください。`,
    en: (p) => `${p.what} "${p.value}" differs from KPI定義 (${p.defCell}): "${p.defined}". Correct the table or the definition.`,
  },
  'definition-drift.range': {
    ja: (p) => `実績値 ${p.value} が KPI定義（${p.defCell}）の許容範囲 ${p.range} の外です。値を確認してください。`,
    en: (p) => `Actual ${p.value} is outside the allowed range ${p.range} set in KPI定義 (${p.defCell}). Check the value.`,
  },
  'definition-drift.unreadable': {
    ja: (p) => `KPI定義の読めない項目: ${p.detail}`,
    en: (p) => `Unreadable KPI definition: ${p.detail}`,
  },
  'sheet-number.missing': {
    ja: () => `シートNo. が空です。該当するシートNo. を書くか、対応するシートがなければ「-」と書いてください。`,
    en: () => `シートNo. is empty. Write the sheet number, or "-" when there is none.`,
  },
  'sheet-number.malformed': {
    ja: (p) => `シートNo.「${p.text}」は番号として読めません。「08」のように数字だけを書いてください（なければ「-」）。`,
    en: (p) => `シートNo. "${p.text}" is not a number. Write digits only, like "08" (or "-" when there is none).`,
  },
  'sheet-number.unknown': {
    ja: (p) => `シートNo.「${p.text}」に当たる進行管理シートがありません（あるのは ${p.known}）。番号を直すかシートを追加してください。`,
    en: (p) => `No management sheet matches シートNo. "${p.text}" (known: ${p.known}). Fix the number or add the sheet.`,
  },
} satisfies Record<string, { ja: Text; en: Text }>;

/** The finding section of the message catalogue (src/core/catalogue). */
export const FINDING_MESSAGES = MESSAGES;
export type FindingMessageId = keyof typeof MESSAGES;

export function message(lang: Lang, key: FindingMessageId, params: MessageParams = {}): string {
  const m = MESSAGES[key];
  if (!m) throw new Error(`no message ${key}`);
  return m[lang](params);
}

const WORDS: Record<string, { ja: string; en: string }> = {
  baseline: { ja: '基準値', en: 'Baseline' },
  target: { ja: '目標値', en: 'Target' },
  baselineYear: { ja: '基準年度', en: 'Baseline year' },
  targetYear: { ja: '目標年度', en: 'Target year' },
  unit: { ja: '単位', en: 'Unit' },
  actual: { ja: '実績値', en: 'Actual' },
  cost: { ja: '事業費', en: 'Cost' },
};

/** "基準値" / "Baseline" and friends, for messages naming a column. */
export function word(lang: Lang, key: string, suffix = ''): string {
  const w = WORDS[key];
  return (w ? w[lang] : key) + suffix;
}
