/**
 * Grading: the two grading methods' names (settings, KPI定義) and the grade line, the figures behind
 * a grade that a reader can recompute ("達成率 89.6%（2,796棟 ÷ 目標 3,119棟）→ B"; src/core/grade-line.ts).
 */
import { msg } from './entry';

export const GRADING_MESSAGES = {
  'grading.rate': msg(() => '達成率（実績÷目標）の区分', () => 'Achievement rate (actual ÷ target) bands'),
  'grading.path': msg(() => '見込み値（按分）に対する実績の区分', () => 'Actual against the expected value (pro rata) bands'),

  // The note flag leaves on the rate cell of a KPI behind (src/core/plans/flag.ts).
  'plan.flag.note': msg(
    (p: { tag: string; name: string; year: string; word: string; actual: string; target: string; path: string | null; basis: string | null }) =>
      `${p.tag}${p.name}（${p.year}）: ${p.word}。実績 ${p.actual} は${p.path === null ? `目標 ${p.target} に届いていません` : `目標 ${p.target} に向けた${p.year}の見込み値 ${p.path} を下回っています`}。${p.basis ? `${p.basis}。` : ''}備考に理由を書いてください。`,
    (p) =>
      `${p.tag}${p.name} (${p.year}): ${p.word}. The actual ${p.actual} is ${p.path === null ? `short of the target ${p.target}` : `below the ${p.path} expected by now on the way to the target ${p.target}`}.${p.basis ? ` ${p.basis}.` : ''} Please give the reason in 備考.`,
  ),
  'plan.flag.word.B': msg(() => 'やや遅れ', () => 'slightly behind'),
  'plan.flag.word.C': msg(() => '遅れ', () => 'behind'),
  'plan.flag.word.D': msg(() => '大幅な遅れ', () => 'far behind'),
  'plan.flag.word.none': msg(() => '遅れ', () => 'behind'),

  'grade-line.line': msg(
    (p: { name: string; value: string; how: string; tail: string }) => `${p.name} ${p.value}（${p.how}）${p.tail}`,
    (p) => `${p.name} ${p.value} (${p.how})${p.tail}`,
  ),
  'grade-line.below-baseline': msg(
    (p: { actual: string; baseline: string; tail: string }) => `基準値を下回っています（実績 ${p.actual}、基準値 ${p.baseline}）${p.tail}`,
    (p) => `Below the baseline (actual ${p.actual}, baseline ${p.baseline})${p.tail}`,
  ),
  'grade-line.above-baseline': msg(
    (p: { actual: string; baseline: string; tail: string }) => `基準値を上回っています（実績 ${p.actual}、基準値 ${p.baseline}）${p.tail}`,
    (p) => `Above the baseline (actual ${p.actual}, baseline ${p.baseline})${p.tail}`,
  ),
  'grade-line.grade': msg((p: { grade: string }) => `→ ${p.grade}`, (p) => ` → ${p.grade}`),
  // A printed legend's entry: "B+（概ね順調）".
  'grade-line.legend': msg((p: { symbol: string; label: string }) => `${p.symbol}（${p.label}）`, (p) => `${p.symbol} (${p.label})`),
  'grade-line.rate': msg(() => '達成率', () => 'Achievement rate'),
  'grade-line.path': msg(() => '見込み値に対する実績', () => 'Actual against expected'),
  'grade-line.target': msg((p: { v: string }) => `目標 ${p.v}`, (p) => `target ${p.v}`),
  'grade-line.expected': msg((p: { v: string }) => `見込み ${p.v}`, (p) => `expected ${p.v}`),
  'grade-line.baseline': msg((p: { v: string }) => `基準 ${p.v}`, (p) => `baseline ${p.v}`),
  'grade-line.actual': msg((p: { v: string }) => `実績 ${p.v}`, (p) => `actual ${p.v}`),
};
