/**
 * Comparing two editions of the progress table (前年度版 and 今年度版): which KPI of one is which KPI of
 * the other, and what changed that nobody said changed. Rule ids are a contract (README, --json).
 */
import type { Finding } from '../findings';

export type ChangeRuleId =
  | 'baseline-changed'
  | 'target-changed'
  | 'actual-revised'
  | 'rate-revised'
  | 'kpi-removed'
  | 'kpi-added'
  | 'kpi-renamed'
  | 'sheet-number-changed'
  | 'department-changed'
  | 'unit-changed';

export const CHANGE_RULES: ChangeRuleId[] = [
  'baseline-changed', 'target-changed', 'actual-revised', 'rate-revised', 'kpi-removed',
  'kpi-added', 'kpi-renamed', 'sheet-number-changed', 'department-changed', 'unit-changed',
];

/** How a pair was found: the same (normalised) name, or figures and position of a renamed KPI. */
export type MatchHow = 'name' | 'renamed';

/** What made two KPIs the same one. */
export type MatchReason = 'name' | 'path' | 'position' | 'order' | 'baseline' | 'target' | 'actuals' | 'department' | 'similar-name';

export interface KpiMatch {
  /** KPI id in the previous edition. */
  previous: string;
  /** KPI id in the current edition. */
  current: string;
  how: MatchHow;
  /** 0–1: 1 for a unique name, less when the name repeats or figures decided. */
  confidence: number;
  reasons: MatchReason[];
}

/** A change between editions, at a cell of the current edition (of the previous one for kpi-removed). */
export interface ChangeFinding extends Finding {
  rule: ChangeRuleId;
  /** KPI id in the current edition (previous edition for kpi-removed). */
  kpi: string;
  /** The KPI's name as the current (or, removed, the previous) edition writes it. */
  kpiName: string;
  /** Fiscal year the change is about, when it is about one year's figure. */
  year: number | null;
  previousValue: string | null;
  currentValue: string | null;
  /** Where the previous edition had it ("進捗状況一覧表!E11"), when it had it. */
  previousCell: string | null;
}

export interface EditionComparison {
  matches: KpiMatch[];
  findings: ChangeFinding[];
}
