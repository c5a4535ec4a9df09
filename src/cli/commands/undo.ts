/**
 * `kpi-progress undo <in.xlsx> -o <out.xlsx> [--all]`: reverts the newest recorded command (or all),
 * from the undo record kept inside the workbook. `kpi-progress clean` removes that record.
 */
import { describeSkipped } from '../../core/plans/describe';
import { cleanUndoRecord, readUndoRecord, undoLast } from '../../core/session';
import { UndoRecordError } from '../../core/undo';
import { t, UsageError, type CliCommand, type CliContext } from '../io';
import { refuseIfOpenInExcel, withWriteLock } from '../safe-file';
import { openInput, parseWriteArgs, writeFileAtomic, type ParsedArgs } from './write-common';

function needOutput(output: string | null, dryRun: boolean, usage: string, ctx: CliContext): void {
  if (!output && !dryRun) throw new UsageError(t(ctx, `出力先 -o <出力.xlsx> を指定してください。\n使い方: ${usage}`, `give the output -o <out.xlsx>.\nusage: ${usage}`));
}

export const undoCommand: CliCommand = {
  name: 'undo',
  summary: { ja: '直前の書き込みを取り消す（ブック内の記録から。--all ですべて）', en: 'revert the last write (from the record in the workbook; --all for every one)' },
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
      ctx.err(t(ctx, e.message, e.messageEn));
      return 2;
    }
    if (record.entries.length === 0) {
      ctx.out(t(ctx, '取り消せる記録はありません。', 'Nothing to undo.'));
      return 0;
    }
    const steps = args.options.all ? record.entries.length : 1;
    for (const e of record.entries.slice(-steps).reverse()) ctx.out(t(ctx, `取り消し: ${e.command}（${e.at}）${e.summary}`, `undo: ${e.command} (${e.at}) ${e.summary}`));
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
        ctx.err(t(ctx, `一部のみ取り消しました: ${r.undone?.command}（後から変更されたセルは元に戻していません。記録に残しています）。`, `partly undone: ${r.undone?.command} (cells changed later were left as they are and stay in the record).`));
        break;
      }
      done++;
    }
    await writeFileAtomic(args.output!, await host.toBuffer(), { source });
    ctx.out(t(ctx, `${done} 件を取り消し ${args.output} に保存しました（残り ${remaining} 件）。`, `${done} undone, saved to ${args.output} (${remaining} left).`));
    return status;
}

export const cleanCommand: CliCommand = {
  name: 'clean',
  summary: { ja: 'ブック内の取り消し記録を削除する', en: 'remove the undo record from the workbook' },
  usage: 'kpi-progress clean <in.xlsx> -o <out.xlsx> [--lang en]',
  async run(argv, ctx) {
    const args = parseWriteArgs(argv);
    needOutput(args.output, args.dryRun, this.usage, ctx);
    if (!args.dryRun) await refuseIfOpenInExcel(args.output!);
    const { host, source } = await openInput(args.input);
    const n = await cleanUndoRecord(host);
    if (n === 0) {
      ctx.out(t(ctx, '取り消し記録はありません。', 'No undo record.'));
      if (args.dryRun) return 0;
    }
    if (args.dryRun) {
      ctx.out(t(ctx, `取り消し記録 ${n} 件を削除します（--dry-run）。`, `would remove ${n} undo entries (--dry-run).`));
      return 0;
    }
    await withWriteLock([args.output!], async () => writeFileAtomic(args.output!, await host.toBuffer(), { source }));
    ctx.out(t(ctx, `取り消し記録 ${n} 件を削除し ${args.output} に保存しました。`, `${n} undo entries removed, saved to ${args.output}.`));
    return 0;
  },
};
