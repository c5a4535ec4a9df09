/**
 * `kpi-progress report <in.xlsx> [-o report.md|report.json|out.xlsx] [--sheet NAME]`: the findings as
 * Markdown (printed when no -o), JSON, or a `点検結果` sheet added to a copy of the workbook.
 */
import * as path from 'path';
import { describePlan } from '../../core/plans/describe';
import { planReport, reportJson, reportMarkdown } from '../../core/plans/report';
import { t } from '../../core/catalogue';
import { UsageError, type CliCommand, type CliContext } from '../io';
import { withPreviousEdition } from './diff';
import { withWriteLock } from '../safe-file';
import { applyAndWrite, openForPlanning, parseWriteArgs, writeFileAtomic } from './write-common';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'cli.summary.report',
  usage: 'kpi-progress report <in.xlsx> [-o report.md|report.json|out.xlsx] [--previous last-year.xlsx] [--dry-run] [--sheet NAME] [--lang en]',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseWriteArgs(argv, [], ['previous']);
    const ext = args.output ? path.extname(args.output).toLowerCase() : '.md';
    if (!['.md', '.json', '.xlsx', '.xlsm'].includes(ext)) throw new UsageError(t(ctx.lang, 'cli.report.extension', { output: String(args.output) }));
    const opened = await openForPlanning(args, ctx, true);
    if (typeof opened === 'number') return opened;
    const { host } = opened;
    // --previous: the changes against last year's edition join the findings (issue #15).
    const input = typeof args.options.previous === 'string' ? await withPreviousEdition(opened.input, args.options.previous, ctx) : opened.input;
    if (ext === '.xlsx' || ext === '.xlsm') {
      const plan = planReport(input, { file: path.basename(args.input), now: new Date() });
      for (const line of describePlan(plan, ctx.lang, args.dryRun ? 20 : 0)) ctx.out(line);
      if (args.dryRun) return 0;
      return withWriteLock([args.output!], () => applyAndWrite(host, plan, args.output!, ctx, opened.source));
    }
    const meta = { now: new Date() };
    const text = ext === '.json' ? reportJson(input, args.input, meta) : reportMarkdown(input, args.input, meta);
    if (!args.output || args.dryRun) {
      ctx.out(text.trimEnd());
      return 0;
    }
    await writeFileAtomic(args.output, text);
    ctx.out(t(ctx.lang, 'cli.report.written', { n: input.analysis.findings.length, output: args.output }));
    return 0;
  },
};
