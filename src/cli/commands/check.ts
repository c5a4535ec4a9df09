/**
 * `kpi-progress check <file.xlsx> [--sheet NAME] [--json] [--lang en]`: recognises the progress sheet
 * and prints a summary (or the JSON document other tools rely on). Exit 0 no error finding, 1 at least
 * one error finding, 2 unreadable file or no progress table.
 */
import type { Finding, Lang, RuleId } from '../../core/findings';
import { findingSubject, ruleName, severityCount, severityName } from '../../core/catalogue/vocabulary';
import type { ProgressHost } from '../../core/host';
import type { Kpi, ParsedValue, PrintedGrade, ProgressModel, SheetModel } from '../../core/model';
import type { ByYear } from '../../core/by-year';
import { analyseSnapshots, readFromHost, type HostRead } from '../../app/load';
import type { Analysis } from '../../core/analyse';
import type { GridSnapshot } from '../../core/snapshot';
import { formatYearLabel } from '../../core/years';
import { cellAddress } from '../../core/snapshot';
import { openReadOnlyHostFile } from '../../xlsx/node';
import { t } from '../../core/catalogue';
import { outPieces, parseOptions, type CliCommand, type CliContext } from '../io';
import { indent, ObjectText, valueText, writeJson, type JsonText } from '../json-stream';
import { isBatch, runBatch, terminalProgress } from '../batch';

/** What check needs of an analysis (the core's Analysis has at least this). */
export interface CheckAnalysis {
  kpis: Record<string, { rates: ByYear<number | null>; status: string | null; grade?: string | null; progress?: number | null; method?: string }>;
  findings: Finding[];
}

/**
 * Reads a workbook through the app's one loader (src/app/load.ts), as the task pane and the writing
 * commands do (same sheets, KPI定義 and management sheets), without cell extras as check reads it.
 */
export async function loadForCheck(host: ProgressHost, lang: Lang, only?: string, managementSheets?: string[]): Promise<{ model: ProgressModel; snapshots: GridSnapshot[]; analysis: Analysis | null }> {
  return analyseForCheck(await readFromHost(host, { lang, sheet: only, extras: false }), lang, only, managementSheets);
}

/**
 * What check reads of a file, and the sheet names of the management workbook (--management) when
 * given, opened in the order check always opened them. The hosts live only inside this function, so
 * nothing keeps exceljs's workbook (about 150 MB of objects at 10,000 KPIs) alive while the core runs
 * afterwards: check writes nothing, and every garbage collection during recognise and analyse would
 * otherwise walk it. The snapshots come without cell extras (fills, notes, links), which neither the
 * core's recognise and analyse nor check's output read: at 10,000 KPIs, 77,000 filled cells.
 */
export async function readFileForCheck(file: string, lang: Lang, only?: string, managementFile?: string): Promise<{ read: HostRead; management?: string[] }> {
  const host = await openReadOnlyHostFile(file);
  // The 進行管理シート workbook: its sheet names let the sheet-number rule check シートNo.
  const management = managementFile !== undefined ? (await (await openReadOnlyHostFile(managementFile)).listSheets()).map((s) => s.name) : undefined;
  // An unknown --sheet is a MessageError from the loader: main() prints it translated, exit 2.
  return { read: await readFromHost(host, { lang, sheet: only, extras: false }), management };
}

/** The model and analysis of what readFileForCheck (or loadForCheck) read; the analysis is null without a table. */
export function analyseForCheck(read: HostRead, lang: Lang, only?: string, managementSheets?: string[]): { model: ProgressModel; snapshots: GridSnapshot[]; analysis: Analysis | null } {
  const input = analyseSnapshots(read.sheets, read.snapshots, read.definitionsSnapshot, read.record, { lang, sheet: only, managementSheets });
  return { model: input.model, snapshots: input.snapshots, analysis: input.model.sheets.length ? input.analysis : null };
}

type JsonValue = number | string | null;

/** Figures of a KPI's years as numbers (null where not a number), keys in ascending year order. */
function numbersByYear(values: ByYear<ParsedValue>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  values.forEach((v, year) => {
    out[year] = v.kind === 'number' ? v.value : null;
  });
  return out;
}

function symbolsByYear(grades: ByYear<PrintedGrade>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  grades.forEach((g, year) => {
    out[year] = g.symbol;
  });
  return out;
}

type KpiAnalysis = CheckAnalysis['kpis'][string];

/** One KPI in --json; the years ascending (ByYear's order; integer keys of the output objects print ascending anyway). */
function kpiJson(k: Kpi, a: KpiAnalysis | undefined) {
  const actuals: Record<string, number | null> = {};
  const actualTexts: Record<string, string> = {};
  const rates: Record<string, number | null> = {};
  k.actuals.forEach((v, year) => {
    actuals[year] = v.kind === 'number' ? v.value : null;
    actualTexts[year] = v.text;
    rates[year] = a?.rates.get(year) ?? null;
  });
  const printedRates: Record<string, JsonValue> = {};
  k.printedRates.forEach((r, year) => {
    printedRates[year] = r.kind === 'rate' ? r.value : r.kind === 'empty' ? null : r.text;
  });
  const json: Record<string, unknown> = {
    id: k.id,
    name: k.name,
    row: k.row,
    // null when the layout has no rate cells (targets and actuals side by side)
    rateRow: k.hasRateCells === false ? null : k.rateRow,
    table: k.tableIndex,
    unit: k.unit,
    direction: k.direction,
    cumulative: k.cumulative,
    cumulativeFrom: k.cumulativeFrom,
    baseline: { year: k.baseline.year, value: k.baseline.value, text: k.baseline.text },
    target: { year: k.target.year, value: k.target.value, text: k.target.text, qualifier: k.target.qualifier },
    actuals,
    actualTexts,
    printedRates,
    rates,
    status: a?.status ?? null,
    grade: a?.grade ?? null,
    progress: a?.progress ?? null,
    sheetNo: k.sheetNo,
    department: k.department,
    remark: k.remark,
    breakdownOf: k.breakdownOf,
    relistedFrom: k.relistedFrom,
    path: k.path,
  };
  // the optional members after the others, in this order (the document's key order is part of its text)
  if (k.targets) json.targets = numbersByYear(k.targets);
  if (k.printedGrades) json.printedGrades = symbolsByYear(k.printedGrades);
  if (k.printedTrends) json.printedTrends = symbolsByYear(k.printedTrends);
  if (k.expected) {
    json.expectedRow = k.expectedRow;
    json.expected = numbersByYear(k.expected);
  }
  return json;
}

/**
 * Years a year-keyed member can be written for in ByYear's order: JSON.stringify prints an object's
 * integer keys (array indices) ascending and before any other key, so the text is the record's only
 * when every year is such a key and they ascend (always so for fiscal years; anything else goes the
 * object way).
 */
function plainYears(years: readonly number[]): boolean {
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (!(Number.isInteger(y) && y >= 0 && y < 4294967295) || (i > 0 && !(years[i - 1] < y))) return false;
  }
  return true;
}

/**
 * The text before each member of an object at indent level n — `{\n` or `,\n`, the inner indent, the
 * quoted key, `: ` — made once per level, key and place, so that writing a member joins two strings
 * (its prefix and its value's text) instead of five. A text built by `+` is a tree of joins (V8's cons
 * strings) that writing it out flattens again, node by node: at 10,000 KPIs the document is about 19
 * million characters. (Joining a list of parts per KPI instead made the text flat for less, but the
 * joins cost more than they saved in a cold process.)
 */
class Prefixes {
  private readonly firsts = new Map<string | number, string>();
  private readonly others = new Map<string | number, string>();
  /** The object's close at this level: a line end, the level's indent, `}`. */
  readonly close: string;

  private constructor(private readonly level: number) {
    this.close = `\n${indent(level)}}`;
  }

  private static readonly levels: Prefixes[] = [];

  static at(level: number): Prefixes {
    return (Prefixes.levels[level] ??= new Prefixes(level));
  }

  /** The prefix of a member whose key is `key` (a year or a name, quoted here). */
  of(key: string | number, first: boolean): string {
    const cache = first ? this.firsts : this.others;
    let p = cache.get(key);
    if (p === undefined) {
      p = `${first ? '{\n' : ',\n'}${indent(this.level + 1)}${JSON.stringify(String(key))}: `;
      cache.set(key, p);
    }
    return p;
  }
}

/**
 * A year-keyed member's text at level n, `{ "2019": v, … }` as JSON.stringify writes the record
 * kpiJson builds, from the ByYear directly: no record, which V8 would keep as a dictionary.
 */
function yearsText<T>(by: ByYear<T>, n: number, text: (v: T, year: number) => string | undefined): string {
  const ys = by.years;
  const vs = by.values;
  if (!plainYears(ys)) {
    const record: Record<string, string | undefined> = {};
    by.forEach((v, year) => {
      record[year] = text(v, year);
    });
    const o = new ObjectText(n);
    for (const key of Object.keys(record)) o.member(JSON.stringify(key), record[key]);
    return o.done();
  }
  const p = Prefixes.at(n);
  let s = '';
  for (let i = 0; i < ys.length; i++) {
    const x = text(vs[i], ys[i]);
    if (x !== undefined) s += p.of(ys[i], s === '') + x;
  }
  return s ? s + p.close : '{}';
}

const numberText = (x: number | null | undefined): string | undefined => (x === null ? 'null' : x === undefined ? undefined : Number.isFinite(x) ? String(x) : 'null');
const figureText = (v: ParsedValue): string | undefined => (v.kind === 'number' ? numberText(v.value) : 'null');
const symbolText = (g: PrintedGrade): string | undefined => valueText(g.symbol, 0);

/** `s` with the member `key: text` added at level n (p: that level's prefixes); left out when text is undefined. */
function withMember(s: string, p: Prefixes, key: string, text: string | undefined): string {
  return text === undefined ? s : s + p.of(key, s === '') + text;
}

/**
 * kpiText's text at indent level n, written member by member: the same bytes as JSON.stringify(
 * kpiJson(k, a), null, 2) there, without its four or more year-keyed records per KPI (dictionaries
 * to V8: building and walking them cost more than the text at 10,000 KPIs).
 */
function kpiText(k: Kpi, a: KpiAnalysis | undefined, n: number): string {
  const m = n + 1;
  const p = Prefixes.at(n);
  const q = Prefixes.at(m);
  let b = withMember('', q, 'year', valueText(k.baseline.year, m + 1));
  b = withMember(b, q, 'value', valueText(k.baseline.value, m + 1));
  b = withMember(b, q, 'text', valueText(k.baseline.text, m + 1));
  let t = withMember('', q, 'year', valueText(k.target.year, m + 1));
  t = withMember(t, q, 'value', valueText(k.target.value, m + 1));
  t = withMember(t, q, 'text', valueText(k.target.text, m + 1));
  t = withMember(t, q, 'qualifier', valueText(k.target.qualifier, m + 1));
  let s = withMember('', p, 'id', valueText(k.id, m));
  s = withMember(s, p, 'name', valueText(k.name, m));
  s = withMember(s, p, 'row', valueText(k.row, m));
  s = withMember(s, p, 'rateRow', valueText(k.hasRateCells === false ? null : k.rateRow, m));
  s = withMember(s, p, 'table', valueText(k.tableIndex, m));
  s = withMember(s, p, 'unit', valueText(k.unit, m));
  s = withMember(s, p, 'direction', valueText(k.direction, m));
  s = withMember(s, p, 'cumulative', valueText(k.cumulative, m));
  s = withMember(s, p, 'cumulativeFrom', valueText(k.cumulativeFrom, m));
  s = withMember(s, p, 'baseline', b ? b + q.close : '{}');
  s = withMember(s, p, 'target', t ? t + q.close : '{}');
  s = withMember(s, p, 'actuals', yearsText(k.actuals, m, figureText));
  s = withMember(s, p, 'actualTexts', yearsText(k.actuals, m, (v) => valueText(v.text, m + 1)));
  s = withMember(s, p, 'printedRates', yearsText(k.printedRates, m, (r) => (r.kind === 'rate' ? numberText(r.value) : r.kind === 'empty' ? 'null' : valueText(r.text, m + 1))));
  s = withMember(s, p, 'rates', yearsText(k.actuals, m, (_, year) => numberText(a?.rates.get(year) ?? null)));
  s = withMember(s, p, 'status', valueText(a?.status ?? null, m));
  s = withMember(s, p, 'grade', valueText(a?.grade ?? null, m));
  s = withMember(s, p, 'progress', valueText(a?.progress ?? null, m));
  s = withMember(s, p, 'sheetNo', valueText(k.sheetNo, m));
  s = withMember(s, p, 'department', valueText(k.department, m));
  s = withMember(s, p, 'remark', valueText(k.remark, m));
  s = withMember(s, p, 'breakdownOf', valueText(k.breakdownOf, m));
  s = withMember(s, p, 'relistedFrom', valueText(k.relistedFrom, m));
  s = withMember(s, p, 'path', valueText(k.path, m));
  if (k.targets) s = withMember(s, p, 'targets', yearsText(k.targets, m, figureText));
  if (k.printedGrades) s = withMember(s, p, 'printedGrades', yearsText(k.printedGrades, m, symbolText));
  if (k.printedTrends) s = withMember(s, p, 'printedTrends', yearsText(k.printedTrends, m, symbolText));
  if (k.expected) {
    s = withMember(s, p, 'expectedRow', valueText(k.expectedRow, m));
    s = withMember(s, p, 'expected', yearsText(k.expected, m, figureText));
  }
  return s ? s + p.close : '{}';
}

/** A KPI of the --json document: writeJson takes its text (kpiText), JSON.stringify its toJSON (kpiJson). */
class KpiJson implements JsonText {
  constructor(
    private readonly k: Kpi,
    private readonly a: KpiAnalysis | undefined,
  ) {}

  toJSON() {
    return kpiJson(this.k, this.a);
  }

  jsonText(level: number): string {
    return kpiText(this.k, this.a, level);
  }
}

/** Sheets the host cut because of a giant used range. */
function truncatedSheets(snapshots: GridSnapshot[]) {
  return snapshots.filter((s) => s.truncated).map((s) => ({ sheet: s.sheet, ...s.truncated! }));
}

/** The `--json` document: the contract of issue #3 (more fields are welcome, none removed). */
export function buildCheckDocument(file: string, model: ProgressModel, analysis: CheckAnalysis | null, lang: Lang, snapshots: GridSnapshot[] = []) {
  const findings = analysis?.findings ?? [];
  return {
    file,
    sheets: model.sheets.map((s) => {
      const counts = kpisPerTable(s);
      return {
        sheet: s.sheet,
        tables: s.tables.length,
        // each table with its layout family (the count above stays for existing consumers)
        tableList: s.tables.map((tb) => ({ index: tb.index, layout: tb.layout ?? 'two-row', headerRow: tb.headerRow, firstRow: tb.firstRow, lastRow: tb.lastRow, kpis: counts.get(tb.index) ?? 0 })),
        ...(s.legends ? { legends: s.legends.map((l) => ({ kind: l.kind, cell: cellAddress(l.row, l.col), entries: l.entries })) } : {}),
        kpis: s.kpis.map((k) => new KpiJson(k, analysis?.kpis[k.id])),
        findings: findings
          .filter((f) => f.sheet === s.sheet)
          .map(findingJson),
      };
    }),
    unrecognised: model.unrecognised.map((u) => ({ sheet: u.sheet, reason: lang === 'en' ? u.reasonEn ?? u.reason : u.reason })),
    // Findings on sheets that are not progress sheets (unreadable cells of KPI定義).
    otherFindings: findings
      .filter((f) => !model.sheets.some((s) => s.sheet === f.sheet))
      .map(findingJson),
    truncated: truncatedSheets(snapshots),
  };
}

/** A finding in --json: ids as the contract, plus the KPI's name and fiscal year as people read them. */
/** KPIs per table index, counted in one pass (filtering every KPI per table was quadratic: 2.5 s at 10,000 KPIs). */
function kpisPerTable(s: SheetModel): Map<number, number> {
  const counts = new Map<number, number>();
  for (const k of s.kpis) counts.set(k.tableIndex, (counts.get(k.tableIndex) ?? 0) + 1);
  return counts;
}

function findingJson(f: Finding) {
  return {
    rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, kpi: f.kpi,
    kpiName: f.kpiName ?? null, year: f.year ?? null, yearLabel: f.yearLabel ?? null, message: f.message,
  };
}

/** 0 no error finding, 1 at least one, 2 no progress table. */
export function checkExitCode(model: ProgressModel, analysis: CheckAnalysis | null): number {
  if (model.sheets.length === 0) return 2;
  return analysis?.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function yearsLine(s: SheetModel): string {
  const cols = new Map<number, string>();
  for (const tb of s.tables) for (const y of tb.columns.years) if (!cols.has(y.year)) cols.set(y.year, formatYearLabel(y.year, y.style));
  const years = [...cols.keys()].sort((a, b) => a - b);
  if (years.length === 0) return '-';
  return `${cols.get(years[0])}–${cols.get(years[years.length - 1])} (${years[0]}–${years[years.length - 1]})`;
}

/** One line per sheet; sheets failing for the same reason (33 management sheets) share one line. */
function unrecognisedLines(model: ProgressModel, ctx: { lang: Lang }): string[] {
  const groups = new Map<string, string[]>();
  for (const u of model.unrecognised) {
    const reason = ctx.lang === 'en' ? u.reasonEn ?? u.reason : u.reason;
    // Reasons quote the sheet name as 「name」 or "name": only those quotes are the name.
    const shape = reason.replace(/「([^」]*)」|"([^"]*)"/g, (quoted, a?: string, b?: string) => ((a ?? b) === u.sheet ? quoted.replace(u.sheet, '\u0000') : quoted));
    groups.set(shape, [...(groups.get(shape) ?? []), u.sheet]);
  }
  const out: string[] = [];
  for (const [shape, sheets] of groups) {
    if (sheets.length < 4) for (const sheet of sheets) out.push(`  - ${sheet}: ${shape.split('\u0000').join(sheet)}`);
    else {
      const names = `${sheets.slice(0, 3).join(', ')} … ${sheets[sheets.length - 1]}`;
      out.push(`  - ${t(ctx.lang, 'cli.check.sheets', { n: sheets.length, names })}: ${shape.split('\u0000').join(sheets[0])}`);
    }
  }
  return out;
}

/** The readable summary, Japanese first. */
export function summaryLines(file: string, model: ProgressModel, analysis: CheckAnalysis | null, ctx: { lang: Lang }, snapshots: GridSnapshot[] = []): string[] {
  const out: string[] = [t(ctx.lang, 'cli.check.file', { file })];
  for (const c of truncatedSheets(snapshots)) {
    out.push(t(ctx.lang, 'cli.check.truncated', { sheet: c.sheet, rows: c.rows, cols: c.cols, reason: c.reason }));
  }
  for (const s of model.sheets) {
    out.push('');
    out.push(t(ctx.lang, 'cli.check.sheet', { sheet: s.sheet, tables: s.tables.length, kpis: s.kpis.length, years: yearsLine(s) }));
    const counts = kpisPerTable(s);
    for (const tb of s.tables) {
      const n = counts.get(tb.index) ?? 0;
      const where = tb.path.length ? tb.path.join(' > ') : t(ctx.lang, 'cli.check.no-heading');
      out.push(t(ctx.lang, 'cli.check.table', { table: tb.index + 1, from: tb.headerRow, to: tb.lastRow, kpis: n, where }));
    }
    const breakdowns = s.kpis.filter((k) => k.breakdownOf).length;
    const relisted = s.kpis.filter((k) => k.relistedFrom).length;
    out.push(t(ctx.lang, 'cli.check.breakdowns', { breakdowns, relisted }));
  }
  if (model.unrecognised.length) {
    out.push('');
    out.push(t(ctx.lang, 'cli.check.unrecognised'));
    out.push(...unrecognisedLines(model, ctx));
  }
  if (model.sheets.length === 0) return out;
  out.push('');
  if (!analysis) {
    out.push(t(ctx.lang, 'cli.check.no-rules'));
    return out;
  }
  const findings = analysis.findings;
  if (findings.length === 0) {
    out.push(t(ctx.lang, 'plan.report.markdown.none'));
    return out;
  }
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => ({ s, n: findings.filter((f) => f.severity === s).length }))
    .filter((c) => c.n > 0)
    .map((c) => severityCount(c.s, c.n, ctx.lang));
  out.push(t(ctx.lang, 'cli.check.findings', { n: findings.length, counts }));
  for (const [rule, list] of byRule) {
    out.push(`  ${ruleName(rule as RuleId, ctx.lang)} (${rule}): ${list.length}`);
    for (const f of list) {
      const subject = findingSubject(f, ctx.lang);
      out.push(`    [${severityName(f.severity, ctx.lang)}] ${f.sheet}!${f.cell}${subject ? ` ${subject}` : ''}: ${f.message}`);
    }
  }
  return out;
}

export function makeCheckCommand(): CliCommand {
  return {
    name: 'check',
    summary: 'cli.summary.check',
    usage: 'kpi-progress check <file.xlsx> [<file-or-folder>…] [--sheet NAME] [--management FILE] [--json] [--lang ja|en]',
    async run(args: string[], ctx: CliContext): Promise<number> {
      const { positional, options } = parseOptions(args, ['json'], ['sheet', 'management']);
      if (positional.length === 0) {
        ctx.err(t(ctx.lang, 'cli.usage', { usage: this.usage }));
        return 2;
      }
      const file = positional[0];
      const only = typeof options.sheet === 'string' ? options.sheet : undefined;
      if (await isBatch(positional)) return runBatch(positional, { json: !!options.json, sheet: only, management: typeof options.management === 'string' ? options.management : undefined, progress: terminalProgress() }, ctx);
      const { read, management } = await readFileForCheck(file, ctx.lang, only, typeof options.management === 'string' ? options.management : undefined);
      const { model, snapshots, analysis } = analyseForCheck(read, ctx.lang, only, management);
      if (options.json) {
        const doc = buildCheckDocument(file, model, analysis, ctx.lang, snapshots);
        outPieces(ctx, (write) => writeJson(doc, write));
      }
      else for (const line of summaryLines(file, model, analysis, ctx, snapshots)) ctx.out(line);
      if (model.sheets.length === 0 && !options.json) {
        ctx.err(t(ctx.lang, 'cli.no-table', { file }));
      }
      return checkExitCode(model, analysis);
    },
  };
}

export const checkCommand = makeCheckCommand();

/**
 * check --json's steps one by one, for scripts/check-stages.js, which times them in the bundle users
 * run (dist/node/kpi-progress.js, through main's checkStages).
 */
export const checkStages = { openReadOnlyHostFile, readFromHost, analyseForCheck, buildCheckDocument, writeJson };
