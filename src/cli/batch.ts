/**
 * `kpi-progress check <file-or-folder>…` over many workbooks: one result per file (JSON lines with
 * --json), a progress bar on stderr when it is a terminal, past bad files, then a summary table.
 * The exit status is the worst of the files (0 fine, 1 error findings, 2 unreadable / no table).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { errorDetail, t } from '../core/catalogue';
import { WorkbookLoadError } from '../xlsx/sniff';
import { openReadOnlyHostFile } from '../xlsx/node';
import { buildCheckDocument, checkExitCode, loadForCheck, summaryLines } from './commands/check';
import type { CliContext } from './io';

export interface BatchOptions {
  json: boolean;
  sheet?: string;
  /** The 進行管理シート workbook (--management), read once for every file. */
  management?: string;
  /** Raw writes for the progress bar (stderr of a terminal); none when not a terminal. */
  progress?: (text: string) => void;
}

export interface FileResult {
  file: string;
  code: number;
  kpis: number;
  errors: number;
  warnings: number;
  /** One sentence when the file could not be checked. */
  problem?: string;
  lines: string[];
  document?: unknown;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Workbooks under a folder (recursively, sorted), skipping Excel's "~$" lock files and hidden files. */
async function workbooksIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await workbooksIn(full)));
    else if (WORKBOOK.test(entry.name)) out.push(full);
  }
  return out;
}

/** Files to check: files as given, folders expanded; a folder without workbooks is reported. */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      files.push(input);
      continue;
    }
    const found = await workbooksIn(input);
    if (found.length === 0) empty.push(input);
    files.push(...found);
  }
  return { files, empty };
}

function failed(file: string, problem: string): FileResult {
  return { file, code: 2, kpis: 0, errors: 0, warnings: 0, problem, lines: [] };
}

/** Checks one workbook; never throws (a bad file is a result with a problem sentence). */
export async function checkFile(file: string, options: BatchOptions, ctx: CliContext, managementSheets?: string[]): Promise<FileResult> {
  try {
    const host = await openReadOnlyHostFile(file);
    const only = options.sheet;
    if (only && !(await host.listSheets()).some((s) => s.name === only)) {
      return failed(file, t(ctx.lang, 'cli.no-sheet', { file, sheet: only }));
    }
    const { model, snapshots, analysis } = await loadForCheck(host, ctx.lang, only, managementSheets);
    const findings = analysis?.findings ?? [];
    return {
      file,
      code: checkExitCode(model, analysis),
      kpis: model.sheets.reduce((n, s) => n + s.kpis.length, 0),
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      ...(model.sheets.length ? {} : { problem: t(ctx.lang, 'cli.no-table', { file }) }),
      lines: summaryLines(file, model, analysis, ctx, snapshots),
      document: buildCheckDocument(file, model, analysis, ctx.lang, snapshots),
    };
  } catch (e) {
    if (e instanceof WorkbookLoadError) return failed(file, errorDetail(ctx.lang, e));
    return failed(file, t(ctx.lang, 'cli.not-checked', { file, detail: errorDetail(ctx.lang, e) }));
  }
}

/** Terminal columns a text takes: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** The closing table: file, KPIs, errors, warnings, result. */
export function summaryTable(results: FileResult[], ctx: CliContext): string[] {
  const verdict = (r: FileResult): string =>
    t(ctx.lang, r.code === 0 ? 'cli.batch.ok' : r.code === 1 ? 'cli.batch.errors' : 'cli.batch.not-checked');
  const head = [t(ctx.lang, 'cli.batch.file'), 'KPI', t(ctx.lang, 'cli.batch.error-count'), t(ctx.lang, 'cli.batch.warning-count'), t(ctx.lang, 'cli.batch.result')];
  const rows = results.map((r) => [r.file, String(r.kpis), String(r.errors), String(r.warnings), verdict(r)]);
  const total = [t(ctx.lang, 'cli.batch.total', { n: results.length }), ...[0, 1, 2].map((i) => String(results.reduce((n, r) => n + [r.kpis, r.errors, r.warnings][i], 0))), ''];
  const all = [head, ...rows, total];
  const widths = head.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]))));
  const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i], i >= 1 && i <= 3)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...rows.map(line), rule, line(total)];
}

function bar(done: number, total: number, file: string): string {
  const width = 24;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const name = file.length > 40 ? `…${file.slice(-39)}` : file;
  return `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`;
}

/** Runs the batch and returns the worst exit status. */
export async function runBatch(inputs: string[], options: BatchOptions, ctx: CliContext): Promise<number> {
  const { files, empty } = await expandInputs(inputs);
  const managementSheets = options.management ? (await (await openReadOnlyHostFile(options.management)).listSheets()).map((s) => s.name) : undefined;
  const results: FileResult[] = empty.map((folder) => failed(folder, t(ctx.lang, 'cli.empty-folder', { folder })));
  const show = (r: FileResult): void => {
    if (r.problem) ctx.err(r.problem);
    if (options.json) ctx.out(JSON.stringify(r.document ?? { file: r.file, error: r.problem, exitCode: r.code }));
    else if (r.lines.length) {
      for (const line of r.lines) ctx.out(line);
      ctx.out('');
    }
  };
  results.forEach(show);
  for (let i = 0; i < files.length; i++) {
    options.progress?.(bar(i, files.length, files[i]));
    const r = await checkFile(files[i], options, ctx, managementSheets);
    options.progress?.('\r\x1b[K');
    results.push(r);
    show(r);
  }
  options.progress?.(`${bar(files.length, files.length, '')}\n`);
  // with --json, stdout stays pure JSON lines: the table goes to stderr
  for (const line of summaryTable(results, ctx)) (options.json ? ctx.err : ctx.out)(line);
  return results.reduce((worst, r) => Math.max(worst, r.code), 0);
}

/** More than one input, or a folder: the batch form (one plain file keeps the single-file output). */
export async function isBatch(inputs: string[]): Promise<boolean> {
  if (inputs.length !== 1) return inputs.length > 1;
  return (await fs.stat(inputs[0]).catch(() => null))?.isDirectory() ?? false;
}

/** The progress bar writer: stderr when it is a terminal, else none. */
export function terminalProgress(): ((text: string) => void) | undefined {
  return process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined;
}
