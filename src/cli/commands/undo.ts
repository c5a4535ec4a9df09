/**
 * `kpi-progress undo <in.xlsx> -o <out.xlsx> [--all]`: reverts the newest recorded command (or all),
 * from the undo record kept inside the workbook. `kpi-progress clean` removes that record.
 */
import { describeSkipped } from '../../core/plans/describe';
import { cleanUndoRecord, readUndoRecord, undoLast } from '../../core/session';
import { UndoRecordError } from '../../core/undo';
import { errorDetail, t } from '../../core/catalogue';
import { UsageError, type CliCommand, type CliContext } from '../io';
import { refuseIfOpenInExcel, withWriteLock } from '../safe-file';
import { openInput, parseWriteArgs, writeFileAtomic, type ParsedArgs } from './write-common';

function needOutput(output: string | null, dryRun: boolean, usage: string, ctx: CliContext): void {
  if (!output && !dryRun) throw new UsageError(t(ctx.lang, 'cli.output.missing-undo', { usage }));
}

export const undoCommand: CliCommand = {
  name: 'undo',
  summary: 'cli.summary.undo',
  usage: 'kpi-progress undo <in.xlsx> -o <out.xlsx> [--all] [--dry-run] [--lang en]',
  async run(argv, ctx) {
    const args = parseWriteArgs(argv, ['all']);
    needOutput(args.output, args.dryRun, this.usage, ctx);
    if (args.dryRun) return undo(args, ctx);
    await refuseIfOpenInExcel(args.output!);
    return withWriteLock([args.output!], () => undo(args, ctx));
  },
};

async function undo(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const { host, source } = await openInput(args.input);
    let record;
    try {
      record = await readUndoRecord(host);
    } catch (e) {
      if (!(e instanceof UndoRecordError)) throw e;
      ctx.err(errorDetail(ctx.lang, e));
      return 2;
    }
    if (record.entries.length === 0) {
      ctx.out(t(ctx.lang, 'cli.undo.nothing'));
      return 0;
    }
    const steps = args.options.all ? record.entries.length : 1;
    for (const e of record.entries.slice(-steps).reverse()) ctx.out(t(ctx.lang, 'cli.undo.entry', { command: e.command, at: e.at, summary: e.summary }));
    if (args.dryRun) return 0;
    let status = 0;
    let done = 0;
    let remaining = record.entries.length;
    for (let i = 0; i < steps; i++) {
      const r = await undoLast(host);
      remaining = r.remaining;
      for (const line of describeSkipped(r.skipped, ctx.lang)) ctx.err(line);
      if (r.skipped.length) status = 1;
      if (r.partial) {
        // later work kept part of this command: it stays in the record, and older ones wait behind it
        ctx.err(t(ctx.lang, 'cli.undo.partly', { command: String(r.undone?.command) }));
        break;
      }
      done++;
    }
    await writeFileAtomic(args.output!, await host.toBuffer(), { source });
    ctx.out(t(ctx.lang, 'cli.undo.saved', { n: done, output: args.output!, left: remaining }));
    return status;
}

export const cleanCommand: CliCommand = {
  name: 'clean',
  summary: 'cli.summary.clean',
  usage: 'kpi-progress clean <in.xlsx> -o <out.xlsx> [--lang en]',
  async run(argv, ctx) {
    const args = parseWriteArgs(argv);
    needOutput(args.output, args.dryRun, this.usage, ctx);
    if (!args.dryRun) await refuseIfOpenInExcel(args.output!);
    const { host, source } = await openInput(args.input);
    const n = await cleanUndoRecord(host);
    if (n === 0) {
      ctx.out(t(ctx.lang, 'cli.clean.nothing'));
      if (args.dryRun) return 0;
    }
    if (args.dryRun) {
      ctx.out(t(ctx.lang, 'cli.clean.would', { n }));
      return 0;
    }
    await withWriteLock([args.output!], async () => writeFileAtomic(args.output!, await host.toBuffer(), { source }));
    ctx.out(t(ctx.lang, 'cli.clean.saved', { n, output: args.output! }));
    return 0;
  },
};
