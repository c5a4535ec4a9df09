/** Findings: what validation says about cells. Rule ids are a contract (see README). */

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'rate-mismatch'
  | 'unit-mismatch'
  | 'not-a-number'
  | 'cumulative-decrease'
  | 'percent-out-of-range'
  | 'relisted-mismatch'
  | 'breakdown-sum'
  | 'missing-remark'
  | 'misplaced-value'
  | 'qualitative-rate'
  | 'year-gap'
  | 'rate-format'
  | 'large-overshoot'
  | 'definition-drift'
  | 'sheet-number'
  | 'grade-mismatch'
  // Changes against last year's edition (src/core/compare).
  | import('./compare/types').ChangeRuleId;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** "F101". */
  cell: string;
  /** Kpi id, or null for sheet-level findings. */
  kpi: string | null;
  /** What is wrong, why it matters, how to fix — in the requested language. */
  message: string;
  /** 'previous' when sheet and cell are in last year's edition (kpi-removed of the comparison). */
  edition?: 'previous';
  /** The KPI's name (every KPI finding carries it; kpi-removed names a KPI not in the model at hand). */
  kpiName?: string;
  /** The fiscal year the finding is about (western), and as the table writes it ("R2"). */
  year?: number | null;
  yearLabel?: string;
  /** Optional machine-readable fix: the plan edits that would mend it. */
  fix?: { label: string; edits: import('./plan').CellEdit[] };
}

export type Lang = 'ja' | 'en';
