/**
 * `kpi-progress diff <previous.xlsx> <current.xlsx> [--json] [--lang en]`: what changed between last
 * year's published edition and this one, grouped by KPI. Exit 0 no error-severity change, 1 at least
 * one (a past actual revised without a word in 備考), 2 unreadable file or no progress table.
 */
import { compareEditions, type ChangeFinding, type EditionComparison } from '../../core/compare';
import type { Lang } from '../../core/findings';
import { ruleName, severityCount, severityName } from '../../core/catalogue/vocabulary';
import type { ProgressModel } from '../../core/model';
import type { PlanInput } from '../../core/plans/context';
import { openReadOnlyHostFile } from '../../xlsx/node';
import { t } from '../../core/catalogue';
import { parseOptions, UsageError, type CliCommand, type CliContext } from '../io';
import { loadForCheck } from './check';

/** The `--json` document of issue #15. */
export function diffDocument(previous: string, current: string, c: EditionComparison) {
  return {
    previous,
    current,
    matches: c.matches.map((m) => ({ previous: m.previous, current: m.current, how: m.how, confidence: m.confidence })),
    findings: c.findings.map((f) => ({
      rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, kpi: f.kpi,
      previousValue: f.previousValue, currentValue: f.currentValue, message: f.message,
    })),
  };
}

function count(models: ProgressModel): number {
  return models.sheets.reduce((n, s) => n + s.kpis.length, 0);
}

/** The readable summary: counts, then the changes grouped by KPI (removed KPIs last). */
export function diffLines(previous: string, current: string, prev: ProgressModel, cur: ProgressModel, c: EditionComparison, ctx: { lang: Lang }): string[] {
  const renamed = c.matches.filter((m) => m.how === 'renamed').length;
  const removed = c.findings.filter((f) => f.rule === 'kpi-removed').length;
  const added = c.findings.filter((f) => f.rule === 'kpi-added').length;
  const out = [
    t(ctx.lang, 'cli.diff.previous', { file: previous, kpis: count(prev) }),
    t(ctx.lang, 'cli.diff.current', { file: current, kpis: count(cur) }),
    t(ctx.lang, 'cli.diff.matched', { same: c.matches.length - renamed, renamed, removed, added }),
    '',
  ];
  if (c.findings.length === 0) return [...out, t(ctx.lang, 'cli.diff.none')];
  const errors = c.findings.filter((f) => f.severity === 'error').length;
  const kpis = new Map<string, ChangeFinding[]>();
  for (const f of c.findings) {
    const key = `${f.edition ?? 'current'}\u0000${f.kpi}`;
    kpis.set(key, [...(kpis.get(key) ?? []), f]);
  }
  out.push(t(ctx.lang, 'cli.diff.count', { n: c.findings.length, errors: severityCount('error', errors, ctx.lang), kpis: kpis.size }));
  for (const list of kpis.values()) {
    const f0 = list[0];
    const where = f0.edition === 'previous' ? t(ctx.lang, 'cli.diff.previous-kpi', { kpi: f0.kpi }) : f0.kpi;
    out.push(`  ${f0.kpiName}  [${where}]`);
    // the vocabulary of check and the report: 誤り / 注意 / 参考 and the rule's name
    for (const f of list) out.push(`    [${severityName(f.severity, ctx.lang)}] ${ruleName(f.rule, ctx.lang)} ${f.sheet}!${f.cell} ${f.message}`);
  }
  return out;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'cli.summary.diff',
  usage: 'kpi-progress diff <previous.xlsx> <current.xlsx> [--json] [--lang ja|en]',
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { positional, options } = parseOptions(args, ['json'], []);
    if (positional.length !== 2) throw new UsageError(t(ctx.lang, 'cli.diff.two-files', { usage: this.usage }));
    const [previous, current] = positional;
    const prev = (await loadForCheck(await openReadOnlyHostFile(previous), ctx.lang)).model;
    const cur = (await loadForCheck(await openReadOnlyHostFile(current), ctx.lang)).model;
    for (const [file, model] of [[previous, prev], [current, cur]] as const) {
      if (model.sheets.length) continue;
      ctx.err(t(ctx.lang, 'cli.no-table', { file }));
      for (const u of model.unrecognised) ctx.err(`  - ${u.sheet}: ${ctx.lang === 'en' ? u.reasonEn ?? u.reason : u.reason}`);
      return 2;
    }
    const c = compareEditions(prev, cur, { lang: ctx.lang });
    if (options.json) ctx.out(JSON.stringify(diffDocument(previous, current, c), null, 2));
    else for (const line of diffLines(previous, current, prev, cur, c, ctx)) ctx.out(line);
    return c.findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

/** The plan input with the changes against a previous edition added to its findings (report --previous). */
export async function withPreviousEdition(input: PlanInput, previous: string, ctx: CliContext): Promise<PlanInput> {
  const prev = (await loadForCheck(await openReadOnlyHostFile(previous), ctx.lang)).model;
  if (!prev.sheets.length) throw new UsageError(t(ctx.lang, 'cli.diff.previous-no-table', { file: previous }));
  const c = compareEditions(prev, input.model, { lang: ctx.lang });
  return { ...input, analysis: { ...input.analysis, findings: [...input.analysis.findings, ...c.findings] } };
}
