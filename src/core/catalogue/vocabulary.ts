/**
 * One vocabulary for severities and rule names, used by the task pane, the CLI and the report sheets
 * (rule ids stay the contract in --json; these are what people read).
 */
import type { Lang, RuleId, Severity } from '../findings';

const severities: Record<Severity, [ja: string, en: string]> = {
  error: ['誤り', 'Error'],
  warning: ['注意', 'Warning'],
  info: ['参考', 'Info'],
};

/** 誤り / 注意 / 参考 (Error / Warning / Info). */
export function severityName(severity: Severity, lang: Lang): string {
  return severities[severity][lang === 'en' ? 1 : 0];
}

/** "誤り 3 件" / "3 errors": a count with its severity word. */
export function severityCount(severity: Severity, n: number, lang: Lang): string {
  if (lang !== 'en') return `${severityName(severity, lang)} ${n} 件`;
  const word = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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

/** What a finding is about, in one phrase: "転入者数（R2）" / "転入者数 (R2)"; "" for sheet-level findings. */
export function findingSubject(f: { kpiName?: string; yearLabel?: string }, lang: Lang): string {
  if (!f.kpiName) return f.yearLabel ?? '';
  if (!f.yearLabel) return f.kpiName;
  return lang === 'en' ? `${f.kpiName} (${f.yearLabel})` : `${f.kpiName}（${f.yearLabel}）`;
}

/** "1 KPI", "2 KPIs", "1 table": an English count with its noun (Japanese counts need no plural). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
