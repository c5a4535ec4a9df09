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
import { parseOptions, t, UsageError, type CliCommand, type CliContext } from '../io';
import { yearOption } from './split';
import { writeFileAtomic } from './write-common';

const REASONS: Record<MergeConflict['reason'], [string, string]> = {
  'other-department': ['他の課のKPI', "another department's KPI"],
  'not-asked': ['今回の記入欄ではないセル', 'a cell the round did not ask for'],
  'answers-disagree': ['回答どうしが食い違い', 'answers disagree'],
  'kpi-added': ['マスターにないKPI', 'a KPI not in the master'],
  'kpi-removed': ['回答から消えたKPI', 'a KPI missing from the answer'],
  'unknown-department': ['どの課の回答か分からない', 'whose answer it is is unknown'],
};

export function conflictReason(r: MergeConflict['reason'], lang: Lang): string {
  return REASONS[r][lang === 'en' ? 1 : 0];
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '(空)' : String(v));

function mergeLines(r: MergeResult, ctx: CliContext): string[] {
  const out: string[] = [];
  for (const m of r.merged) {
    out.push(t(ctx, `${m.department}（${m.file}）: ${m.cells.length} セル`, `${m.department} (${m.file}): ${m.cells.length} cells`));
    for (const c of m.cells) out.push(`  ${c.sheet}!${c.cell} ${c.kpiName}: ${shown(c.master)} → ${shown(c.value)}`);
  }
  if (r.conflicts.length) {
    out.push('', t(ctx, `競合 ${r.conflicts.length} 件（書き込んでいません）:`, `${r.conflicts.length} conflicts (not written):`));
    for (const c of r.conflicts) {
      out.push(`  ${c.department ?? '?'}（${c.file}）${c.sheet}!${c.cell} ${c.kpiName}: ${conflictReason(c.reason, ctx.lang)} — ${t(ctx, 'マスター', 'master')} ${shown(c.master)} / ${t(ctx, '回答', 'answer')} ${shown(c.answer)}`);
    }
  }
  if (r.missing.length) {
    out.push('', t(ctx, `未回答 ${r.missing.length} 課（${eraYearLabel(r.year)} が空のKPI）:`, `${r.missing.length} departments have not answered (KPIs still empty for FY${r.year}):`));
    for (const m of r.missing) out.push(`  ${m.department}: ${m.kpis.length ? m.kpis.join(', ') : t(ctx, '（空のKPIなし）', '(none empty)')}`);
  }
  return out;
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: { ja: '担当課の回答をKPIごとにマスターへ取り込む（競合・未回答を表示、元に戻せる）', en: "take the departments' answers into the master by KPI (conflicts and missing answers listed; undoable)" },
  usage: 'kpi-progress merge <master.xlsx> <answer.xlsx|folder>… -o <out.xlsx> [--json] [--dry-run] [--year R3] [--lang en]',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { positional, options } = parseOptions(argv.map((a) => (a === '-o' ? '--output' : a)), ['json', 'dry-run'], ['output', 'year']);
    const dryRun = options['dry-run'] === true;
    if (positional.length < 2 || (typeof options.output !== 'string' && !dryRun)) throw new UsageError(t(ctx, `マスター、回答ファイル、出力 -o を指定してください（確認だけなら --dry-run）。\n使い方: ${this.usage}`, `give the master, the answers and the output -o (or --dry-run).\nusage: ${this.usage}`));
    const [masterFile, ...inputs] = positional;
    const host = await openXlsxHostFile(masterFile);
    const input = await loadWorkbook(host, { lang: ctx.lang });
    if (!input.model.sheets.length) {
      ctx.err(t(ctx, `${masterFile} に進捗状況一覧表（KPI表）が見つかりません。`, `No progress table (KPI table) found in ${masterFile}.`));
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
        ctx.out(t(ctx, `${result.plan.edits.length} セルを取り込み ${String(options.output)} に保存しました（元に戻す: kpi-progress undo ${String(options.output)} -o <出力>）。`, `${result.plan.edits.length} cells merged, saved to ${String(options.output)} (to revert: kpi-progress undo ${String(options.output)} -o <out>).`));
        const errors = findings.filter((f) => f.severity === 'error');
        ctx.out(t(ctx, `取り込み後の検査: 所見 ${findings.length} 件（${severityCount('error', errors.length, 'ja')}）。一覧は kpi-progress check ${String(options.output)}`, `Check after merging: ${findings.length} findings (${severityCount('error', errors.length, 'en')}); list them with kpi-progress check ${String(options.output)}`));
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
