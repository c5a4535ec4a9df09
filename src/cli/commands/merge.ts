/**
 * `kpi-progress merge <master.xlsx> <answers…> -o <out.xlsx> [--json] [--dry-run] [--year R3]`: takes
 * the departments' answers back in by KPI as one undoable plan; conflicts (other departments' cells,
 * cells the round did not ask for, answers that disagree) are listed, not written; departments that
 * have not answered are listed with their empty KPIs; then the check runs on the result (issue #17).
 * Exit 0, 1 on error findings or conflicts, 2 on bad input.
 */
import { planMerge, type Answer, type MergeConflict, type MergeResult } from '../../core/compare/merge';
import { eraYearLabel } from '../../core/definitions';
import { ruleName, severityCount, severityName } from '../../core/catalogue/vocabulary';
import { describePlan, describeSkipped } from '../../core/plans/describe';
import { loadWorkbook } from '../../app/load';
import { readAnswer } from '../../app/round';
import { runCommand } from '../../core/session';
import type { Lang } from '../../core/findings';
import { openXlsxHostFile } from '../../xlsx/node';
import { expandInputs } from '../batch';
import { t } from '../../core/catalogue';
import { parseOptions, UsageError, type CliCommand, type CliContext } from '../io';
import { yearOption } from './split';
import { writeFileAtomic } from './write-common';

/** Why an answer was not written, in the pane's words (catalogue round.reason.*). */
export function conflictReason(r: MergeConflict['reason'], lang: Lang): string {
  return t(lang, `round.reason.${r}`);
}

function shown(v: unknown, lang: Lang): string {
  return v === null || v === undefined || v === '' ? t(lang, 'round.empty') : String(v);
}

function mergeLines(r: MergeResult, ctx: CliContext): string[] {
  const out: string[] = [];
  for (const m of r.merged) {
    out.push(t(ctx.lang, 'round.department', { department: m.department, file: m.file, n: m.cells.length }));
    for (const c of m.cells) out.push(`  ${c.sheet}!${c.cell} ${c.kpiName}: ${shown(c.master, ctx.lang)} → ${shown(c.value, ctx.lang)}`);
  }
  if (r.conflicts.length) {
    out.push('', t(ctx.lang, 'cli.merge.conflicts', { n: r.conflicts.length }));
    for (const c of r.conflicts) {
      const source = t(ctx.lang, 'round.conflict-source', { department: c.department ?? '?', file: c.file });
      out.push(`  ${source}${c.sheet}!${c.cell} ${c.kpiName}: ${conflictReason(c.reason, ctx.lang)} — ${t(ctx.lang, 'round.master')} ${shown(c.master, ctx.lang)} / ${t(ctx.lang, 'round.answer')} ${shown(c.answer, ctx.lang)}`);
    }
  }
  if (r.missing.length) {
    out.push('', t(ctx.lang, 'cli.merge.missing', { n: r.missing.length, era: eraYearLabel(r.year), year: r.year }));
    for (const m of r.missing) out.push(`  ${m.department}: ${m.kpis.length ? m.kpis.join(', ') : t(ctx.lang, 'round.none-empty')}`);
  }
  return out;
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'cli.summary.merge',
  usage: 'kpi-progress merge <master.xlsx> <answer.xlsx|folder>… -o <out.xlsx> [--json] [--dry-run] [--year R3] [--lang en]',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { positional, options } = parseOptions(argv.map((a) => (a === '-o' ? '--output' : a)), ['json', 'dry-run'], ['output', 'year']);
    const dryRun = options['dry-run'] === true;
    if (positional.length < 2 || (typeof options.output !== 'string' && !dryRun)) throw new UsageError(t(ctx.lang, 'cli.merge.arguments', { usage: this.usage }));
    const [masterFile, ...inputs] = positional;
    const host = await openXlsxHostFile(masterFile);
    const input = await loadWorkbook(host, { lang: ctx.lang });
    if (!input.model.sheets.length) {
      ctx.err(t(ctx.lang, 'cli.no-table', { file: masterFile }));
      return 2;
    }
    const { files } = await expandInputs(inputs);
    const answers: Answer[] = [];
    for (const file of files) {
      answers.push(await readAnswer(await openXlsxHostFile(file), file, ctx.lang));
    }
    const result = planMerge({ model: input.model, snapshots: input.snapshots }, answers, { year: yearOption(options.year, ctx), lang: ctx.lang });
    let findings = input.analysis.findings;
    if (!dryRun && result.plan.edits.length) {
      const applied = await runCommand(host, result.plan);
      for (const line of describeSkipped(applied.skipped, ctx.lang)) ctx.err(line);
    }
    if (!dryRun) {
      await writeFileAtomic(String(options.output), await host.toBuffer());
      const after = await loadWorkbook(host, { lang: ctx.lang });
      findings = after.analysis.findings;
      if (!options.json) {
        for (const line of mergeLines(result, ctx)) ctx.out(line);
        ctx.out('');
        ctx.out(t(ctx.lang, 'cli.merge.saved', { n: result.plan.edits.length, output: String(options.output) }));
        const errors = findings.filter((f) => f.severity === 'error');
        ctx.out(t(ctx.lang, 'cli.merge.checked', { n: findings.length, errors: severityCount('error', errors.length, ctx.lang), output: String(options.output) }));
        for (const f of errors) ctx.out(`  [${severityName(f.severity, ctx.lang)}] ${ruleName(f.rule, ctx.lang)} ${f.sheet}!${f.cell} ${f.message}`);
      }
    } else if (!options.json) {
      for (const line of describePlan(result.plan, ctx.lang, 200)) ctx.out(line);
      for (const line of mergeLines(result, ctx)) ctx.out(line);
    }
    if (options.json) {
      ctx.out(JSON.stringify({
        merged: result.merged.map((m) => ({ department: m.department, file: m.file, cells: m.cells.map((c) => ({ cell: c.cell, kpi: c.kpi, value: c.value })) })),
        conflicts: result.conflicts.map((c) => ({ file: c.file, department: c.department, cell: c.cell, kpi: c.kpi, reason: c.reason, master: c.master, answer: c.answer })),
        missing: result.missing,
        findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, kpi: f.kpi, message: f.message })),
      }, null, 2));
    }
    return result.conflicts.length || findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
