/** The validation rules, in the order their findings are listed. Rule ids and severities are a contract. */
import type { Finding } from '../findings';
import type { KpiCheck, RuleContext, RuleSpec } from './context';
import { rateMismatchRule } from './rate-mismatch';
import { notANumber, percentOutOfRange, unitMismatch, yearGap } from './actual-values';
import { cumulativeDecrease, missingRemark } from './trends';
import { breakdownSum, relistedMismatch } from './consistency';
import { largeOvershoot, misplacedValue, qualitativeRate, rateFormat } from './rate-cells';
import { definitionDrift } from './definition-drift';
import { sheetNumberRule } from './sheet-number';
import { gradeMismatch } from './grade-mismatch';

export const RULES: RuleSpec[] = [
  { id: 'rate-mismatch', severity: 'error', check: rateMismatchRule },
  { id: 'unit-mismatch', severity: 'error', check: unitMismatch },
  { id: 'not-a-number', severity: 'warning', check: notANumber },
  { id: 'cumulative-decrease', severity: 'error', check: cumulativeDecrease },
  { id: 'percent-out-of-range', severity: 'error', check: percentOutOfRange },
  { id: 'relisted-mismatch', severity: 'error', check: relistedMismatch },
  { id: 'breakdown-sum', severity: 'error', check: breakdownSum },
  { id: 'missing-remark', severity: 'warning', check: missingRemark },
  { id: 'misplaced-value', severity: 'warning', check: misplacedValue },
  { id: 'qualitative-rate', severity: 'warning', check: qualitativeRate },
  { id: 'year-gap', severity: 'warning', check: yearGap },
  { id: 'rate-format', severity: 'info', check: rateFormat },
  { id: 'large-overshoot', severity: 'info', check: largeOvershoot },
  { id: 'definition-drift', severity: 'error', check: definitionDrift },
  { id: 'sheet-number', severity: 'warning', check: sheetNumberRule },
  { id: 'grade-mismatch', severity: 'error', check: gradeMismatch },
];

/**
 * The findings of every rule on `ctx.sheet`, listed rule by rule (each in KPI order) as the rules are
 * ordered. One pass over the KPIs: each KPI is looked at by all rules in turn.
 */
export function runRules(ctx: RuleContext): Finding[] {
  const checks: KpiCheck[] = [];
  const outs: Finding[][] = [];
  for (const rule of RULES) {
    const check = rule.check(ctx);
    if (!check) continue;
    checks.push(check);
    outs.push([]);
  }
  const n = checks.length;
  // index loops (once per sheet, mostly before optimisation, where for…of makes an iterator result per item)
  const kpis = ctx.sheet.kpis;
  for (let k = 0; k < kpis.length; k++) for (let i = 0; i < n; i++) checks[i](kpis[k], outs[i]);
  const findings: Finding[] = [];
  for (let i = 0; i < outs.length; i++) for (let j = 0; j < outs[i].length; j++) findings.push(outs[i][j]);
  return findings;
}

export type { KpiCheck, RuleContext, RuleSpec, SheetRule } from './context';
