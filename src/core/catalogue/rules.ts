/**
 * Pieces of the validation rules' findings (src/core/rules): which other computation reproduces a
 * printed rate, why a remark is needed, the label of a one-click fix. The finding sentences
 * themselves are in ../messages.ts.
 */
import { msg } from './entry';

export const RULE_MESSAGES = {
  // rate-mismatch: what reproduces the printed rate ("…になっています" in rate-mismatch.how).
  'rule.how.truncate': msg(() => '切り捨て', () => 'truncating'),
  'rule.how.half-up': msg(() => '四捨五入', () => 'rounding half-up'),
  'rule.how.actual-baseline': msg((p: { a: string; b: string }) => `実績÷基準値（${p.a} ÷ ${p.b}）`, (p) => `actual ÷ baseline (${p.a} ÷ ${p.b})`),
  'rule.how.progress': msg(
    (p: { a: string; b: string; t: string }) => `進捗率（(${p.a} − ${p.b}) ÷ (${p.t} − ${p.b})）`,
    (p) => `the progress rate ((${p.a} − ${p.b}) ÷ (${p.t} − ${p.b}))`,
  ),
  'rule.how.actual-target': msg((p: { a: string; t: string }) => `実績÷目標（${p.a} ÷ ${p.t}）`, (p) => `actual ÷ target (${p.a} ÷ ${p.t})`),
  'rule.how.other-year': msg((p: { year: string }) => `${p.year}の実績値で計算した値`, (p) => `the rate of ${p.year}`),
  'rule.how.target-actual': msg((p: { a: string; t: string }) => `目標÷実績（${p.t} ÷ ${p.a}）`, (p) => `target ÷ actual (${p.t} ÷ ${p.a})`),
  'rule.how.actual-itself': msg((p: { a: string }) => `実績値（${p.a}）そのもの`, (p) => `the actual itself (${p.a})`),
  // missing-remark: why 備考 should explain the KPI.
  'rule.remark.worsened': msg(
    (p: { from: string; fromYear: string; to: string; toYear: string }) => `実績が ${p.fromYear} の ${p.from} から ${p.toYear} の ${p.to} に悪化している`,
    (p) => `The actual worsened from ${p.from} (${p.fromYear}) to ${p.to} (${p.toYear})`,
  ),
  'rule.remark.far-behind': msg(
    (p: { year: string; actual: string; expected: string | null }) =>
      `${p.year}の実績 ${p.actual} が${p.expected !== null ? `見込み値 ${p.expected}` : '目標までの道筋'}を大きく下回っている`,
    (p) => `The ${p.year} actual ${p.actual} is well behind ${p.expected !== null ? `the expected ${p.expected}` : 'the path to the target'}`,
  ),
  // A fix button on a rate-mismatch finding.
  'rule.fix.rate': msg((p: { rate: string }) => `達成率を ${p.rate} に直す`, (p) => `Set the rate to ${p.rate}`),
  // An empty cell in a relisted-mismatch finding.
  'rule.blank': msg(() => '（空）', () => '(blank)'),
};
