import type { Lang, RuleId } from '../../core/findings';

/** Display names of the validation rules (rule ids are the contract; these are only labels). */
const names: Record<RuleId, [ja: string, en: string]> = {
  'rate-mismatch': ['達成率の不一致', 'Rate mismatch'],
  'unit-mismatch': ['単位の不一致', 'Unit mismatch'],
  'not-a-number': ['数値でない実績値', 'Not a number'],
  'cumulative-decrease': ['累計の減少', 'Cumulative decrease'],
  'percent-out-of-range': ['範囲外の割合', 'Percent out of range'],
  'relisted-mismatch': ['再掲の不一致', 'Relisted mismatch'],
  'breakdown-sum': ['内訳の合計', 'Breakdown sum'],
  'missing-remark': ['備考の不足', 'Missing remark'],
  'misplaced-value': ['位置違いの値', 'Misplaced value'],
  'qualitative-rate': ['定性目標の達成率', 'Rate of a qualitative target'],
  'year-gap': ['年度の欠け', 'Year gap'],
  'rate-format': ['達成率の書式', 'Rate format'],
  'large-overshoot': ['大幅な超過', 'Large overshoot'],
  'definition-drift': ['KPI定義との違い', 'Definition drift'],
  'sheet-number': ['シートNo.', 'Sheet number'],
  'grade-mismatch': ['評価の不一致', 'Grade mismatch'],
  // Changes against last year's edition.
  'baseline-changed': ['基準値の変更', 'Baseline changed'],
  'target-changed': ['目標値の変更', 'Target changed'],
  'actual-revised': ['実績値の修正', 'Actual revised'],
  'rate-revised': ['達成率の変更', 'Rate revised'],
  'kpi-removed': ['KPIの削除', 'KPI removed'],
  'kpi-added': ['KPIの追加', 'KPI added'],
  'kpi-renamed': ['KPI名の変更', 'KPI renamed'],
  'sheet-number-changed': ['シートNo.の変更', 'Sheet number changed'],
  'department-changed': ['担当課の変更', 'Department changed'],
  'unit-changed': ['単位の変更', 'Unit changed'],
};

export function ruleName(rule: RuleId, lang: Lang): string {
  const pair = names[rule];
  return pair ? pair[lang === 'en' ? 1 : 0] : rule;
}
