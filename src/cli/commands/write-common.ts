/**
 * The frame shared by the writing commands: `kpi-progress <cmd> <in.xlsx> -o <out.xlsx> [--dry-run]
 * [--sheet NAME]`. Opens the file, recognises it, plans, previews, applies with an undo record and
 * writes the output (never over the input unless asked with the same path; written atomically).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { EditPlan } from '../../core/plan';
import type { PlanInput } from '../../core/plans/context';
import { changedCells, describePlan, describeSkipped } from '../../core/plans/describe';
import { loadWorkbook } from '../../app';
import { runCommand } from '../../core/session';
import { UndoRecordError } from '../../core/undo';
import { XlsxHost } from '../../xlsx/host';
import { readFileBytes } from '../../xlsx/node';
import { errorDetail, MessageError, t } from '../../core/catalogue';
import { fingerprintOf, refuseIfOpenInExcel, withWriteLock, writeFileSafely, type Fingerprint, type SafeWriteOptions } from '../safe-file';
import { parseOptions, UsageError, type CliCommand, type CliContext, type SummaryId } from '../io';

export interface ParsedArgs {
  input: string;
  output: string | null;
  dryRun: boolean;
  sheet: string | undefined;
  options: Record<string, string | true>;
}

/** "-o x" is accepted for "--output x". */
export function parseWriteArgs(args: string[], booleans: string[] = [], valued: string[] = []): ParsedArgs {
  const normalised = args.map((a) => (a === '-o' ? '--output' : a));
  const { positional, options } = parseOptions(normalised, ['dry-run', ...booleans], ['output', 'sheet', ...valued]);
  if (positional.length > 1) throw new MessageError('cli.input.one', { got: positional.join(' ') });
  if (positional.length === 0) throw new MessageError('cli.input.missing');
  return {
    input: positional[0],
    output: typeof options.output === 'string' ? options.output : null,
    dryRun: options['dry-run'] === true,
    sheet: typeof options.sheet === 'string' ? options.sheet : undefined,
    options,
  };
}

/**
 * Writes bytes beside the target and renames, keeping mode and symlinks; refuses a read-only target,
 * a book open in Excel, and (given `source`) an input changed since it was read (src/cli/safe-file.ts).
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string, options: SafeWriteOptions = {}): Promise<void> {
  await writeFileSafely(file, bytes, options);
}

/** Opens the input as a host, with the fingerprint of exactly the bytes read. */
export async function openInput(file: string): Promise<{ host: XlsxHost; source: Fingerprint }> {
  const stat = await fs.stat(file).catch(() => null);
  const bytes = await readFileBytes(file);
  const host = await XlsxHost.fromBuffer(bytes, path.basename(file));
  return { host, source: fingerprintOf(file, bytes, stat ?? { size: -1, mtimeMs: -1 }) };
}

/** Applies a plan with an undo record, reports, and writes the workbook. Returns the exit status. */
export async function applyAndWrite(host: XlsxHost, plan: EditPlan, output: string, ctx: CliContext, source?: Fingerprint): Promise<number> {
  const result = await runCommand(host, plan);
  for (const line of describeSkipped(result.skipped, ctx.lang)) ctx.err(line);
  await writeFileAtomic(output, await host.toBuffer(), { source });
  const cells = changedCells(plan, result.skipped);
  ctx.out(t(ctx.lang, 'cli.saved', { cells, output }));
  return result.skipped.some((s) => s.reason === 'changed') ? 1 : 0;
}

export interface WriteCommandSpec {
  name: string;
  summary: SummaryId;
  usage: string;
  booleans?: string[];
  valued?: string[];
  /** False for commands that work without a recognised table. */
  needsTables?: boolean;
  plan(input: PlanInput, args: ParsedArgs, ctx: CliContext): Promise<EditPlan> | EditPlan;
}

export async function openForPlanning(args: ParsedArgs, ctx: CliContext, needsTables: boolean): Promise<{ host: XlsxHost; input: PlanInput; source: Fingerprint } | number> {
  const { host, source } = await openInput(args.input);
  // An unknown --sheet is a MessageError: main() prints it translated and exits 2.
  const input = await loadWorkbook(host, { sheet: args.sheet, lang: ctx.lang });
  if (needsTables && input.model.sheets.length === 0) {
    ctx.err(t(ctx.lang, 'cli.no-table', { file: args.input }));
    for (const u of input.model.unrecognised) ctx.err(`  - ${u.sheet}: ${ctx.lang === 'en' ? (u as { reasonEn?: string }).reasonEn ?? u.reason : u.reason}`);
    return 2;
  }
  return { host, input, source };
}

export function makeWriteCommand(spec: WriteCommandSpec): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async run(argv: string[], ctx: CliContext): Promise<number> {
      try {
        return await runWrite(spec, argv, ctx);
      } catch (e) {
        if (!(e instanceof UndoRecordError)) throw e;
        ctx.err(errorDetail(ctx.lang, e));
        return 2;
      }
    },
  };
}

async function runWrite(spec: WriteCommandSpec, argv: string[], ctx: CliContext): Promise<number> {
      const args = parseWriteArgs(argv, spec.booleans, spec.valued);
      if (!args.output && !args.dryRun) throw new UsageError(t(ctx.lang, 'cli.output.missing', { usage: spec.usage }));
      if (args.dryRun) return planAndWrite(spec, args, ctx);
      // one writer at a time on the output, and none while Excel has it open
      await refuseIfOpenInExcel(args.output!);
      return withWriteLock([args.output!], () => planAndWrite(spec, args, ctx));
}

async function planAndWrite(spec: WriteCommandSpec, args: ParsedArgs, ctx: CliContext): Promise<number> {
      const opened = await openForPlanning(args, ctx, spec.needsTables ?? true);
      if (typeof opened === 'number') return opened;
      const plan = await spec.plan(opened.input, args, ctx);
      const preview = describePlan(plan, ctx.lang, args.dryRun ? 200 : 0);
      for (const line of preview) ctx.out(line);
      if (args.dryRun) {
        ctx.out(t(ctx.lang, 'cli.dry-run'));
        return 0;
      }
      if (plan.edits.length === 0) {
        ctx.out(t(ctx.lang, 'cli.nothing-to-change'));
        return 0;
      }
      return applyAndWrite(opened.host, plan, args.output!, ctx, opened.source);
}
