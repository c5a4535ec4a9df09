/** Grouping and filtering of findings for the Findings tab (pure, unit-tested). */
import type { Finding, RuleId, Severity } from '../core/findings';

export const severityOrder: Severity[] = ['error', 'warning', 'info'];

export interface FindingFilter {
  severity: Severity | 'all';
  /** Case-insensitive text matched against cell, sheet, KPI name and message. */
  text: string;
}

export interface RuleGroup {
  rule: RuleId;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

export function filterFindings(findings: Finding[], filter: FindingFilter, kpiName: (id: string) => string = () => ''): Finding[] {
  const needle = filter.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (filter.severity !== 'all' && f.severity !== filter.severity) return false;
    if (!needle) return true;
    const hay = `${f.sheet}!${f.cell} ${f.cell} ${f.rule} ${f.kpi ? kpiName(f.kpi) : ''} ${f.message}`.toLowerCase();
    return hay.includes(needle);
  });
}

/** Severity groups (errors first), each split by rule; rules ordered by count, then name. */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of severityOrder) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (!ofSeverity.length) continue;
    const byRule = new Map<RuleId, Finding[]>();
    for (const f of ofSeverity) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const rules = [...byRule.entries()]
      .map(([rule, list]) => ({ rule, findings: list }))
      .sort((a, b) => b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
    groups.push({ severity, count: ofSeverity.length, rules });
  }
  return groups;
}
